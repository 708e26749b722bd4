/// Why a request was refused; each case carries AWS's error code and message.
public enum SigV4Failure: Error, Equatable, Sendable {
    /// No Authorization header and no X-Amz-Algorithm parameter: an anonymous request. The caller decides
    /// (S3 answers AccessDenied unless the resource is public).
    case missingAuthentication
    /// The Authorization header is malformed ("AuthorizationHeaderMalformed"); the text says how.
    case malformedAuthorization(String)
    /// The presigned query parameters are malformed ("AuthorizationQueryParametersError").
    case malformedQueryAuthorization(String)
    /// The access key id is unknown ("InvalidAccessKeyId").
    case invalidAccessKeyID(String)
    /// The signature is wrong; both strings are what the server computed, as AWS returns them.
    case signatureDoesNotMatch(stringToSign: String, canonicalRequest: String)
    /// The request time is more than 15 minutes from the server's ("RequestTimeTooSkewed").
    case requestTimeTooSkewed(requestTime: String, serverTime: String)
    /// A presigned URL past X-Amz-Expires ("AccessDenied", "Request has expired"); carries the expiry time.
    case expired(String)
    /// A session key without its token, or with another token ("InvalidToken").
    case missingSecurityToken
    /// The body's SHA-256 is not the one declared in x-amz-content-sha256 ("XAmzContentSHA256Mismatch").
    case invalidPayloadHash
    /// An aws-chunked body that is cut short or not in the chunk format ("IncompleteBody").
    case incompleteBody(String)

    /// AWS's error code.
    public var code: String {
        switch self {
        case .missingAuthentication, .expired: "AccessDenied"
        case .malformedAuthorization: "AuthorizationHeaderMalformed"
        case .malformedQueryAuthorization: "AuthorizationQueryParametersError"
        case .invalidAccessKeyID: "InvalidAccessKeyId"
        case .signatureDoesNotMatch: "SignatureDoesNotMatch"
        case .requestTimeTooSkewed: "RequestTimeTooSkewed"
        case .missingSecurityToken: "InvalidToken"
        case .invalidPayloadHash: "XAmzContentSHA256Mismatch"
        case .incompleteBody: "IncompleteBody"
        }
    }

    /// AWS's message.
    public var message: String {
        switch self {
        case .missingAuthentication: "Access Denied"
        case .malformedAuthorization(let why): "The authorization header is malformed; \(why)"
        case .malformedQueryAuthorization(let why): why
        case .invalidAccessKeyID: "The AWS Access Key Id you provided does not exist in our records."
        case .signatureDoesNotMatch:
            "The request signature we calculated does not match the signature you provided. Check your key and signing method."
        case .requestTimeTooSkewed: "The difference between the request time and the current time is too large."
        case .expired: "Request has expired"
        case .missingSecurityToken: "The provided token is malformed or otherwise invalid."
        case .invalidPayloadHash: "The provided 'x-amz-content-sha256' header does not match what was computed."
        case .incompleteBody(let why): "The request body terminated unexpectedly or is not valid aws-chunked encoding: \(why)"
        }
    }
}
