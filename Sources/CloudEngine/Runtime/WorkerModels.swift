import Foundation

/// Temporary credentials a worker runs with (its execution role's session).
public struct WorkerCredentials: Sendable, Hashable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

/// Everything the runtime needs to start an execution environment for one function version,
/// as plain values: the engine reads them from the account and extracts the code to disk.
public struct WorkerFunctionSpec: Sendable, Hashable {
    /// The function's name (`my-function`).
    public var functionName: String
    /// The function's unqualified ARN, for `context.invoked_function_arn` when the invocation names none.
    public var functionArn: String
    /// `$LATEST` or a published version number.
    public var version: String
    /// A hash of the code and configuration: workers of another revision are never reused.
    public var revision: String
    /// `module.function`, e.g. `lambda_function.lambda_handler`.
    public var handler: String
    /// `python3.11`, `python3.12`, ...: only the label changes; the local python3 runs every one.
    public var runtime: String
    /// The directory the function's code was extracted to (`LAMBDA_TASK_ROOT`).
    public var codeDirectory: String
    /// Each layer's extracted directory, in the function's order; `<dir>/python` goes on `sys.path`.
    public var layerDirectories: [String]
    public var memorySizeMB: Int
    public var timeoutSeconds: Int
    /// The function's own environment variables. Lambda's reserved ones (`AWS_*`, `_HANDLER`, ...) win.
    public var environment: [String: String]
    public var region: String
    /// The execution role's session credentials, when there is one.
    public var credentials: WorkerCredentials?
    /// The function's reserved concurrency, when it has one.
    public var reservedConcurrency: Int?
    /// The size of the worker's `/tmp` (Lambda's ephemeral storage, 512 MB by default).
    public var ephemeralStorageMB: Int
    /// The account's endpoint (`AWS_ENDPOINT_URL`), when one is serving it.
    public var endpointURL: String?

    public init(
        functionName: String,
        functionArn: String,
        version: String = "$LATEST",
        revision: String,
        handler: String,
        runtime: String = "python3.11",
        codeDirectory: String,
        layerDirectories: [String] = [],
        memorySizeMB: Int = 128,
        timeoutSeconds: Int = 3,
        environment: [String: String] = [:],
        region: String = "us-east-1",
        credentials: WorkerCredentials? = nil,
        reservedConcurrency: Int? = nil,
        ephemeralStorageMB: Int = 512,
        endpointURL: String? = nil
    ) {
        self.endpointURL = endpointURL
        self.ephemeralStorageMB = ephemeralStorageMB
        self.functionName = functionName
        self.functionArn = functionArn
        self.version = version
        self.revision = revision
        self.handler = handler
        self.runtime = runtime
        self.codeDirectory = codeDirectory
        self.layerDirectories = layerDirectories
        self.memorySizeMB = memorySizeMB
        self.timeoutSeconds = timeoutSeconds
        self.environment = environment
        self.region = region
        self.credentials = credentials
        self.reservedConcurrency = reservedConcurrency
    }

    /// `/aws/lambda/<name>`
    public var logGroupName: String { "/aws/lambda/\(functionName)" }
}

/// One invocation: the request id, the event, and the ARN it was invoked by.
public struct WorkerInvocation: Sendable, Equatable {
    public var requestId: String
    /// The event as JSON text (UTF-8). Empty means `{}`.
    public var payload: Data
    /// The ARN the caller used (qualified or not); nil means the function's unqualified ARN.
    public var invokedFunctionArn: String?

    public init(requestId: String, payload: Data, invokedFunctionArn: String? = nil) {
        self.requestId = requestId
        self.payload = payload
        self.invokedFunctionArn = invokedFunctionArn
    }
}

/// One log event for the function's log stream.
public struct WorkerLogLine: Sendable, Equatable {
    public var timestamp: Date
    public var message: String

    public init(timestamp: Date, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// An error the function returned, in Lambda's shape; the invoke response carries it with
/// `X-Amz-Function-Error: Unhandled`.
public struct WorkerFunctionError: Sendable, Equatable {
    public var errorType: String
    public var errorMessage: String
    /// The request id, for errors the Python runtime reports (absent on `Sandbox.Timedout` and exit errors).
    public var requestId: String?
    /// Formatted frames, as Python's `traceback.format_list`; absent on errors the service reports.
    public var stackTrace: [String]?

    public init(errorType: String, errorMessage: String, requestId: String? = nil, stackTrace: [String]? = nil) {
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.requestId = requestId
        self.stackTrace = stackTrace
    }

    /// The response payload: `{"errorMessage": ..., "errorType": ..., "requestId": ..., "stackTrace": [...]}`.
    public var payload: Data {
        var object: [String: Any] = ["errorMessage": errorMessage, "errorType": errorType]
        if let requestId { object["requestId"] = requestId }
        if let stackTrace { object["stackTrace"] = stackTrace }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}

/// How an invocation ended.
public enum WorkerInvocationStatus: Sendable, Equatable {
    /// The handler returned a value.
    case succeeded
    /// The handler (or the runtime on its behalf: bad handler, import error, marshal error) raised.
    case functionError
    /// Stopped at the function's timeout; the worker was killed.
    case timedOut
    /// The runtime process died (`Runtime.ExitError`) or ran out of memory (`Runtime.OutOfMemory`).
    case runtimeExited
}

/// What one invocation produced: the response, the log lines to write (platform lines included),
/// and the figures of the `REPORT` line.
public struct WorkerInvocationResult: Sendable {
    public var requestId: String
    public var status: WorkerInvocationStatus
    /// The response payload: the handler's result as JSON, or the error's JSON.
    public var payload: Data
    /// The error when the invocation did not succeed.
    public var functionError: WorkerFunctionError?
    /// The worker's log stream (`YYYY/MM/DD/[$LATEST]<32 hex>`); the group is `/aws/lambda/<name>`.
    public var logStreamName: String
    /// Everything for the log stream, in order, from `INIT_START` (cold) to `REPORT`.
    public var logLines: [WorkerLogLine]
    public var durationMs: Double
    public var billedDurationMs: Int
    /// Set on cold starts whose init succeeded, as the REPORT line reports it.
    public var initDurationMs: Double?
    /// How long the init phase took on a cold start, whether it succeeded or not (an init that failed is still a
    /// cold start, not a warm one); nil on warm invocations.
    public var initPhaseDurationMs: Double?
    public var memorySizeMB: Int
    public var maxMemoryUsedMB: Int
    public var coldStart: Bool
    /// The worker's process id, so callers (and tests) can tell workers apart.
    public var workerPid: Int32

    /// The last 4 KB of the log, base64, as `LogType: Tail` returns in `X-Amz-Log-Result`.
    public var logTail: String {
        let text = logLines.map { $0.message + "\n" }.joined()
        let bytes = Array(text.utf8)
        return Data(bytes.suffix(4096)).base64EncodedString()
    }
}

/// Why the pool could not run an invocation at all. `engineError` is what the Lambda API answers.
public enum WorkerPoolError: Error, Sendable, Equatable {
    /// The function's reserved concurrency is all in use.
    case functionConcurrencyExceeded(functionName: String, limit: Int)
    /// The account's concurrency is all in use.
    case accountConcurrencyExceeded(limit: Int)
    /// python3 could not be found or started.
    case runtimeUnavailable(String)
    /// Something the engine reports itself: the private folder was refused, or the code could not be put on disk.
    case engine(EngineError)

    /// `runtimeUnavailable`, or the engine's own error when `error` is one.
    static func wrapping(_ error: any Error) -> WorkerPoolError {
        if let engine = error as? EngineError { return .engine(engine) }
        return .runtimeUnavailable("\(error)")
    }

    public var engineError: EngineError {
        switch self {
        case .engine(let error):
            return error
        case .functionConcurrencyExceeded(let name, let limit):
            return EngineError(
                code: "TooManyRequestsException", httpStatus: 429,
                message: "Rate Exceeded. Function \(name) is already running \(limit) invocation(s), its reserved concurrency"
                    + " (Reason: ReservedFunctionConcurrentInvocationLimitExceeded).",
                resource: name
            )
        case .accountConcurrencyExceeded(let limit):
            return EngineError(
                code: "TooManyRequestsException", httpStatus: 429,
                message: "Rate Exceeded. The account is already running \(limit) invocation(s), its concurrency limit"
                    + " (Reason: ConcurrentInvocationLimitExceeded)."
            )
        case .runtimeUnavailable(let detail):
            return EngineError(code: "ServiceException", httpStatus: 500, message: "The Python runtime could not start: \(detail)")
        }
    }
}
