import CloudEngine
import Foundation
import IAMPolicy

/// An error as Lambda's REST-JSON API writes it: the status, the code in `x-amzn-ErrorType` (where botocore's
/// rest-json parser reads it first) and `{"Type":"User","Message":…}` in the body (`Type` is `Service` for 5xx),
/// the members of Lambda's error shapes.
enum LambdaErrorResponse {
    static func response(code: String, message: String, status: Int, requestID: String) -> APIResponse {
        let type = status >= 500 ? "Service" : "User"
        let body = "{\"Type\":" + JSONString.quoted(type) + ",\"Message\":" + JSONString.quoted(message) + "}"
        return APIResponse(status: status,
                           headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", requestID),
                                     ("x-amzn-ErrorType", code)],
                           body: Data(body.utf8))
    }

    static func response(_ error: EngineError, requestID: String) -> APIResponse {
        response(code: error.code, message: error.message, status: error.httpStatus, requestID: requestID)
    }
}
