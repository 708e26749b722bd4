import AWSSignature
import CloudEngine

/// Lambda as one of the endpoint's services: REST-JSON under `/2015-03-31/functions…`, `/2018-10-31/layers…`
/// and `/2021-10-31/functions/…/url`, signed as `lambda`.
struct LambdaEndpoint: ServiceEndpoint {
    let account: Account

    var signing: SigningService { .other }

    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse {
        guard let route = LambdaRoute(method: request.method, path: request.rawPath, query: request.query) else {
            return LambdaErrorResponse.response(code: "UnknownOperationException", message: "Unknown operation \(request.method) \(request.rawPath)",
                                                status: 404, requestID: requestID)
        }
        let handler = LambdaHandler(account: account, request: request, caller: caller, requestID: requestID)
        do {
            return try handler.handle(route)
        } catch let error as EngineError {
            return LambdaErrorResponse.response(error, requestID: requestID)
        } catch {
            return LambdaErrorResponse.response(code: "ServiceException", message: "\(error)", status: 500, requestID: requestID)
        }
    }

    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse {
        LambdaErrorResponse.response(code: code, message: message, status: status, requestID: requestID)
    }
}
