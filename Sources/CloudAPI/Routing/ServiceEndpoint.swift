import AWSSignature
import CloudEngine

/// One AWS service's front end. It decodes an authenticated request, calls the engine as the caller, and
/// encodes the answer; the engine authorizes. Adding a service is one type conforming to this and one case in
/// `ServiceDirectory.endpoint(for:)`.
protocol ServiceEndpoint: Sendable {
    /// How the service's signatures canonicalize the path: S3's single encoding or everyone else's double one.
    var signing: SigningService { get }

    /// Answers a request whose signature checked out.
    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse

    /// A failure before the handler ran (authentication, a body that does not match its signature),
    /// in the service's own error shape.
    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse
}

/// The services the endpoint serves, by name.
struct ServiceDirectory: Sendable {
    let account: Account
    let endpointHosts: Set<String>

    func endpoint(for service: ServiceName) -> any ServiceEndpoint {
        switch service {
        case .s3:
            return S3Endpoint(account: account, endpointHosts: endpointHosts)
        case .iam:
            return IAMEndpoint(account: account)
        case .sts:
            return STSEndpoint(account: account)
        case .lambda:
            return LambdaEndpoint(account: account)
        case .logs:
            return LogsEndpoint(account: account)
        case .cloudtrail:
            return CloudTrailEndpoint(account: account)
        case .unsupported:
            return UnsupportedServiceEndpoint(service: service)
        }
    }
}
