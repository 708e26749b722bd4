import Foundation

/// Limits and lifetimes for a `WorkerPool`.
public struct WorkerPoolSettings: Sendable, Equatable {
    /// An idle worker older than this (on the engine's clock) is stopped.
    public var idleTimeout: TimeInterval
    /// Invocations running at once in the whole account (Lambda's account concurrency).
    public var accountConcurrency: Int
    /// Idle workers kept in all; the least recently used go first.
    public var maxIdleWorkers: Int
    /// Whether workers run in the sandbox (`WorkerSandbox`); `.unsandboxed` is for side-by-side figures.
    public var isolation: WorkerIsolation
    /// The private folder for code, the bootstrap and scratch space; nil means `PrivateDirectory.defaultRoot()`.
    public var privateDirectory: String?
    /// The interpreter functions run on; nil means `PythonRuntime.defaultPython` (`$OVERCAST_PYTHON`, else python3).
    public var python: String?

    public init(idleTimeout: TimeInterval = 600, accountConcurrency: Int = 10, maxIdleWorkers: Int = 32,
                isolation: WorkerIsolation = .sandboxed, privateDirectory: String? = nil, python: String? = nil) {
        self.python = python
        self.idleTimeout = idleTimeout
        self.accountConcurrency = accountConcurrency
        self.maxIdleWorkers = maxIdleWorkers
        self.isolation = isolation
        self.privateDirectory = privateDirectory
    }

    /// The private folders these settings name, created or checked.
    public func directories() throws -> WorkerDirectories {
        try WorkerDirectories.prepare(root: privateDirectory ?? PrivateDirectory.defaultRoot())
    }
}

/// Warm workers per function version and revision, as Lambda keeps execution environments:
/// an invocation takes an idle worker of the same (function, version, revision) or starts one
/// (a cold start); afterwards a healthy worker goes back to the idle list.
///
/// - Idle workers expire after `idleTimeout` on the injected clock (checked on every invoke and by
///   `expireIdleWorkers()`, which the engine may call on a timer).
/// - A new revision for a (function, version) retires that version's older workers; `retire(functionName:)`
///   retires all of a function's workers (busy ones are stopped when they finish).
/// - Concurrency is capped per function (its reserved concurrency) and per account; past a cap
///   `invoke` throws a `WorkerPoolError` whose `engineError` is `TooManyRequestsException`.
public final class WorkerPool: @unchecked Sendable {
    public let settings: WorkerPoolSettings
    private let clock: any EngineClock
    private let ids: any IDGenerator
    private let runtimeProvider: @Sendable (WorkerDirectories) throws(WorkerPoolError) -> PythonRuntime
    private let lock = NSLock()

    private struct Key: Hashable {
        var functionName: String
        var version: String
    }

    private struct Idle {
        var worker: PythonWorker
        var revision: String
        var generation: Int
        var idleSince: Date
    }

    private var idle: [Key: [Idle]] = [:]
    private var latestRevision: [Key: String] = [:]
    private var generation: [String: Int] = [:]
    private var running: [String: Int] = [:]
    private var runningTotal = 0
    private var runtime: PythonRuntime?

    /// - Parameter runtime: the python3 to run; found on PATH (and the bootstrap written) on first use when nil.
    public init(settings: WorkerPoolSettings = WorkerPoolSettings(), clock: any EngineClock, ids: any IDGenerator, runtime: PythonRuntime? = nil) {
        self.settings = settings
        self.clock = clock
        self.ids = ids
        self.runtime = runtime
        runtimeProvider = { (directories: WorkerDirectories) throws(WorkerPoolError) -> PythonRuntime in
            let directory: String
            do { directory = try directories.bootstrapDirectory() } catch { throw .wrapping(error) }
            return try PythonRuntime.locate(python: settings.python ?? PythonRuntime.defaultPython, runtimeDirectory: directory)
        }
    }

    private var checkedDirectories: WorkerDirectories?

    /// The private folders (code, bootstrap, scratch space), created or checked once per pool.
    public func directories() throws(WorkerPoolError) -> WorkerDirectories {
        if let known = lock.withLock({ checkedDirectories }) { return known }
        do {
            let made = try settings.directories()
            lock.withLock { checkedDirectories = made }
            return made
        } catch {
            throw .wrapping(error)
        }
    }

    deinit {
        shutdown()
    }

    /// Runs one invocation on a warm worker, or a new one. Blocks until it ends (at the latest at the function's timeout).
    ///
    /// `onStart` runs once the invocation has its concurrency slot (never for a throttled one): the engine
    /// records it as running there. `beforeColdStart` runs only when a new worker is about to start: the engine
    /// checks there that the code on disk is still the code it stored, so no new worker runs code changed
    /// behind its back.
    public func invoke(_ spec: WorkerFunctionSpec, _ invocation: WorkerInvocation, onStart: () -> Void = {},
                       beforeColdStart: () throws(WorkerPoolError) -> Void = {}) throws(WorkerPoolError) -> WorkerInvocationResult {
        let key = Key(functionName: spec.functionName, version: spec.version)
        var toStop: [PythonWorker] = []
        let claimed: (worker: PythonWorker?, generation: Int, runtime: PythonRuntime?)
        do throws(WorkerPoolError) {
            claimed = try claim(spec, key: key, stopping: &toStop)
        } catch {
            toStop.forEach { $0.terminate() }
            throw error
        }
        toStop.forEach { $0.terminate() }
        onStart()

        let worker: PythonWorker
        do throws(WorkerPoolError) {
            if let warm = claimed.worker {
                worker = warm
            } else {
                let python: PythonRuntime
                if let known = claimed.runtime {
                    python = known
                } else {
                    python = try runtimeProvider(try directories())
                    lock.withLock { runtime = python }
                }
                try beforeColdStart()
                let sandbox = settings.isolation == .sandboxed ? try directories() : nil
                worker = try PythonWorker(spec: spec, runtime: python, clock: clock, ids: ids, sandbox: sandbox)
            }
        } catch {
            release(spec.functionName)
            throw error
        }

        let result = worker.invoke(invocation)

        var evicted: [PythonWorker] = []
        let keep = lock.withLock { () -> Bool in
            running[spec.functionName, default: 1] -= 1
            runningTotal -= 1
            guard worker.isReusable,
                  generation[spec.functionName, default: 0] == claimed.generation,
                  latestRevision[key] == spec.revision
            else { return false }
            idle[key, default: []].append(Idle(worker: worker, revision: spec.revision, generation: claimed.generation, idleSince: clock.now()))
            evicted = trimLocked()
            return true
        }
        if !keep { worker.terminate() }
        evicted.forEach { $0.terminate() }
        return result
    }

    /// Takes a concurrency slot and, when there is one, an idle worker.
    private func claim(
        _ spec: WorkerFunctionSpec, key: Key, stopping toStop: inout [PythonWorker]
    ) throws(WorkerPoolError) -> (worker: PythonWorker?, generation: Int, runtime: PythonRuntime?) {
        lock.lock()
        defer { lock.unlock() }
        do {
            toStop += expireLocked(now: clock.now())
            if let limit = spec.reservedConcurrency, running[spec.functionName, default: 0] >= limit {
                throw .functionConcurrencyExceeded(functionName: spec.functionName, limit: limit)
            }
            if runningTotal >= settings.accountConcurrency {
                throw .accountConcurrencyExceeded(limit: settings.accountConcurrency)
            }
            if latestRevision[key] != spec.revision {
                latestRevision[key] = spec.revision
                let stale = idle[key, default: []].filter { $0.revision != spec.revision }
                idle[key] = idle[key, default: []].filter { $0.revision == spec.revision }
                toStop += stale.map(\.worker)
            }
            running[spec.functionName, default: 0] += 1
            runningTotal += 1
            let current = generation[spec.functionName, default: 0]
            var list = idle[key, default: []]
            var found: PythonWorker?
            // Most recently used first, as Lambda tends to reuse the warmest environment.
            while let candidate = list.popLast() {
                if candidate.worker.isReusable && candidate.generation == current && candidate.revision == spec.revision {
                    found = candidate.worker
                    break
                }
                toStop.append(candidate.worker)
            }
            idle[key] = list
            return (found, current, runtime)
        }
    }

    /// Stops all of a function's workers (all versions): its code or configuration changed, or it was deleted.
    /// Busy workers finish their invocation and are then stopped.
    public func retire(functionName: String) {
        let stopped = lock.withLock { () -> [PythonWorker] in
            generation[functionName, default: 0] += 1
            var stopped: [PythonWorker] = []
            for key in idle.keys where key.functionName == functionName {
                stopped += idle[key, default: []].map(\.worker)
                idle[key] = nil
            }
            return stopped
        }
        stopped.forEach { $0.terminate() }
    }

    /// Stops workers idle for longer than `idleTimeout` on the clock. Returns how many were stopped.
    @discardableResult
    public func expireIdleWorkers() -> Int {
        let stopped = lock.withLock { expireLocked(now: clock.now()) }
        stopped.forEach { $0.terminate() }
        return stopped.count
    }

    /// Stops every idle worker; busy ones are stopped when they finish.
    public func shutdown() {
        let stopped = lock.withLock { () -> [PythonWorker] in
            let all = idle.values.flatMap { $0.map(\.worker) }
            idle = [:]
            for name in Set(latestRevision.keys.map(\.functionName)).union(running.keys) { generation[name, default: 0] += 1 }
            return all
        }
        stopped.forEach { $0.terminate() }
    }

    /// Idle workers of a function (all versions).
    public func idleWorkerCount(functionName: String) -> Int {
        lock.withLock { idle.filter { $0.key.functionName == functionName }.reduce(0) { $0 + $1.value.count } }
    }

    /// Invocations running now for a function.
    public func runningCount(functionName: String) -> Int {
        lock.withLock { running[functionName, default: 0] }
    }

    private func release(_ functionName: String) {
        lock.withLock {
            running[functionName, default: 1] -= 1
            runningTotal -= 1
        }
    }

    private func expireLocked(now: Date) -> [PythonWorker] {
        var stopped: [PythonWorker] = []
        for (key, list) in idle {
            let (old, fresh) = (list.filter { now.timeIntervalSince($0.idleSince) >= settings.idleTimeout },
                                list.filter { now.timeIntervalSince($0.idleSince) < settings.idleTimeout })
            if !old.isEmpty {
                stopped += old.map(\.worker)
                idle[key] = fresh
            }
        }
        return stopped
    }

    private func trimLocked() -> [PythonWorker] {
        var all = idle.flatMap { entry in entry.value.map { (entry.key, $0) } }
        guard all.count > settings.maxIdleWorkers else { return [] }
        all.sort { $0.1.idleSince < $1.1.idleSince }
        let drop = all.prefix(all.count - settings.maxIdleWorkers)
        let dropped = Set(drop.map { ObjectIdentifier($0.1.worker) })
        for key in idle.keys {
            idle[key] = idle[key]?.filter { !dropped.contains(ObjectIdentifier($0.worker)) }
        }
        return drop.map(\.1.worker)
    }
}
