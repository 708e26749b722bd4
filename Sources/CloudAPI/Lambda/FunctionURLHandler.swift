import AWSSignature
import CloudEngine
import Foundation

/// Answers HTTP requests to function URLs: signed ones (AWS_IAM) are verified as `lambda` requests,
/// unsigned ones go on as anonymous (NONE); the engine decides who may invoke, then runs the function
/// with the 2.0 event and the result becomes the HTTP answer.
struct FunctionURLHandler: Sendable {
    let account: Account
    let authenticator: RequestAuthenticator

    /// The answer; nil when a path-style request names no URL (it may be for an S3 bucket named `lambda-url`).
    func handle(_ request: APIRequest, urlID: String, rawPath: String, pathStyle: Bool) -> APIResponse? {
        guard let config = try? account.functions.functionURLConfig(id: urlID) else {
            return pathStyle ? nil : FunctionURLEvent.failure(404, "Not Found")
        }
        let cors = FunctionURLCORS(config.cors)
        if let preflight = cors?.preflight(request) { return preflight }
        var response = invoke(request, urlID: urlID, rawPath: rawPath)
        cors?.decorate(&response, for: request)
        return response
    }

    private func invoke(_ request: APIRequest, urlID: String, rawPath: String) -> APIResponse {
        var caller: Caller?
        var body = request.body
        if request.header("authorization") != nil || request.query["X-Amz-Credential"] != nil {
            switch authenticator.authenticate(request, signing: .other) {
            case .failure:
                return FunctionURLEvent.failure(403, "Forbidden")
            case .success(let authenticated):
                caller = authenticated.caller
                caller?.sourceIP = request.sourceIP
                body = authenticated.body
            }
        }
        let requestID = account.ids.uuid()
        let event = FunctionURLEvent.event(request, body: body, rawPath: rawPath, urlID: urlID,
                                           accountID: caller == nil ? nil : account.accountID, requestID: requestID, now: account.clock.now())
        do {
            let result = try account.functions.invokeFunctionURL(urlID, event: event, caller: caller)
            if result.functionError != nil { return FunctionURLEvent.failure(502, "Internal Server Error") }
            var response = FunctionURLEvent.response(result.payload)
            response.headers.append(("x-amzn-RequestId", result.requestID))
            return response
        } catch let error as EngineError {
            switch error.httpStatus {
            case 403: return FunctionURLEvent.failure(403, "Forbidden")
            case 404: return FunctionURLEvent.failure(404, "Not Found")
            case 429: return FunctionURLEvent.failure(429, "Rate Exceeded.")
            default: return FunctionURLEvent.failure(502, "Internal Server Error")
            }
        } catch {
            return FunctionURLEvent.failure(502, "Internal Server Error")
        }
    }
}
