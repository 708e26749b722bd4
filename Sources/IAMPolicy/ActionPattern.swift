/// Matching a requested action such as `s3:GetObject` against a policy's action patterns.
///
/// IAM compares actions without regard to case (`S3:getobject` allows
/// `s3:GetObject`), and `*` and `?` may appear anywhere in the action name.
enum ActionPattern {
    /// `*`, or `service:action` where the service prefix is letters, digits and hyphens.
    static func isWellFormed(_ text: String) -> Bool {
        if text == "*" { return true }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains(":") else { return false }
        return parts[0].unicodeScalars.allSatisfy { CharacterSetLite.isAlphanumeric($0) || $0 == "-" }
    }

    /// Whether `action` matches `pattern`, ignoring case.
    static func matches(_ pattern: String, action: String) -> Bool {
        WildcardPattern(tokens: tokens(pattern)).matches(bytes: lowercasedBytes(action).span, separatorLimit: -1)
    }

    /// `pattern` read as a glob with its letters lowercased, to be compiled once per policy.
    ///
    /// A pattern without wildcards (`s3:GetObject`, the common case) compiles to a
    /// literal, which matches by comparing lengths and then bytes; one with a literal
    /// service (`s3:Get*`) rejects another service on its first differing byte.
    static func tokens(_ pattern: String) -> [WildcardPattern.Token] {
        WildcardPattern.lowercased(WildcardPattern.tokens(glob: pattern))
    }

    /// The requested action lowercased as a whole, as UTF-8: done once per request.
    static func lowercasedBytes(_ action: String) -> ContiguousArray<UInt8> {
        ContiguousArray(action.lowercased().utf8)
    }
}
