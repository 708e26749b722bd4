import AWSSignature
import CloudEngine
import Foundation

/// CloudTrail as one of the endpoint's services: JSON 1.1, `X-Amz-Target:
/// com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Operation>`. It serves LookupEvents over the
/// account's activity trail (every authorization decision the engine made).
struct CloudTrailEndpoint: ServiceEndpoint {
    let account: Account

    static let targetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."

    var signing: SigningService { .other }

    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse {
        let target = request.header("x-amz-target") ?? ""
        let name = target.hasPrefix(Self.targetPrefix) ? String(target.dropFirst(Self.targetPrefix.count)) : target
        guard name == "LookupEvents" else {
            let shown = target.isEmpty ? "a request without X-Amz-Target" : name
            return JSONErrorResponse.response(code: "UnsupportedOperationException",
                                              message: "Overcast's CloudTrail does not serve \(shown); it serves LookupEvents (the account's event history).",
                                              status: 400, requestID: requestID)
        }
        do {
            let handler = LookupEventsHandler(account: account, caller: caller)
            return JSONErrorResponse.success(try handler.perform(JSONRequestBody(request.body)), requestID: requestID)
        } catch {
            return JSONErrorResponse.response(for: error, internalCode: "InternalServerErrorException", requestID: requestID)
        }
    }

    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse {
        JSONErrorResponse.response(code: code, message: message, status: status, requestID: requestID)
    }
}
