import AWSSignature
import CloudEngine

/// STS as one of the endpoint's services: the query protocol, API version 2011-06-15. Clients sign it as `sts`
/// in `us-east-1` (the global endpoint) or in their own region (regional endpoints); both arrive here.
struct STSEndpoint: ServiceEndpoint {
    let account: Account

    static let service = QueryService(
        name: "STS", namespace: "https://sts.amazonaws.com/doc/2011-06-15/", actions: STSActions.table,
        unemulated: ["AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRoot", "DecodeAuthorizationMessage",
                     "GetAccessKeyInfo", "GetDelegatedAccessToken", "GetFederationToken", "GetScopedCredentials",
                     "GetSessionToken", "GetWebIdentityToken"])

    var signing: SigningService { .other }

    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse {
        Self.service.handle(request, caller: caller, account: account, requestID: requestID)
    }

    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse {
        Self.service.failure(code: code, message: message, status: status, requestID: requestID)
    }
}
