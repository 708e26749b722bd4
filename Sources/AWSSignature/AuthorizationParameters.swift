/// The signature parameters of a request, from its Authorization header or its presigned query.
struct AuthorizationParameters {
    var accessKeyID: String
    var scopeDate: String
    var region: String
    var service: String
    var signedHeaders: [String]
    var signature: String

    var scope: String { "\(scopeDate)/\(region)/\(service)/aws4_request" }

    /// Splits "AKID/20130524/us-east-1/s3/aws4_request"; nil when it is not in that form.
    static func credential(_ text: String) -> (accessKeyID: String, date: String, region: String, service: String)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, !parts[0].isEmpty, parts[1].utf8.count == 8,
              parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              !parts[2].isEmpty, !parts[3].isEmpty, parts[4] == "aws4_request" else { return nil }
        return (parts[0], parts[1], parts[2], parts[3])
    }

    static let credentialForm = "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."

    /// Parses "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…".
    static func fromHeader(_ header: String) throws(SigV4Failure) -> AuthorizationParameters {
        let trimmed = header.trimmingSpaces
        guard trimmed.hasPrefix(SigningMath.algorithm + " ") else {
            throw .malformedAuthorization("the authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.")
        }
        var fields: [String: String] = [:]
        for item in trimmed.dropFirst(SigningMath.algorithm.count + 1).split(separator: ",") {
            let pair = item.trimmingSpaces
            guard let equals = pair.firstIndex(of: "=") else {
                throw .malformedAuthorization("the authorization component \"\(pair)\" is malformed.")
            }
            fields[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        for name in ["Credential", "SignedHeaders", "Signature"] where fields[name] == nil {
            throw .malformedAuthorization("the authorization header requires a '\(name)' parameter.")
        }
        guard let credential = fields["Credential"].flatMap(Self.credential) else {
            throw .malformedAuthorization(credentialForm)
        }
        return AuthorizationParameters(
            accessKeyID: credential.accessKeyID, scopeDate: credential.date, region: credential.region,
            service: credential.service,
            signedHeaders: (fields["SignedHeaders"] ?? "").split(separator: ";").map { String($0) },
            signature: fields["Signature"] ?? "")
    }
}

/// The decoded parameters of a query string, by exact name (first occurrence wins).
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ rawQuery: String) {
        for item in rawQuery.split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: URIEncoding.decode(String(pair[0])), as: UTF8.self)
            let value = pair.count > 1 ? String(decoding: URIEncoding.decode(String(pair[1])), as: UTF8.self) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    subscript(name: String) -> String? { values[name] }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return Substring(self[first...last])
    }
}
