/// Which AWS service a request is for. A signed request names it in its credential scope
/// (`AKID/20260101/us-east-1/iam/aws4_request`); an unsigned one can only be S3's (anonymous access
/// granted by a bucket policy) or a Lambda function URL's.
enum ServiceName: Equatable, Sendable {
    case s3
    case iam
    case sts
    case lambda
    case logs
    case cloudtrail
    /// A service Overcast does not emulate, by the name its signature gave.
    case unsupported(String)

    init(signingName: String) {
        switch signingName {
        case "s3": self = .s3
        case "iam": self = .iam
        case "sts": self = .sts
        case "lambda": self = .lambda
        case "logs": self = .logs
        case "cloudtrail": self = .cloudtrail
        default: self = .unsupported(signingName)
        }
    }

    /// The service a request's signature names, from the Authorization header or a presigned query;
    /// nil for an unsigned request (or a signature too malformed to name one, which the verifier then refuses).
    static func signed(_ request: APIRequest) -> ServiceName? {
        let credential: Substring?
        if let authorization = request.header("authorization"),
           let start = authorization.range(of: "Credential=") {
            credential = authorization[start.upperBound...].prefix { $0 != "," && $0 != " " }
        } else if let value = request.query["X-Amz-Credential"] {
            credential = Substring(value)
        } else {
            credential = nil
        }
        guard let parts = credential?.split(separator: "/", omittingEmptySubsequences: false), parts.count == 5 else { return nil }
        return ServiceName(signingName: String(parts[3]))
    }
}
