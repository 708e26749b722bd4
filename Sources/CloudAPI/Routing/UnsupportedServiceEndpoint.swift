import AWSSignature
import CloudEngine
import Foundation

/// A service Overcast does not emulate: every request gets an error in the shape its protocol expects
/// (JSON for `X-Amz-Target` and REST-JSON calls, query XML otherwise), naming the service, never a bare 500.
struct UnsupportedServiceEndpoint: ServiceEndpoint {
    let service: ServiceName

    var signing: SigningService { .other }

    var name: String {
        switch service {
        case .s3: return "s3"
        case .iam: return "iam"
        case .sts: return "sts"
        case .lambda: return "lambda"
        case .logs: return "logs"
        case .cloudtrail: return "cloudtrail"
        case .unsupported(let name): return name
        }
    }

    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse {
        let operation = request.header("x-amz-target").flatMap { $0.split(separator: ".").last.map(String.init) }
            ?? FormParameters(request).value("Action")
        let what = operation.map { "the operation \($0) of " } ?? ""
        return failure(code: "UnsupportedOperation",
                       message: "Overcast does not emulate \(what)the service \"\(name)\". It serves s3, iam, sts, lambda, logs and cloudtrail (LookupEvents).",
                       status: 400, request: request, requestID: requestID)
    }

    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse {
        if request.header("x-amz-target") != nil || request.header("content-type")?.contains("json") == true {
            return JSONErrorResponse.response(code: code, message: message, status: status, requestID: requestID)
        }
        return QueryErrorResponse.response(code: code, message: message, status: status, requestID: requestID)
    }
}
