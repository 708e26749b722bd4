/// The pieces of the canonical request, built as AWS's "Create a canonical request" describes.
enum Canonicalization {
    /// The canonical URI. S3: the path exactly as sent. Other services: dot segments and empty segments
    /// removed (a trailing "/" kept), then each segment of the (already once-encoded) path encoded again.
    static func uri(_ rawPath: String, service: SigningService) -> String {
        let path = rawPath.isEmpty ? "/" : rawPath
        guard service == .other else { return path }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                _ = segments.popLast()
                continue
            }
            segments.append(segment)
        }
        var normalised = "/" + segments.map { URIEncoding.encode(String($0)) }.joined(separator: "/")
        if path.hasSuffix("/"), !segments.isEmpty { normalised += "/" }
        return normalised
    }

    /// The canonical query string: each name and value decoded, re-encoded with AWS's unreserved set, sorted
    /// by encoded name then value; a name without a value gets "=". `X-Amz-Signature` is left out when `excludingSignature`.
    static func query(_ rawQuery: String, excludingSignature: Bool) -> String {
        var pairs: [(name: String, value: String)] = []
        for item in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = item.firstIndex(of: "=") {
                name = item[..<equals]
                value = item[item.index(after: equals)...]
            } else {
                name = item
                value = ""
            }
            let encodedName = URIEncoding.encode(URIEncoding.decode(String(name)))
            if excludingSignature, encodedName == "X-Amz-Signature" { continue }
            pairs.append((encodedName, URIEncoding.encode(URIEncoding.decode(String(value)))))
        }
        pairs.sort { $0.name != $1.name ? $0.name < $1.name : $0.value < $1.value }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// A header value as canonicalised: trimmed, and each run of spaces and tabs inside it collapsed to one space.
    static func headerValue(_ value: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in value {
            if character == " " || character == "\t" {
                pendingSpace = true
            } else {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// The canonical headers block: one "name:value\n" line per signed header (values of repeated
    /// headers joined with ","), in the order of `signedHeaders` (lowercase, sorted).
    static func headers(_ request: SignedRequest, signedHeaders: [String]) -> String {
        var block = ""
        for name in signedHeaders {
            let values = request.values(of: name).map(headerValue)
            block += "\(name):\(values.joined(separator: ","))\n"
        }
        return block
    }

    /// The canonical request: method, URI, query, headers, signed header list, payload hash.
    static func request(method: String, uri: String, query: String, headers: String,
                        signedHeaders: [String], payloadHash: String) -> String {
        [method, uri, query, headers, signedHeaders.joined(separator: ";"), payloadHash].joined(separator: "\n")
    }
}
