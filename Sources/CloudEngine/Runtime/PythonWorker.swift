import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One execution environment: a python3 process running the bootstrap, which imported the
/// handler once (the init phase) and then serves invocations one at a time.
///
/// `init` starts the process and waits for the init phase; the first `invoke` reports it
/// (`INIT_START`, the init's log lines, `Init Duration`). A worker that timed out, died or failed
/// to init is dead (`isReusable` false) and every later `invoke` on it is refused by the pool.
/// Blocking; one invocation at a time (the pool sees to it).
public final class PythonWorker: @unchecked Sendable {
    public let spec: WorkerFunctionSpec
    /// `YYYY/MM/DD/[$LATEST]<32 hex>`: this worker's log stream.
    public let logStreamName: String
    /// When the worker started, on the engine's clock.
    public let startedAt: Date
    /// How long the init phase took (interpreter start plus handler import), in milliseconds.
    public let initDurationMs: Double
    public var pid: Int32 { process.pid }

    /// Headroom over the function's memory for the address-space limit (RLIMIT_AS and RLIMIT_DATA,
    /// set by the bootstrap before it imports the handler): the interpreter's own mappings, thread
    /// stacks and native libraries' arenas count against it, not just the handler's data. An
    /// allocation past the limit raises MemoryError, which is reported as `Runtime.OutOfMemory`;
    /// a handler that stays under the limit but whose max RSS ends above its memory size is
    /// reported the same way when it returns (Lambda would have killed it on the way).
    public static let memoryHeadroomBytes = 512 * 1_048_576
    /// Lambda gives the init phase 10 seconds.
    public static let initTimeoutSeconds = 10.0

    private let process: WorkerProcess
    private let clock: any EngineClock
    /// The interpreter that really runs the function, for `INIT_START`.
    private let localPythonVersion: String?
    private let lock = NSLock()
    private var initLines: [WorkerLogLine]
    private var initError: WorkerFunctionError?
    private var initTimedOut = false
    private var coldPending = true
    private var dead = false

    /// Starts a worker and runs its init phase. Throws only when python3 cannot be started at all;
    /// an init that fails (import error, bad handler) is reported by the first `invoke`.
    ///
    /// With `sandbox` (the private folders, for the worker's scratch space), the worker runs in the sandbox
    /// `WorkerSandbox` describes; without it, as the user.
    public init(spec: WorkerFunctionSpec, runtime: PythonRuntime, clock: any EngineClock, ids: any IDGenerator,
                sandbox: WorkerDirectories? = nil) throws(WorkerPoolError) {
        self.spec = spec
        self.clock = clock
        localPythonVersion = runtime.version
        let started = clock.now()
        startedAt = started
        logStreamName = LambdaLogFormatter.logStreamName(date: started, version: spec.version, hex: ids.hex(32))
        let environment = Self.environment(spec: spec, runtime: runtime, logStreamName: logStreamName)
        let memoryLimit = spec.memorySizeMB * 1_048_576 + Self.memoryHeadroomBytes
        let startNanos = DispatchTime.now().uptimeNanoseconds
        var request: WorkerSandboxRequest?
        var scratchPath: String?
        if let sandbox {
            do {
                let scratch = try sandbox.newScratchDirectory()
                scratchPath = scratch
                request = WorkerSandboxRequest(readable: WorkerSandbox.readablePaths(spec: spec, runtime: runtime),
                                               scratchDirectory: scratch,
                                               ephemeralStorageBytes: UInt64(spec.ephemeralStorageMB) * 1_048_576)
            } catch {
                throw .wrapping(error)
            }
        }
        scratchDirectory = scratchPath
        do {
            process = try WorkerProcess(
                executable: runtime.executable,
                arguments: [
                    // -B: the code folder is read-only, as /var/task is on Lambda; no __pycache__ is attempted.
                    "-u", "-B", runtime.bootstrapPath,
                    "--memory-limit-bytes", String(memoryLimit),
                    "--clock-ms", String(Int64(started.timeIntervalSince1970 * 1000)),
                ],
                environment: environment,
                sandbox: request
            )
        } catch {
            scratchPath.map(PrivateDirectory.removeTree)
            throw .runtimeUnavailable("\(error)")
        }

        var lines: [WorkerLogLine] = []
        let deadline = startNanos + UInt64(Self.initTimeoutSeconds * 1e9)
        initLoop: while true {
            switch process.next(deadline: deadline) {
            case .frame(let frame):
                switch frame["t"] as? String {
                case "log":
                    lines.append(Self.line(frame, base: started))
                case "ready":
                    lines += process.drainOutput().map { WorkerLogLine(timestamp: clock.now(), message: $0) }
                    break initLoop
                case "initError":
                    lines += process.drainOutput().map { WorkerLogLine(timestamp: clock.now(), message: $0) }
                    initError = Self.functionError(frame["error"])
                    break initLoop
                case "oom":
                    initError = WorkerFunctionError(errorType: "Runtime.OutOfMemory", errorMessage: "Runtime exited with error: signal: killed")
                    break initLoop
                default:
                    continue
                }
            case .outputLine(let text):
                lines.append(WorkerLogLine(timestamp: clock.now(), message: text))
            case .closed:
                process.waitForExit()
                let reason = process.exit?.reason ?? "exit status unknown"
                initError = WorkerFunctionError(errorType: "Runtime.ExitError", errorMessage: "Runtime exited with error: \(reason)")
                break initLoop
            case .timedOut:
                initTimedOut = true
                break initLoop
            }
        }
        initDurationMs = Double(DispatchTime.now().uptimeNanoseconds - startNanos) / 1e6
        initLines = lines
        if initError != nil || initTimedOut {
            dead = true
            process.kill()
            process.closeDescriptors()
        }
    }

    deinit {
        process.kill()
        process.closeDescriptors()
        scratchDirectory.map(PrivateDirectory.removeTree)
    }

    /// How this worker is isolated.
    public var isolation: WorkerIsolationMode { process.isolation }

    /// False once the worker timed out, died, failed to init or was terminated.
    public var isReusable: Bool { lock.withLock { !dead } }

    /// Kills the worker.
    public func terminate() {
        lock.withLock {
            dead = true
            process.kill()
            process.closeDescriptors()
        }
    }

    /// The worker's stand-in for `/tmp` when it has no namespace of its own; removed with the worker.
    private let scratchDirectory: String?

    /// Runs one invocation and waits for it, up to the function's timeout.
    public func invoke(_ invocation: WorkerInvocation) -> WorkerInvocationResult {
        lock.withLock { invokeLocked(invocation) }
    }

    private func invokeLocked(_ invocation: WorkerInvocation) -> WorkerInvocationResult {
        let requestId = invocation.requestId
        let started = clock.now()
        let startNanos = DispatchTime.now().uptimeNanoseconds
        let cold = coldPending
        coldPending = false

        var lines: [WorkerLogLine] = []
        if cold {
            lines.append(WorkerLogLine(timestamp: startedAt, message: LambdaLogFormatter.initStart(
                runtime: spec.runtime, region: spec.region, localPython: localPythonVersion)))
            lines += initLines
            initLines = []
        }

        var context = Outcome(requestId: requestId)
        let startLine = WorkerLogLine(timestamp: started, message: LambdaLogFormatter.start(requestId: requestId, version: spec.version))
        if cold, let initError {
            lines.append(WorkerLogLine(timestamp: started, message: LambdaLogFormatter.initReport(
                initDurationMs: initDurationMs, status: "error", errorType: initError.errorType)))
            if initError.errorType == "Runtime.ExitError" || initError.errorType == "Runtime.OutOfMemory" {
                context.fail(.runtimeExited, WorkerFunctionError(
                    errorType: initError.errorType,
                    errorMessage: "RequestId: \(requestId) Error: \(initError.errorMessage)"))
            } else {
                context.fail(.functionError, initError)
            }
            context.reportStatus = .error(type: initError.errorType)
            lines.append(startLine)
        } else if cold, initTimedOut {
            lines.append(WorkerLogLine(timestamp: started, message: LambdaLogFormatter.initReport(
                initDurationMs: initDurationMs, status: "timeout", errorType: nil)))
            lines.append(startLine)
            context.timeout(spec: spec)
        } else if dead {
            lines.append(startLine)
            context.fail(.runtimeExited, WorkerFunctionError(
                errorType: "Runtime.ExitError",
                errorMessage: LambdaLogFormatter.runtimeExitedMessage(requestId: requestId, reason: process.exit?.reason ?? "signal: killed")))
        } else {
            lines.append(startLine)
            run(invocation, started: started, startNanos: startNanos, into: &lines, outcome: &context)
        }

        let durationMs = Double(DispatchTime.now().uptimeNanoseconds - startNanos) / 1e6
        let reportedInit = (cold && initError == nil && !initTimedOut) ? initDurationMs : nil
        var maxMemoryKB = context.rssKilobytes ?? process.exit?.maxRSSKilobytes ?? 0
        if context.outOfMemory { maxMemoryKB = max(maxMemoryKB, spec.memorySizeMB * 1024) }
        let maxMemoryMB = min((maxMemoryKB + 1023) / 1024, context.outOfMemory ? spec.memorySizeMB : Int.max)
        let billed = LambdaLogFormatter.billedDuration(durationMs: durationMs, initDurationMs: reportedInit)
        let ended = clock.now()
        lines.append(WorkerLogLine(timestamp: ended, message: LambdaLogFormatter.end(requestId: requestId)))
        lines.append(WorkerLogLine(timestamp: ended, message: LambdaLogFormatter.report(
            requestId: requestId, durationMs: durationMs, billedDurationMs: billed,
            memorySizeMB: spec.memorySizeMB, maxMemoryUsedMB: maxMemoryMB,
            initDurationMs: reportedInit, status: context.reportStatus)))

        return WorkerInvocationResult(
            requestId: requestId,
            status: context.status,
            payload: context.functionError?.payload ?? context.payload,
            functionError: context.functionError,
            logStreamName: logStreamName,
            logLines: lines,
            durationMs: durationMs,
            billedDurationMs: billed,
            initDurationMs: reportedInit,
            initPhaseDurationMs: cold ? initDurationMs : nil,
            memorySizeMB: spec.memorySizeMB,
            maxMemoryUsedMB: maxMemoryMB,
            coldStart: cold,
            workerPid: process.pid
        )
    }

    private func run(_ invocation: WorkerInvocation, started: Date, startNanos: UInt64, into lines: inout [WorkerLogLine], outcome: inout Outcome) {
        let requestId = invocation.requestId
        let sent = process.send([
            "t": "invoke",
            "id": requestId,
            "payload": String(decoding: invocation.payload, as: UTF8.self),
            "arn": invocation.invokedFunctionArn ?? spec.functionArn,
            "timeoutMs": spec.timeoutSeconds * 1000,
            "clockMs": Int64(started.timeIntervalSince1970 * 1000),
        ])
        let deadline = startNanos + UInt64(spec.timeoutSeconds) * 1_000_000_000
        var closed = !sent
        while !closed {
            switch process.next(deadline: deadline) {
            case .frame(let frame):
                switch frame["t"] as? String {
                case "log":
                    lines.append(Self.line(frame, base: started))
                case "result":
                    lines += process.drainOutput().map { WorkerLogLine(timestamp: clock.now(), message: $0) }
                    outcome.rssKilobytes = frame["rss"] as? Int
                    if let rss = outcome.rssKilobytes, rss > spec.memorySizeMB * 1024 {
                        // It got past its memory below the address-space limit: Lambda would have killed it.
                        outcome.outOfMemory = true
                        closed = true
                        continue
                    }
                    if frame["ok"] as? Bool == true {
                        outcome.payload = Data(((frame["payload"] as? String) ?? "null").utf8)
                        outcome.status = .succeeded
                    } else {
                        let error = Self.functionError(frame["error"]) ?? WorkerFunctionError(errorType: "Runtime.Unknown", errorMessage: "")
                        outcome.fail(.functionError, error)
                    }
                    return
                case "oom":
                    outcome.rssKilobytes = frame["rss"] as? Int
                    closed = true
                    outcome.outOfMemory = true
                default:
                    continue
                }
            case .outputLine(let text):
                lines.append(WorkerLogLine(timestamp: clock.now(), message: text))
            case .closed:
                closed = true
            case .timedOut:
                dead = true
                process.kill()
                process.closeDescriptors()
                let message = LambdaLogFormatter.timedOutLine(
                    at: clock.now(), requestId: requestId, timeoutSeconds: Double(spec.timeoutSeconds))
                lines.append(WorkerLogLine(timestamp: clock.now(), message: message))
                outcome.timeout(spec: spec)
                return
            }
        }
        // The runtime died (or ran out of memory) before answering.
        dead = true
        if outcome.outOfMemory {
            process.kill()
        } else {
            process.waitForExit()
        }
        process.closeDescriptors()
        let reason = outcome.outOfMemory ? "signal: killed" : (process.exit?.reason ?? "exit status unknown")
        // SIGKILL with its memory about full is what the OOM killer looks like.
        let killedFull = process.exit?.signal == SIGKILL
            && (process.exit?.maxRSSKilobytes ?? 0) >= spec.memorySizeMB * 1024 * 9 / 10
        let errorType = outcome.outOfMemory || killedFull ? "Runtime.OutOfMemory" : "Runtime.ExitError"
        if errorType == "Runtime.OutOfMemory" { outcome.outOfMemory = true }
        lines.append(WorkerLogLine(timestamp: clock.now(), message: LambdaLogFormatter.runtimeExitedLine(
            requestId: requestId, reason: reason, errorType: errorType)))
        outcome.fail(.runtimeExited, WorkerFunctionError(
            errorType: errorType, errorMessage: LambdaLogFormatter.runtimeExitedMessage(requestId: requestId, reason: reason)))
    }

    private struct Outcome {
        let requestId: String
        var status: WorkerInvocationStatus = .succeeded
        var payload = Data("null".utf8)
        var functionError: WorkerFunctionError?
        var rssKilobytes: Int?
        var outOfMemory = false
        var reportStatus: LambdaLogFormatter.ReportStatus = .completed

        init(requestId: String) { self.requestId = requestId }

        mutating func fail(_ status: WorkerInvocationStatus, _ error: WorkerFunctionError) {
            self.status = status
            functionError = error
            if status == .runtimeExited { reportStatus = .error(type: error.errorType) }
        }

        mutating func timeout(spec: WorkerFunctionSpec) {
            status = .timedOut
            reportStatus = .timeout
            functionError = WorkerFunctionError(
                errorType: "Sandbox.Timedout",
                errorMessage: "RequestId: \(requestId) Error: \(LambdaLogFormatter.timedOutMessage(timeoutSeconds: Double(spec.timeoutSeconds)))")
        }
    }

    // MARK: - Helpers

    private static func line(_ frame: [String: Any], base: Date) -> WorkerLogLine {
        let ms = (frame["ms"] as? Double) ?? Double(frame["ms"] as? Int ?? 0)
        return WorkerLogLine(timestamp: base.addingTimeInterval(ms / 1000), message: (frame["m"] as? String) ?? "")
    }

    private static func functionError(_ value: Any?) -> WorkerFunctionError? {
        guard let object = value as? [String: Any] else { return nil }
        return WorkerFunctionError(
            errorType: object["errorType"] as? String ?? "",
            errorMessage: object["errorMessage"] as? String ?? "",
            requestId: object["requestId"] as? String ?? "",
            stackTrace: object["stackTrace"] as? [String] ?? []
        )
    }

    /// The environment Lambda gives a Python function: the function's variables, then the reserved
    /// ones (which win), with `PYTHONPATH` = code directory, then each layer's `python/` in order.
    static func environment(spec: WorkerFunctionSpec, runtime: PythonRuntime, logStreamName: String) -> [String: String] {
        var env = spec.environment
        let pythonBin = (runtime.executable as NSString).deletingLastPathComponent
        let pythonPath = [spec.codeDirectory] + spec.layerDirectories.map { $0 + "/python" }
        let reserved: [String: String] = [
            "_HANDLER": spec.handler,
            "AWS_EXECUTION_ENV": "AWS_Lambda_\(spec.runtime)",
            "AWS_LAMBDA_FUNCTION_NAME": spec.functionName,
            "AWS_LAMBDA_FUNCTION_VERSION": spec.version,
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(spec.memorySizeMB),
            "AWS_LAMBDA_LOG_GROUP_NAME": spec.logGroupName,
            "AWS_LAMBDA_LOG_STREAM_NAME": logStreamName,
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
            "AWS_REGION": spec.region,
            "AWS_DEFAULT_REGION": spec.region,
            "LAMBDA_TASK_ROOT": spec.codeDirectory,
            "LAMBDA_RUNTIME_DIR": runtime.runtimeDirectory,
            "TZ": ":UTC",
            "LANG": "en_US.UTF-8",
            "PATH": "\(pythonBin):/usr/local/bin:/usr/bin/:/bin:/opt/bin",
            "PYTHONPATH": pythonPath.joined(separator: ":"),
        ]
        env.merge(reserved) { _, new in new }
        for key in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"] { env[key] = nil }
        // boto3 (1.28 and later) and the aws CLI read it: the handler's clients reach this account, not AWS.
        if let endpoint = spec.endpointURL { env["AWS_ENDPOINT_URL"] = endpoint }
        if let credentials = spec.credentials {
            env["AWS_ACCESS_KEY_ID"] = credentials.accessKeyId
            env["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey
            env["AWS_SESSION_TOKEN"] = credentials.sessionToken
        }
        return env
    }
}
