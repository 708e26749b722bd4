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
        WildcardPattern(glob: pattern).matches(action, caseInsensitive: true, colonSensitive: false)
    }
}
