import Foundation

/// One HTTP request as the endpoint's handlers see it: the path and query as sent (still percent-encoded,
/// which SigV4 signs), the headers, and the body read whole.
public struct APIRequest: Sendable {
    public var method: String
    /// As sent, percent-encoded, starting with `/`.
    public var rawPath: String
    /// As sent, without `?`; "" when there is none.
    public var rawQuery: String
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// The client's address, for `aws:SourceIp`.
    public var sourceIP: String?
    /// A large S3 upload's body, still arriving (then `body` is empty), as the connection delivers it.
    var stream: RequestBodyStream?
    /// The same body once its signature checked out: decoded (aws-chunked) and verified as it is read.
    var verifiedBody: VerifiedBodyReader?
    /// Where a handler that streams its answer sends the head early, before the body (see `ResponseBodyChannel`).
    var earlyResponder: EarlyResponder?

    public init(method: String, rawPath: String, rawQuery: String, headers: [(name: String, value: String)], body: Data,
                sourceIP: String? = nil) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.sourceIP = sourceIP
    }

    /// The whole body: `body`, or a streamed one read to its end, refused above `limit` bytes.
    func wholeBody(limit: Int = 20 << 20) throws -> Data {
        guard let verifiedBody else { return body }
        return try verifiedBody.collect(limit: limit)
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The query's parameters, decoded; a name without `=` has the value "".
    public var query: [String: String] {
        var result: [String: String] = [:]
        for pair in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(String(parts[0]))
            if result[name] == nil { result[name] = parts.count > 1 ? Self.decode(String(parts[1])) : "" }
        }
        return result
    }

    /// The path's segments, percent-decoded (`/b/a%20b` → ["b", "a b"]); an S3 key keeps its slashes.
    public var decodedPath: String { Self.decode(rawPath) }

    /// Percent-decoding as URLs do; `+` stays `+` (S3 keys may contain it; only forms use `+` for space).
    static func decode(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}

/// What a handler answers.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// A body the engine is still reading, sent as it comes (then `body` is empty).
    var stream: ResponseBodyChannel?

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func xml(_ text: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "application/xml")] + headers, body: Data(text.utf8))
    }
}
