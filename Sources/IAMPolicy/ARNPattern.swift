/// Matching ARNs in `Arn...` conditions, one colon-separated component at a time.
///
/// IAM UG (ARN condition operators): each of the six components of the ARN
/// is checked separately and each may hold `*` and `?`; the last component
/// (the resource) keeps any further colons.
enum ARNPattern {
    static func matches(_ pattern: WildcardPattern, arn: String) -> Bool {
        let patternParts = split(pattern.tokens)
        let arnParts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard patternParts.count == 6, arnParts.count == 6 else { return false }
        for (part, subject) in zip(patternParts, arnParts) {
            guard WildcardPattern(tokens: part).matches(String(subject)) else { return false }
        }
        return true
    }

    /// Splits pattern tokens at their first five literal colons.
    private static func split(_ tokens: [WildcardPattern.Token]) -> [[WildcardPattern.Token]] {
        var parts: [[WildcardPattern.Token]] = [[]]
        for token in tokens {
            if token == .literal(":"), parts.count < 6 {
                parts.append([])
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        return parts
    }
}
