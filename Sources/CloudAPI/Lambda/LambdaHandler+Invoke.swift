import CloudEngine
import Foundation

extension LambdaHandler {
    // MARK: - Invoke

    /// Lambda's 6 MB limit on a synchronous invocation's request payload.
    static let maxSyncPayload = 6_291_456

    /// Invoke: `X-Amz-Invocation-Type` RequestResponse (200 with the result; a handler error is still 200, with
    /// `X-Amz-Function-Error: Unhandled` and the error document), Event (202, run in the background) or DryRun
    /// (204: the function exists and the caller may invoke it). `X-Amz-Log-Type: Tail` adds `X-Amz-Log-Result`,
    /// base64 of the last 4 KB of the invocation's log.
    func invoke(_ name: String) throws -> APIResponse {
        let payload = request.body.isEmpty ? Data("{}".utf8) : request.body
        if payload.count > Self.maxSyncPayload {
            throw EngineError(code: "RequestTooLargeException", httpStatus: 413,
                              message: "Request must be smaller than \(Self.maxSyncPayload) bytes for the InvokeFunction operation")
        }
        guard JSONValue.parse(payload) != nil else {
            throw EngineError(code: "InvalidRequestContentException", httpStatus: 400,
                              message: "Could not parse request body into json: the payload is not JSON")
        }
        let logType = request.header("x-amz-log-type") ?? "None"
        guard logType == "None" || logType == "Tail" else {
            throw EngineError.lambdaValidationError(member: "logType", value: logType, constraint: "Member must satisfy enum value set: [Tail, None]")
        }
        switch request.header("x-amz-invocation-type") ?? "RequestResponse" {
        case "RequestResponse":
            let result = try functions.invoke(name, qualifier: qualifier, payload: payload, caller: caller)
            var headers: [(name: String, value: String)] = [
                ("Content-Type", "application/json"), ("x-amzn-RequestId", result.requestID),
                ("X-Amz-Executed-Version", result.executedVersion),
            ]
            if let error = result.functionError { headers.append(("X-Amz-Function-Error", error)) }
            if logType == "Tail", let log = result.logResult { headers.append(("X-Amz-Log-Result", log)) }
            return APIResponse(status: 200, headers: headers, body: result.payload)
        case "Event":
            let result = try functions.invokeAsync(name, qualifier: qualifier, payload: payload, caller: caller)
            return APIResponse(status: 202, headers: [("x-amzn-RequestId", result.requestID)])
        case "DryRun":
            let plan = try functions.prepareInvocation(name, qualifier: qualifier, caller: caller)
            return APIResponse(status: 204, headers: [("x-amzn-RequestId", requestID),
                                                      ("X-Amz-Executed-Version", plan.configuration.version)])
        case let other:
            throw EngineError.lambdaValidationError(member: "invocationType", value: other,
                                                    constraint: "Member must satisfy enum value set: [Event, RequestResponse, DryRun]")
        }
    }
}
