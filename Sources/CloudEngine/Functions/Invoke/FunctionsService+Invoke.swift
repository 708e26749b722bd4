import Crypto
import Foundation

/// What Invoke answers, as Lambda's API returns it.
public struct InvocationResponse: Sendable, Equatable {
    /// 200 for RequestResponse, 202 for Event.
    public var statusCode: Int
    /// `Unhandled` when the handler (or the runtime on its behalf) failed; nil on success.
    public var functionError: String?
    /// The handler's result as JSON, or the error document; empty for Event.
    public var payload: Data
    /// `$LATEST` or the version number that ran.
    public var executedVersion: String
    /// Base64 of the last 4 KB of the log (`X-Amz-Log-Result`); nil for Event.
    public var logResult: String?
    public var requestID: String
}

extension FunctionsService {
    /// How many characters of the event and the response an invocation record keeps.
    static let previewLength = 256

    /// Invoke with InvocationType RequestResponse: runs the function on a warm or new worker,
    /// writes its log to `/aws/lambda/NAME` as the execution role (when the role may), records
    /// the invocation and returns the result. A handler failure is a 200 with `functionError`.
    ///
    /// Throws ResourceNotFoundException (no such function/version), AccessDenied (no
    /// `lambda:InvokeFunction`), TooManyRequestsException (concurrency), ServiceException (no python3).
    public func invoke(_ function: String, qualifier: String? = nil, payload: Data, caller: Caller,
                       sourceARN: String? = nil, sourceAccount: String? = nil) throws -> InvocationResponse {
        let plan = try prepareInvocation(function, qualifier: qualifier, caller: caller, sourceARN: sourceARN,
                                         sourceAccount: sourceAccount)
        return try run(plan, payload: payload, requestID: account.ids.uuid(), recordID: nil,
                       invokedARN: invokedARN(function, qualifier: qualifier, plan: plan))
    }

    /// Invoke with InvocationType Event: checks the function and the caller's permission now, answers
    /// 202 at once and runs the function on a background queue. A function error is retried twice
    /// (three attempts in all, as Lambda does), after `account.functionRuntime.asyncRetryDelays`.
    /// `account.functionRuntime.drainAsyncInvocations()` waits for everything queued.
    @discardableResult
    public func invokeAsync(_ function: String, qualifier: String? = nil, payload: Data, caller: Caller,
                            sourceARN: String? = nil, sourceAccount: String? = nil) throws -> InvocationResponse {
        let plan = try prepareInvocation(function, qualifier: qualifier, caller: caller, sourceARN: sourceARN,
                                         sourceAccount: sourceAccount)
        let requestID = account.ids.uuid()
        let invoked = invokedARN(function, qualifier: qualifier, plan: plan)
        let state = account.functionRuntime
        let delays = state.asyncRetryDelays
        let service = self
        state.enterAsync()
        state.asyncQueue.async {
            service.attempt(1, plan: plan, payload: payload, requestID: requestID, invokedARN: invoked, delays: delays,
                            previous: [], throttles: 0)
        }
        return InvocationResponse(statusCode: 202, functionError: nil, payload: Data(), executedVersion: plan.configuration.version,
                                  logResult: nil, requestID: requestID)
    }

    /// One attempt of an Event invocation; schedules the next one after a function error.
    private func attempt(_ number: Int, plan: InvocationPlan, payload: Data, requestID: String, invokedARN: String,
                         delays: [TimeInterval], previous: [InvocationResponse], throttles: Int) {
        let state = account.functionRuntime
        var attempts = previous
        var failure: EngineError?
        do {
            // Lambda keeps the request id across retries; the records need one each.
            let recordID = number == 1 ? nil : "\(requestID)-attempt\(number)"
            attempts.append(try run(plan, payload: payload, requestID: requestID, recordID: recordID, invokedARN: invokedARN))
        } catch let error as EngineError {
            failure = error
        } catch {
            failure = .lambdaService("The invocation failed: \(error)")
        }
        // Throttled: Lambda's event queue waits for capacity (for up to six hours) without using up
        // an attempt, so a burst of S3 events is delivered in full rather than failed.
        if failure?.code == "TooManyRequestsException" && throttles < Self.maxThrottleRetries {
            let delay = min(1.0, 0.02 * Double(1 << min(throttles, 6)))
            let service = self
            let soFar = attempts
            state.asyncQueue.asyncAfter(deadline: .now() + delay) {
                service.attempt(number, plan: plan, payload: payload, requestID: requestID, invokedARN: invokedARN,
                                delays: delays, previous: soFar, throttles: throttles + 1)
            }
            return
        }
        let failed = failure != nil || attempts.last?.functionError != nil
        if failed && number < 3 {
            let delay = number - 1 < delays.count ? max(0, delays[number - 1]) : 0
            let service = self
            let soFar = attempts
            state.asyncQueue.asyncAfter(deadline: .now() + delay) {
                service.attempt(number + 1, plan: plan, payload: payload, requestID: requestID, invokedARN: invokedARN,
                                delays: delays, previous: soFar, throttles: 0)
            }
            return
        }
        state.notifyAsync(AsyncInvocationOutcome(functionName: plan.configuration.functionName, requestID: requestID,
                                                 attempts: attempts, failure: failure))
        state.leaveAsync()
    }

    /// About six hours of waiting at the one-second cap, as long as Lambda keeps a throttled event.
    static let maxThrottleRetries = 21_600

    private func invokedARN(_ function: String, qualifier: String?, plan: InvocationPlan) -> String {
        if function.hasPrefix("arn:") { return function }
        if let qualifier { return functionARN(plan.configuration.functionName, qualifier) }
        return functionARN(plan.configuration.functionName)
    }

    /// Runs an authorized plan: code on disk, role credentials, the worker, the log, the record.
    func run(_ plan: InvocationPlan, payload: Data, requestID: String, recordID: String?, invokedARN: String) throws -> InvocationResponse {
        let configuration = plan.configuration
        let layout = try materialize(plan)
        let session = try roleSession(configuration)
        let endpoint = account.endpoint.url
        let spec = WorkerFunctionSpec(
            functionName: configuration.functionName,
            functionArn: functionARN(configuration.functionName),
            version: configuration.version,
            // A new endpoint (or none) means new workers: the address is in their environment.
            revision: "\(configuration.codeSHA256)|\(configuration.revisionID)|\(session.epoch)|\(endpoint ?? "")",
            handler: configuration.handler,
            runtime: configuration.runtime,
            codeDirectory: layout.codeDirectory,
            layerDirectories: layout.layerDirectories,
            memorySizeMB: configuration.memorySize,
            timeoutSeconds: configuration.timeout,
            environment: configuration.environment,
            region: account.region,
            credentials: WorkerCredentials(accessKeyId: session.role.credentials.accessKeyID,
                                           secretAccessKey: session.role.credentials.secretAccessKey,
                                           sessionToken: session.role.credentials.sessionToken),
            ephemeralStorageMB: configuration.ephemeralStorageSize,
            endpointURL: endpoint)
        let pool = account.functionRuntime.workerPool(clock: account.clock, ids: account.ids)
        let startedAt = account.clock.now()
        let recordedID = recordID ?? requestID
        let result: WorkerInvocationResult
        var started = false
        do {
            let invocation = WorkerInvocation(requestId: requestID, payload: payload, invokedFunctionArn: invokedARN)
            result = try pool.invoke(spec, invocation, onStart: {
                started = true
                // The function may have been deleted meanwhile; it still runs, as the plan was authorized.
                try? startInvocation(requestID: recordedID, configuration: configuration, startedAt: startedAt, payload: payload)
            }) { () throws(WorkerPoolError) in
                do {
                    try WorkerCodeDirectory.verify(layout, code: plan.code, layers: plan.layers.map(\.files))
                } catch {
                    throw .wrapping(error)
                }
            }
        } catch {
            if started { discardStartedInvocation(recordedID) }
            throw Self.engineError(error)
        }

        FunctionLogWriter(logs: account.logs, account: account)
            .write(result.logLines, group: spec.logGroupName, stream: result.logStreamName, as: session.role.caller)

        let status: InvocationStatus
        switch result.status {
        case .succeeded: status = .success
        case .timedOut: status = .timeout
        case .functionError, .runtimeExited: status = .error
        }
        let record = InvocationRecord(
            requestID: recordedID, functionName: configuration.functionName, version: configuration.version,
            startedAt: startedAt, durationMs: result.durationMs, billedDurationMs: result.billedDurationMs,
            memorySize: result.memorySizeMB, maxMemoryUsedMB: result.maxMemoryUsedMB, initDurationMs: result.initPhaseDurationMs,
            status: status, errorType: result.functionError?.errorType, errorMessage: result.functionError?.errorMessage,
            payloadPreview: Self.preview(payload), responsePreview: Self.preview(result.payload),
            logStreamName: result.logStreamName)
        // The function may have been deleted while it ran; the caller still gets its answer.
        try? recordInvocation(record)

        return InvocationResponse(statusCode: 200, functionError: result.status == .succeeded ? nil : "Unhandled",
                                  payload: result.payload, executedVersion: configuration.version,
                                  logResult: result.logTail, requestID: requestID)
    }

    /// The pool's failures as the Lambda API reports them.
    static func engineError(_ error: WorkerPoolError) -> EngineError {
        if case .runtimeUnavailable(let detail) = error, detail.contains("was not found on PATH") {
            return .lambdaService("python3 was not found on PATH: install Python 3 to run functions.")
        }
        return error.engineError
    }

    static func preview(_ data: Data) -> String? {
        if data.isEmpty { return nil }
        let text = String(decoding: data.prefix(previewLength * 4), as: UTF8.self)
        return String(text.prefix(previewLength))
    }

    // MARK: - Code on disk

    /// Where this account's functions are extracted: `code/<hash of the account file's path>` in the user's
    /// private folder (see `PrivateDirectory`).
    public var codeCacheDirectory: String {
        Self.codeFolder(in: WorkerDirectories(root: account.functionRuntime.privateRoot), accountPath: account.path)
    }

    static func codeFolder(in directories: WorkerDirectories, accountPath: String) -> String {
        directories.code + "/" + hexDigest([accountPath], length: 16)
    }

    /// Extracts the code and layers once per (function, version, code SHA, layers) under `codeCacheDirectory`;
    /// a complete extraction is reused, a new one is written beside it and renamed into place.
    func materialize(_ plan: InvocationPlan) throws -> WorkerCodeDirectory.Layout {
        let configuration = plan.configuration
        let digest = Self.hexDigest([configuration.codeSHA256] + configuration.layers, length: 32)
        let safeVersion = configuration.version == Self.latest ? "LATEST" : configuration.version
        // The pool checked the private folder once (0700, ours, no link); nobody else can make anything inside it,
        // so the folders below need no check of their own, and `extract` creates them with a new extraction.
        let directories: WorkerDirectories
        do {
            directories = try account.functionRuntime.workerPool(clock: account.clock, ids: account.ids).directories()
        } catch {
            throw Self.engineError(error)
        }
        let directory = Self.codeFolder(in: directories, accountPath: account.path)
            + "/\(configuration.functionName)/\(safeVersion)-\(digest)"
        return try WorkerCodeDirectory.extract(code: plan.code, layers: plan.layers.map(\.files), into: directory,
                                               pruning: safeVersion + "-")
    }

    static func hexDigest(_ parts: [String], length: Int) -> String {
        var hasher = SHA256()
        for part in parts {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        return String(Hex.lowercase(hasher.finalize()).prefix(length))
    }

    // MARK: - Execution role

    /// Sessions are reused within a half-hour epoch; an hour-long session started in an epoch outlives
    /// it by at least half an hour, and the epoch is part of the worker revision, so workers holding a
    /// session are retired well before it expires.
    static let credentialEpochSeconds: Int64 = 1800

    func roleSession(_ configuration: FunctionConfiguration) throws -> (role: AssumedRole, epoch: Int64) {
        let epoch = Int64(account.clock.now().timeIntervalSince1970) / Self.credentialEpochSeconds
        let key = FunctionRuntimeState.SessionKey(functionName: configuration.functionName, role: configuration.role, epoch: epoch)
        let state = account.functionRuntime
        if let cached = state.cachedSession(key) { return (cached, epoch) }
        let session = try account.sts.assumeRoleAsService(roleARN: configuration.role, service: Self.servicePrincipal,
                                                          sessionName: configuration.functionName, durationSeconds: 3600)
        state.storeSession(session, for: key)
        return (session, epoch)
    }
}
