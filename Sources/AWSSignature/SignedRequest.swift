/// A request as the server received it, before any decoding: what the verifier needs to check its signature.
public struct SignedRequest: Sendable {
    /// The HTTP method, e.g. "GET".
    public var method: String
    /// The raw path as sent, still percent-encoded, e.g. "/my-bucket/a%20b.txt".
    public var path: String
    /// The raw query string as sent, without "?" (may be "").
    public var query: String
    /// The headers as received: names in any case, repeated names allowed, in the order received.
    public var headers: [(name: String, value: String)]
    /// For services other than S3, which do not send `x-amz-content-sha256`: the lowercase hex SHA-256
    /// of the body (form bodies are small). nil means an empty body.
    public var bodySHA256: String?

    public init(method: String, path: String, query: String = "",
                headers: [(name: String, value: String)], bodySHA256: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.bodySHA256 = bodySHA256
    }

    /// The values of every header named `name` (case-insensitive), in the order received.
    func values(of name: String) -> [String] {
        headers.compactMap { $0.name.lowercased() == name ? $0.value : nil }
    }

    /// The first value of the header named `name` (case-insensitive).
    func value(of name: String) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }
}

/// Which canonical-URI rules apply.
public enum SigningService: Sendable, Equatable {
    /// S3: the path is used as sent (single URI encoding, no normalisation).
    case s3
    /// Every other service: the path is normalised and each segment URI-encoded twice.
    case other
}

/// An access key as the account stores it.
public struct SigV4Credentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// The token a temporary (session) key requires on each request; nil for a long-term key.
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

/// What a successful verification established.
public struct VerifiedRequest: Sendable, Equatable {
    public var accessKeyID: String
    public var region: String
    public var service: String
    /// How the body must be read: the declared SHA-256 (check it when the body is read), UNSIGNED-PAYLOAD,
    /// or aws-chunked (signed chunks or STREAMING-UNSIGNED-PAYLOAD-TRAILER).
    public var payload: PayloadSigning
    /// True when the signature came in the query string (a presigned URL).
    public var isPresigned: Bool
    /// The `x-amz-decoded-content-length` header for aws-chunked bodies, if sent.
    public var decodedContentLength: Int?
    /// The `x-amz-trailer` header (e.g. "x-amz-checksum-crc32"): the trailer an aws-chunked body ends with.
    public var trailer: String?

    public init(accessKeyID: String, region: String, service: String, payload: PayloadSigning, isPresigned: Bool,
                decodedContentLength: Int? = nil, trailer: String? = nil) {
        self.accessKeyID = accessKeyID
        self.region = region
        self.service = service
        self.payload = payload
        self.isPresigned = isPresigned
        self.decodedContentLength = decodedContentLength
        self.trailer = trailer
    }
}

/// The key, time and scope a chunk signature is computed with; opaque to callers.
public struct ChunkSigningContext: Sendable, Equatable {
    let signingKey: [UInt8]
    let amzDate: String
    let scope: String
}

/// How the body of a verified request is protected.
public enum PayloadSigning: Sendable, Equatable {
    /// `x-amz-content-sha256` (or, for other services, the canonical request) declared this SHA-256 of the body:
    /// check it with `PayloadHashCheck` as the body is read.
    case sha256(hex: String)
    /// `UNSIGNED-PAYLOAD`: the body is not covered by the signature.
    case unsigned
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` (or `-TRAILER` when `hasTrailer`): aws-chunked with a signature
    /// per chunk, chained from the header's signature. Decode with `AWSChunkedDecoder`.
    case streamingSigned(seedSignature: String, context: ChunkSigningContext, hasTrailer: Bool)
    /// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: aws-chunked without chunk signatures, with a trailing checksum.
    case streamingUnsignedTrailer

    /// True when the body is aws-chunked and must go through `AWSChunkedDecoder`.
    public var isChunked: Bool {
        switch self {
        case .streamingSigned, .streamingUnsignedTrailer: true
        case .sha256, .unsigned: false
        }
    }
}

extension SignedRequest {
    /// The lowercase hex SHA-256 of a body, as `bodySHA256` wants it.
    public static func sha256Hex(of body: some Sequence<UInt8>) -> String { SigningMath.sha256Hex(body) }
}
