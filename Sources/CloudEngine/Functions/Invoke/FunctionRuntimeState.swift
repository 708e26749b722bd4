import Foundation

/// The account's share of the function runtime: one `WorkerPool` (created on first use), the
/// execution-role sessions handed to workers, and the asynchronous (Event) invocations in flight.
///
/// `Account` keeps one of these; `FunctionsService` (a value made per call) reaches it as
/// `account.functionRuntime`.
public final class FunctionRuntimeState: @unchecked Sendable {
    private let lock = NSLock()
    private var pool: WorkerPool?
    private var sessions: [SessionKey: AssumedRole] = [:]
    private var retryDelays: [TimeInterval] = [60, 120]
    private var asyncObserver: (@Sendable (AsyncInvocationOutcome) -> Void)?
    private let asyncGroup = DispatchGroup()
    let asyncQueue = DispatchQueue(label: "overcast.functions.async", attributes: .concurrent)

    /// Pool settings used when the pool is first created.
    private var poolSettings = WorkerPoolSettings()

    struct SessionKey: Hashable {
        var functionName: String
        var role: String
        var epoch: Int64
    }

    public init() {}

    deinit { shutdown() }

    /// The shared pool, created with the account's clock and ids on first use.
    func workerPool(clock: any EngineClock, ids: any IDGenerator) -> WorkerPool {
        lock.withLock {
            if let pool { return pool }
            let made = WorkerPool(settings: poolSettings, clock: clock, ids: ids)
            pool = made
            return made
        }
    }

    /// The pool if one was started.
    public var existingPool: WorkerPool? { lock.withLock { pool } }

    /// Settings for the pool; only effective before the first invocation.
    public func configurePool(_ settings: WorkerPoolSettings) {
        lock.withLock { poolSettings = settings }
    }

    /// The private folder the runtime keeps code, the bootstrap and scratch space in.
    public var privateRoot: String {
        lock.withLock { poolSettings.privateDirectory } ?? PrivateDirectory.defaultRoot()
    }



    /// Waits before the second and third attempts of a failed Event invocation (Lambda: 1 and 2 minutes).
    /// Tests set zeros.
    public var asyncRetryDelays: [TimeInterval] {
        get { lock.withLock { retryDelays } }
        set { lock.withLock { retryDelays = newValue } }
    }

    /// Called on the background queue after every finished Event invocation (all its attempts).
    public func onAsyncInvocationFinished(_ observer: (@Sendable (AsyncInvocationOutcome) -> Void)?) {
        lock.withLock { asyncObserver = observer }
    }

    /// Blocks until every Event invocation queued so far (and its retries) has finished.
    public func drainAsyncInvocations() {
        asyncGroup.wait()
    }

    /// Stops the idle workers; busy ones stop when they finish.
    public func shutdown() {
        lock.withLock { pool }?.shutdown()
    }

    // MARK: - Internal

    func cachedSession(_ key: SessionKey) -> AssumedRole? {
        lock.withLock { sessions[key] }
    }

    func storeSession(_ session: AssumedRole, for key: SessionKey) {
        lock.withLock {
            sessions = sessions.filter { $0.key.epoch >= key.epoch }
            sessions[key] = session
        }
    }

    func enterAsync() { asyncGroup.enter() }
    func leaveAsync() { asyncGroup.leave() }

    func notifyAsync(_ outcome: AsyncInvocationOutcome) {
        let observer = lock.withLock { asyncObserver }
        observer?(outcome)
    }
}

/// How an Event invocation ended, after its retries.
public struct AsyncInvocationOutcome: Sendable {
    public var functionName: String
    public var requestID: String
    /// One response per attempt, in order (at most 3).
    public var attempts: [InvocationResponse]
    /// Set when an attempt could not run at all (throttled, python3 missing, role gone).
    public var failure: EngineError?
}
