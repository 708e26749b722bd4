import Foundation

/// Checks Signature Version 4 requests: the Authorization header, or presigned query parameters.
///
/// How an endpoint uses it:
/// ```swift
/// let verified = try SigV4Verifier.verify(request, service: .s3, now: Date()) { accessKeyID in account.credentials(accessKeyID) }
/// if verified.payload.isChunked {
///     var decoder = AWSChunkedDecoder(for: verified)
///     for try await part in body { store(try decoder.feed(part)) }
///     let trailers = try decoder.finish()          // only now is the body known to be the signed one
/// } else {
///     var check = PayloadHashCheck(payload: verified.payload)
///     for try await part in body { check.update(part); store(part) }
///     try check.finish()                           // XAmzContentSHA256Mismatch
/// }
/// ```
/// On failure answer `failure.httpStatus(for:)`, `failure.code(for:)` and `failure.message(for:)`.
public enum SigV4Verifier {
    /// Requests more than this far from the server's clock are refused (header-signed requests).
    public static let allowedSkew: TimeInterval = 15 * 60
    /// The longest X-Amz-Expires a presigned URL may carry: seven days.
    public static let maximumExpires = 604_800

    /// Verifies the Authorization header or the presigned query parameters of `request`.
    /// `lookup` returns the secret (and the session token it requires, if any) for an access key id, or nil when unknown.
    /// The body is not read here: check it afterwards as `VerifiedRequest.payload` says.
    public static func verify(_ request: SignedRequest, service: SigningService, now: Date,
                              lookup: (String) -> SigV4Credentials?) throws(SigV4Failure) -> VerifiedRequest {
        let query = QueryParameters(request.query)
        if query["X-Amz-Algorithm"] != nil {
            guard request.value(of: "authorization") == nil else {
                throw .malformedQueryAuthorization(
                    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified")
            }
            return try verifyPresigned(request, query: query, service: service, now: now, lookup: lookup)
        }
        guard let authorization = request.value(of: "authorization") else { throw .missingAuthentication }
        return try verifyHeader(request, authorization: authorization, service: service, now: now, lookup: lookup)
    }

    private static func verifyHeader(_ request: SignedRequest, authorization: String, service: SigningService,
                                     now: Date, lookup: (String) -> SigV4Credentials?) throws(SigV4Failure) -> VerifiedRequest {
        let parameters = try AuthorizationParameters.fromHeader(authorization)
        guard let credentials = lookup(parameters.accessKeyID) else { throw .invalidAccessKeyID(parameters.accessKeyID) }

        let amzDate: String
        let requestTime: Date
        if let header = request.value(of: "x-amz-date") {
            guard let parsed = AMZDate.parseISO(header.trimmingSpaces.description) else {
                throw .malformedAuthorization("the x-amz-date header \"\(header)\" is not in the form YYYYMMDD'T'HHMMSS'Z'.")
            }
            amzDate = String(header.trimmingSpaces)
            requestTime = parsed
        } else if let header = request.value(of: "date"), let parsed = AMZDate.parseHTTP(header) {
            amzDate = AMZDate.format(parsed)
            requestTime = parsed
        } else {
            throw .malformedAuthorization("AWS authentication requires a valid Date or x-amz-date header.")
        }
        guard amzDate.hasPrefix(parameters.scopeDate) else {
            throw .malformedAuthorization("Invalid credential date \"\(parameters.scopeDate)\". This date is not the same as X-Amz-Date: \"\(amzDate.prefix(8))\".")
        }
        guard parameters.signedHeaders.contains("host") else {
            throw .malformedAuthorization("the SignedHeaders must include 'host'.")
        }
        if abs(requestTime.timeIntervalSince(now)) > allowedSkew {
            throw .requestTimeTooSkewed(requestTime: amzDate, serverTime: AMZDate.format(now))
        }
        try checkToken(credentials, sent: request.value(of: "x-amz-security-token"))
        if service == .s3 {
            let unsigned = Set(request.headers.map { $0.name.lowercased() }.filter { $0.hasPrefix("x-amz-") })
                .subtracting(parameters.signedHeaders)
            if !unsigned.isEmpty { throw .headersNotSigned(unsigned.sorted()) }
        }

        let declared = request.value(of: "x-amz-content-sha256").map { String($0.trimmingSpaces) }
        let payloadHash = declared ?? request.bodySHA256 ?? SigningMath.emptySHA256
        let key = SigningMath.signingKey(secret: credentials.secretAccessKey, date: parameters.scopeDate,
                                         region: parameters.region, service: parameters.service)
        let canonical = Canonicalization.request(
            method: request.method, uri: Canonicalization.uri(request.path, service: service),
            query: Canonicalization.query(request.query, excludingSignature: false),
            headers: Canonicalization.headers(request, signedHeaders: parameters.signedHeaders),
            signedHeaders: parameters.signedHeaders, payloadHash: payloadHash)
        let stringToSign = SigningMath.stringToSign(amzDate: amzDate, scope: parameters.scope, canonicalRequest: canonical)
        let expected = SigningMath.signature(key: key, stringToSign: stringToSign)
        guard SigningMath.constantTimeEqual(expected, parameters.signature) else {
            throw .signatureDoesNotMatch(stringToSign: stringToSign, canonicalRequest: canonical)
        }
        let context = ChunkSigningContext(signingKey: key, amzDate: amzDate, scope: parameters.scope)
        return VerifiedRequest(
            accessKeyID: parameters.accessKeyID, region: parameters.region, service: parameters.service,
            payload: try payloadSigning(payloadHash, seed: expected, context: context), isPresigned: false,
            decodedContentLength: request.value(of: "x-amz-decoded-content-length").flatMap { Int($0.trimmingSpaces) },
            trailer: request.value(of: "x-amz-trailer").map { String($0.trimmingSpaces).lowercased() })
    }

    private static func verifyPresigned(_ request: SignedRequest, query: QueryParameters, service: SigningService,
                                        now: Date, lookup: (String) -> SigV4Credentials?) throws(SigV4Failure) -> VerifiedRequest {
        guard query["X-Amz-Algorithm"] == SigningMath.algorithm else {
            throw .malformedQueryAuthorization("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"")
        }
        guard let credentialText = query["X-Amz-Credential"], let amzDate = query["X-Amz-Date"],
              let expiresText = query["X-Amz-Expires"], let signedHeadersText = query["X-Amz-SignedHeaders"],
              let signature = query["X-Amz-Signature"] else {
            throw .malformedQueryAuthorization(
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.")
        }
        guard let credential = AuthorizationParameters.credential(credentialText) else {
            throw .malformedQueryAuthorization("Error parsing the X-Amz-Credential parameter; " + AuthorizationParameters.credentialForm)
        }
        guard let credentials = lookup(credential.accessKeyID) else { throw .invalidAccessKeyID(credential.accessKeyID) }
        guard let requestTime = AMZDate.parseISO(amzDate) else {
            throw .malformedQueryAuthorization("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"")
        }
        guard amzDate.hasPrefix(credential.date) else {
            throw .malformedQueryAuthorization("Invalid credential date \"\(credential.date)\". This date is not the same as X-Amz-Date: \"\(amzDate.prefix(8))\".")
        }
        guard let expires = Int(expiresText) else {
            throw .malformedQueryAuthorization("X-Amz-Expires should be a number")
        }
        guard expires >= 0 else { throw .malformedQueryAuthorization("X-Amz-Expires must be non-negative") }
        guard expires <= maximumExpires else {
            throw .malformedQueryAuthorization("X-Amz-Expires must be less than a week (in seconds) that is 604800")
        }
        let signedHeaders = signedHeadersText.split(separator: ";").map { String($0) }
        guard signedHeaders.contains("host") else {
            throw .malformedQueryAuthorization("X-Amz-SignedHeaders must include 'host'.")
        }
        let expiry = requestTime.addingTimeInterval(TimeInterval(expires))
        if now > expiry { throw .expired(AMZDate.format(expiry)) }
        if requestTime.timeIntervalSince(now) > allowedSkew {
            throw .requestTimeTooSkewed(requestTime: amzDate, serverTime: AMZDate.format(now))
        }
        try checkToken(credentials, sent: query["X-Amz-Security-Token"] ?? request.value(of: "x-amz-security-token"))

        let declared = request.value(of: "x-amz-content-sha256").map { String($0.trimmingSpaces) }
        let payloadHash = declared ?? (service == .s3 ? "UNSIGNED-PAYLOAD" : request.bodySHA256 ?? SigningMath.emptySHA256)
        let scope = "\(credential.date)/\(credential.region)/\(credential.service)/aws4_request"
        let key = SigningMath.signingKey(secret: credentials.secretAccessKey, date: credential.date,
                                         region: credential.region, service: credential.service)
        let canonical = Canonicalization.request(
            method: request.method, uri: Canonicalization.uri(request.path, service: service),
            query: Canonicalization.query(request.query, excludingSignature: true),
            headers: Canonicalization.headers(request, signedHeaders: signedHeaders),
            signedHeaders: signedHeaders, payloadHash: payloadHash)
        let stringToSign = SigningMath.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical)
        let expected = SigningMath.signature(key: key, stringToSign: stringToSign)
        guard SigningMath.constantTimeEqual(expected, signature) else {
            throw .signatureDoesNotMatch(stringToSign: stringToSign, canonicalRequest: canonical)
        }
        let context = ChunkSigningContext(signingKey: key, amzDate: amzDate, scope: scope)
        return VerifiedRequest(
            accessKeyID: credential.accessKeyID, region: credential.region, service: credential.service,
            payload: try payloadSigning(payloadHash, seed: expected, context: context), isPresigned: true,
            decodedContentLength: nil, trailer: nil)
    }

    /// A session key must come with its own token.
    private static func checkToken(_ credentials: SigV4Credentials, sent: String?) throws(SigV4Failure) {
        guard let required = credentials.sessionToken else { return }
        guard let sent, SigningMath.constantTimeEqual(required, sent) else { throw .missingSecurityToken }
    }

    /// What the signed payload hash says about reading the body.
    private static func payloadSigning(_ hash: String, seed: String, context: ChunkSigningContext) throws(SigV4Failure) -> PayloadSigning {
        switch hash {
        case "UNSIGNED-PAYLOAD": return .unsigned
        case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD":
            return .streamingSigned(seedSignature: seed, context: context, hasTrailer: false)
        case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER":
            return .streamingSigned(seedSignature: seed, context: context, hasTrailer: true)
        case "STREAMING-UNSIGNED-PAYLOAD-TRAILER": return .streamingUnsignedTrailer
        default:
            guard SigningMath.isSHA256Hex(hash) else { throw .invalidPayloadHash }
            return .sha256(hex: hash)
        }
    }
}
