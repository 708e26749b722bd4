import AWSSignature
import CloudEngine

/// IAM as one of the endpoint's services: the query protocol (`Action=CreateRole&…` in a form body), API
/// version 2010-05-08, answered in IAM's XML with IAM's error codes. Each group of actions has its own table.
struct IAMEndpoint: ServiceEndpoint {
    let account: Account

    static let service = QueryService(
        name: "IAM", namespace: IAMShapes.namespace,
        actions: IAMUserActions.table
            .merging(IAMGroupActions.table) { first, _ in first }
            .merging(IAMAccessKeyActions.table) { first, _ in first }
            .merging(IAMRoleActions.table) { first, _ in first }
            .merging(IAMTagAndBoundaryActions.table) { first, _ in first }
            .merging(IAMPolicyActions.table) { first, _ in first }
            .merging(IAMPrincipalPolicyActions.table) { first, _ in first }
            .merging(IAMSimulationActions.table) { first, _ in first },
        unemulated: IAMUnemulatedActions.names)

    var signing: SigningService { .other }

    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse {
        Self.service.handle(request, caller: caller, account: account, requestID: requestID)
    }

    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse {
        Self.service.failure(code: code, message: message, status: status, requestID: requestID)
    }
}
