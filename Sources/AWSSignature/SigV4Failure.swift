import Foundation

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
    /// The trailing (or header) checksum is not the body's ("BadDigest"); carries the algorithm.
    case checksumMismatch(ChecksumAlgorithm)
    /// S3: `x-amz-*` headers were sent but not signed ("AccessDenied"); carries their names.
    case headersNotSigned([String])

    /// AWS's error code.
    public var code: String {
        switch self {
        case .missingAuthentication, .expired, .headersNotSigned: "AccessDenied"
        case .malformedAuthorization: "AuthorizationHeaderMalformed"
        case .malformedQueryAuthorization: "AuthorizationQueryParametersError"
        case .invalidAccessKeyID: "InvalidAccessKeyId"
        case .signatureDoesNotMatch: "SignatureDoesNotMatch"
        case .requestTimeTooSkewed: "RequestTimeTooSkewed"
        case .missingSecurityToken: "InvalidToken"
        case .invalidPayloadHash: "XAmzContentSHA256Mismatch"
        case .incompleteBody: "IncompleteBody"
        case .checksumMismatch: "BadDigest"
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
        case .checksumMismatch(let algorithm):
            "The \(algorithm.displayName) you specified did not match the calculated checksum."
        case .headersNotSigned: "There were headers present in the request which were not signed"
        }
    }

    /// The HTTP status S3 answers with.
    public var httpStatus: Int {
        switch self {
        case .malformedAuthorization, .malformedQueryAuthorization, .missingSecurityToken, .invalidPayloadHash,
             .incompleteBody, .checksumMismatch:
            400
        case .missingAuthentication, .invalidAccessKeyID, .signatureDoesNotMatch, .requestTimeTooSkewed, .expired,
             .headersNotSigned:
            403
        }
    }

    /// AWS's error code as `service` answers it: S3's codes (`code`), or those of the query and JSON
    /// protocols (IAM, STS, SQS, …), which differ for the authentication failures.
    public func code(for service: SigningService) -> String {
        guard service == .other else { return code }
        switch self {
        case .missingAuthentication: return "MissingAuthenticationToken"
        case .malformedAuthorization, .malformedQueryAuthorization: return "IncompleteSignature"
        case .invalidAccessKeyID, .missingSecurityToken: return "InvalidClientTokenId"
        case .requestTimeTooSkewed: return "SignatureDoesNotMatch"
        default: return code
        }
    }

    /// AWS's message as `service` answers it.
    public func message(for service: SigningService) -> String {
        guard service == .other else { return message }
        switch self {
        case .missingAuthentication: return "Request is missing Authentication Token"
        case .malformedAuthorization(let why), .malformedQueryAuthorization(let why): return why
        case .invalidAccessKeyID, .missingSecurityToken: return "The security token included in the request is invalid."
        case .signatureDoesNotMatch:
            return "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
        case .requestTimeTooSkewed(let requestTime, let serverTime):
            guard let server = AMZDate.parseISO(serverTime), let request = AMZDate.parseISO(requestTime) else { return message }
            return request < server
                ? "Signature expired: \(requestTime) is now earlier than \(AMZDate.format(server.addingTimeInterval(-900))) (\(serverTime) - 15 min.)"
                : "Signature not yet current: \(requestTime) is still later than \(AMZDate.format(server.addingTimeInterval(900))) (\(serverTime) + 15 min.)"
        default: return message
        }
    }

    /// The HTTP status `service` answers with.
    public func httpStatus(for service: SigningService) -> Int {
        guard service == .other else { return httpStatus }
        switch self {
        case .missingSecurityToken: return 403
        default: return httpStatus
        }
    }
}
