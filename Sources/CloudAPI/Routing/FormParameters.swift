import Foundation

/// The parameters of a query-protocol request (IAM, STS): `Action=CreateRole&RoleName=…` in a form body
/// (`application/x-www-form-urlencoded`, where `+` is a space) or in the query string of a GET.
struct FormParameters: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ request: APIRequest) {
        var pairs: [Substring] = []
        if request.method == "POST" || !request.body.isEmpty {
            pairs += String(decoding: request.body, as: UTF8.self).split(separator: "&", omittingEmptySubsequences: true)
        }
        pairs += request.rawQuery.split(separator: "&", omittingEmptySubsequences: true)
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? Self.decode(parts[1]) : "" }
        }
    }

    func value(_ name: String) -> String? { values[name] }

    /// A list as the query protocol flattens it: `Prefix.member.1`, `Prefix.member.2`, … in order.
    func list(_ prefix: String) -> [String] {
        var result: [String] = []
        var index = 1
        while let value = values["\(prefix).member.\(index)"] {
            result.append(value)
            index += 1
        }
        return result
    }

    /// The prefixes of a list of structures, `Tags.member.1`, `Tags.member.2`, … in order, for reading each
    /// structure's fields (`Tags.member.1.Key`); the list ends at the first index no parameter starts with.
    func memberPrefixes(_ prefix: String) -> [String] {
        var result: [String] = []
        var index = 1
        while true {
            let member = "\(prefix).member.\(index)"
            guard values.keys.contains(where: { $0.hasPrefix(member + ".") }) else { return result }
            result.append(member)
            index += 1
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
