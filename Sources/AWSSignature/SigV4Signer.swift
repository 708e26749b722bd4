import Foundation

/// Client-side signing, as boto3 signs: for tests and the benchmark's do-nothing client.
public enum SigV4Signer {
    /// Headers a signer leaves unsigned (they may be changed on the way).
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "x-amzn-trace-id", "content-length"]

    /// Signs a request with the Authorization header. `headers` must include `host`; `path` and `query` are as they
    /// will be sent (path percent-encoded). `payloadSHA256` is the hex SHA-256 of the body, `UNSIGNED-PAYLOAD`
    /// or a `STREAMING-…` value. Returns the headers to add: x-amz-date, x-amz-content-sha256 (S3 only),
    /// x-amz-security-token (with a session token) and Authorization.
    public static func sign(method: String, path: String, query: String = "", headers: [(name: String, value: String)],
                            payloadSHA256: String, credentials: SigV4Credentials, region: String, service: String,
                            signingService: SigningService, date: Date) -> [(name: String, value: String)] {
        let amzDate = AMZDate.format(date)
        var added: [(name: String, value: String)] = [("x-amz-date", amzDate)]
        if signingService == .s3 { added.append(("x-amz-content-sha256", payloadSHA256)) }
        if let token = credentials.sessionToken { added.append(("x-amz-security-token", token)) }
        let all = headers + added
        let signedHeaders = Array(Set(all.map { $0.name.lowercased() }).subtracting(unsignedHeaders)).sorted()
        let request = SignedRequest(method: method, path: path, query: query, headers: all)
        let scopeDate = String(amzDate.prefix(8))
        let scope = "\(scopeDate)/\(region)/\(service)/aws4_request"
        let canonical = Canonicalization.request(
            method: method, uri: Canonicalization.uri(path, service: signingService),
            query: Canonicalization.query(query, excludingSignature: false),
            headers: Canonicalization.headers(request, signedHeaders: signedHeaders),
            signedHeaders: signedHeaders, payloadHash: payloadSHA256)
        let key = SigningMath.signingKey(secret: credentials.secretAccessKey, date: scopeDate, region: region, service: service)
        let signature = SigningMath.signature(
            key: key, stringToSign: SigningMath.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical))
        let authorization = "\(SigningMath.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
        return added + [("Authorization", authorization)]
    }

    /// A presigned URL's query string (without "?"): `query` plus the X-Amz-* parameters and the signature.
    /// Signs only `host`; the payload is UNSIGNED-PAYLOAD for S3 and the empty body's hash otherwise.
    public static func presign(method: String, path: String, query: String = "", host: String,
                               credentials: SigV4Credentials, region: String, service: String,
                               signingService: SigningService, date: Date, expires: Int) -> String {
        let amzDate = AMZDate.format(date)
        let scopeDate = String(amzDate.prefix(8))
        let scope = "\(scopeDate)/\(region)/\(service)/aws4_request"
        var parameters = [
            "X-Amz-Algorithm=\(SigningMath.algorithm)",
            "X-Amz-Credential=\(URIEncoding.encode("\(credentials.accessKeyID)/\(scope)"))",
            "X-Amz-Date=\(amzDate)",
            "X-Amz-Expires=\(expires)",
            "X-Amz-SignedHeaders=host",
        ]
        if let token = credentials.sessionToken { parameters.append("X-Amz-Security-Token=\(URIEncoding.encode(token))") }
        let fullQuery = ([query].filter { !$0.isEmpty } + parameters).joined(separator: "&")
        let request = SignedRequest(method: method, path: path, query: fullQuery, headers: [("host", host)])
        let canonical = Canonicalization.request(
            method: method, uri: Canonicalization.uri(path, service: signingService),
            query: Canonicalization.query(fullQuery, excludingSignature: true),
            headers: Canonicalization.headers(request, signedHeaders: ["host"]), signedHeaders: ["host"],
            payloadHash: signingService == .s3 ? "UNSIGNED-PAYLOAD" : SigningMath.emptySHA256)
        let key = SigningMath.signingKey(secret: credentials.secretAccessKey, date: scopeDate, region: region, service: service)
        let signature = SigningMath.signature(
            key: key, stringToSign: SigningMath.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical))
        return fullQuery + "&X-Amz-Signature=\(signature)"
    }

    /// The chunk-signing state for a body sent with `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]` after `sign`:
    /// `seedSignature` is the Signature of its Authorization header.
    public static func streamingPayload(seedSignature: String, credentials: SigV4Credentials, region: String,
                                        service: String, date: Date, hasTrailer: Bool) -> PayloadSigning {
        let amzDate = AMZDate.format(date)
        let scopeDate = String(amzDate.prefix(8))
        let context = ChunkSigningContext(
            signingKey: SigningMath.signingKey(secret: credentials.secretAccessKey, date: scopeDate, region: region, service: service),
            amzDate: amzDate, scope: "\(scopeDate)/\(region)/\(service)/aws4_request")
        return .streamingSigned(seedSignature: seedSignature, context: context, hasTrailer: hasTrailer)
    }

    /// Encodes `data` as an aws-chunked body in chunks of `chunkSize`, signed when `payload` is `.streamingSigned`,
    /// with `trailers` after the final chunk (the payload must then carry a trailer).
    public static func awsChunked(_ data: [UInt8], chunkSize: Int, payload: PayloadSigning,
                                  trailers: [(name: String, value: String)] = []) -> [UInt8] {
        var context: ChunkSigningContext?
        var previous = ""
        var hasTrailer = true
        if case .streamingSigned(let seed, let signingContext, let trailer) = payload {
            context = signingContext
            previous = seed
            hasTrailer = trailer
        }
        var body: [UInt8] = []
        var start = 0
        let size = max(1, chunkSize)
        repeat {
            let end = min(start + size, data.count)
            let chunk = Array(data[start..<end])
            var header = String(chunk.count, radix: 16)
            if let context {
                let stringToSign = [
                    "AWS4-HMAC-SHA256-PAYLOAD", context.amzDate, context.scope, previous,
                    SigningMath.emptySHA256, SigningMath.sha256Hex(chunk),
                ].joined(separator: "\n")
                previous = SigningMath.signature(key: context.signingKey, stringToSign: stringToSign)
                header += ";chunk-signature=\(previous)"
            }
            body += Array("\(header)\r\n".utf8)
            if !chunk.isEmpty { body += chunk + Array("\r\n".utf8) }
            start = end
            if chunk.isEmpty { break }
        } while true
        guard hasTrailer else { return body + Array("\r\n".utf8) }
        let canonical = trailers.map { "\($0.name.lowercased()):\($0.value)\n" }.joined()
        for trailer in trailers { body += Array("\(trailer.name.lowercased()):\(trailer.value)\r\n".utf8) }
        if let context {
            let stringToSign = [
                "AWS4-HMAC-SHA256-TRAILER", context.amzDate, context.scope, previous, SigningMath.sha256Hex(canonical),
            ].joined(separator: "\n")
            body += Array("x-amz-trailer-signature:\(SigningMath.signature(key: context.signingKey, stringToSign: stringToSign))\r\n".utf8)
        }
        return body + Array("\r\n".utf8)
    }
}
