import CloudEngine
import Foundation

/// An error as S3 writes it: XML with Code, Message, the Resource and a RequestId, and the HTTP status.
enum S3ErrorResponse {
    static func response(code: String, message: String, status: Int, resource: String?, requestID: String,
                         method: String) -> APIResponse {
        // HEAD answers carry no body, as S3's do.
        guard method != "HEAD" else {
            return APIResponse(status: status, headers: [("x-amz-request-id", requestID)])
        }
        var xml = XMLText.declaration + "<Error>" + XMLText.element("Code", code) + XMLText.element("Message", message)
        if let resource { xml += XMLText.element("Resource", resource) }
        xml += XMLText.element("RequestId", requestID) + "</Error>"
        return .xml(xml, status: status, headers: [("x-amz-request-id", requestID)])
    }

    static func response(_ error: EngineError, requestID: String, method: String) -> APIResponse {
        response(code: error.code, message: error.message, status: error.httpStatus, resource: error.resource,
                 requestID: requestID, method: method)
    }
}
