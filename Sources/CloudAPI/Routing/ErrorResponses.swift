import CloudEngine
import Foundation
import IAMPolicy

/// An error as the query-protocol services (IAM, STS) write it:
/// `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`.
enum QueryErrorResponse {
    static func response(code: String, message: String, status: Int, requestID: String, namespace: String? = nil) -> APIResponse {
        let type = status >= 500 ? "Receiver" : "Sender"
        let attribute = namespace.map { #" xmlns="\#($0)""# } ?? ""
        let xml = XMLText.declaration + "<ErrorResponse\(attribute)><Error>" + XMLText.element("Type", type)
            + XMLText.element("Code", code) + XMLText.element("Message", message) + "</Error>"
            + XMLText.element("RequestId", requestID) + "</ErrorResponse>"
        return APIResponse(status: status, headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestID)],
                           body: Data(xml.utf8))
    }
}

/// An error as the JSON services write it: the code in `__type` (JSON 1.1, CloudWatch Logs) and in
/// `x-amzn-ErrorType` (REST-JSON, Lambda), the text in `message`.
enum JSONErrorResponse {
    static func response(code: String, message: String, status: Int, requestID: String) -> APIResponse {
        let body = "{\"__type\":" + JSONString.quoted(code) + ",\"message\":" + JSONString.quoted(message) + "}"
        return APIResponse(status: status,
                           headers: [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", requestID),
                                     ("x-amzn-ErrorType", code)],
                           body: Data(body.utf8))
    }

    /// What a JSON 1.1 service answers for an operation that threw: an engine error, a body that did not decode,
    /// or anything else as the service's own 500 (`internalCode`: Logs says ServiceUnavailableException,
    /// CloudTrail InternalServerErrorException).
    static func response(for error: any Error, internalCode: String, requestID: String) -> APIResponse {
        switch error {
        case let error as EngineError:
            return response(for: error, requestID: requestID)
        case let error as JSONRequestError:
            return response(code: error.code, message: error.message, status: 400, requestID: requestID)
        default:
            return response(code: internalCode, message: "The service could not answer: \(error)", status: 500, requestID: requestID)
        }
    }

    /// An engine error as the JSON 1.1 services (CloudWatch Logs, CloudTrail) word it: the IAM evaluator's
    /// AccessDenied is their AccessDeniedException, and every client error is 400.
    static func response(for error: EngineError, requestID: String) -> APIResponse {
        let code = error.code == "AccessDenied" ? "AccessDeniedException" : error.code
        let status = error.httpStatus >= 500 ? error.httpStatus : 400
        return response(code: code, message: error.message, status: status, requestID: requestID)
    }

    /// A JSON 1.1 service's answer.
    static func success(_ body: Data, requestID: String) -> APIResponse {
        APIResponse(status: 200, headers: [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", requestID)],
                    body: body)
    }
}
