import AWSSignature
import CloudEngine

/// S3 as one of the endpoint's services: REST/XML, S3's single path encoding.
struct S3Endpoint: ServiceEndpoint {
    let account: Account
    let endpointHosts: Set<String>

    var signing: SigningService { .s3 }

    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse {
        S3Handler(account: account, caller: caller, requestID: requestID, endpointHosts: endpointHosts).handle(request)
    }

    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse {
        S3ErrorResponse.response(code: code, message: message, status: status, resource: request.rawPath,
                                 requestID: requestID, method: request.method)
    }
}
