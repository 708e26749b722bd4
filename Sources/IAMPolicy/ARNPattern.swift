/// Matching ARNs in `Arn...` conditions, one colon-separated component at a time.
///
/// IAM UG (ARN condition operators): each of the six components of the ARN
/// is checked separately and each may hold `*` and `?`; the last component
/// (the resource) keeps any further colons. The pattern is split into its
/// components once, when the policy is parsed.
struct ARNPattern: Sendable {
    /// The six components' patterns.
    let components: [WildcardPattern]

    /// Splits `pattern` at its first five literal colons; nil when it has fewer.
    init?(_ pattern: WildcardPattern) {
        var parts: [[WildcardPattern.Token]] = [[]]
        for token in pattern.tokens {
            if token == .literal(":"), parts.count < 6 {
                parts.append([])
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        guard parts.count == 6 else { return nil }
        components = parts.map(WildcardPattern.init(tokens:))
    }

    /// Whether `arn` has six components, each matching the pattern's.
    func matches(_ arn: String) -> Bool {
        let bytes = ContiguousArray(arn.utf8)
        let span = bytes.span
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return matchesByCharacters(arn) }
        var start = 0
        var component = 0
        for offset in span.indices where span[offset] == UInt8(ascii: ":") && component < 5 {
            guard components[component].matches(bytes: span.extracting(start..<offset), separatorLimit: -1) else {
                return false
            }
            component += 1
            start = offset + 1
        }
        guard component == 5 else { return false }
        return components[5].matches(bytes: span.extracting(start..<span.count), separatorLimit: -1)
    }

    /// The general case: split as `Character`s, so a colon that a combining mark
    /// joins to its neighbour does not separate components.
    private func matchesByCharacters(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return false }
        for (pattern, part) in zip(components, parts) {
            let bytes = ContiguousArray(part.utf8)
            guard pattern.matches(bytes: bytes.span, separatorLimit: -1) else { return false }
        }
        return true
    }
}
