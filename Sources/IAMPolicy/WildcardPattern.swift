/// A pattern with `*` (any run of characters) and `?` (any one character).
///
/// Kept as tokens rather than text so a policy variable such as `${*}` can
/// stand for a literal asterisk next to real wildcards.
struct WildcardPattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        /// `*`; `crossesColon` is true when it is the last character of a colon-separated
        /// segment, which is the only place IAM lets it match beyond a `:` in a resource ARN.
        case anyRun(crossesColon: Bool)
        case anyOne
    }

    private(set) var tokens: [Token]

    init(tokens: [Token]) {
        self.tokens = tokens
        markColonCrossingStars()
    }

    /// Reads `*` and `?` in `glob` as wildcards and everything else literally.
    init(glob: String) {
        self.init(tokens: glob.unicodeScalars.map { scalar in
            switch scalar {
            case "*": return .anyRun(crossesColon: false)
            case "?": return .anyOne
            default: return .literal(scalar)
            }
        })
    }

    /// A pattern that matches exactly `text`, wildcards included as plain characters.
    static func literal(_ text: String) -> WildcardPattern {
        WildcardPattern(tokens: text.unicodeScalars.map { .literal($0) })
    }

    /// The text the pattern was written as, with wildcards shown as `*` and `?`.
    var text: String {
        var scalars = String.UnicodeScalarView()
        for token in tokens {
            switch token {
            case .literal(let scalar): scalars.append(scalar)
            case .anyRun: scalars.append("*")
            case .anyOne: scalars.append("?")
            }
        }
        return String(scalars)
    }

    /// The pattern followed by another.
    static func + (lhs: WildcardPattern, rhs: WildcardPattern) -> WildcardPattern {
        WildcardPattern(tokens: lhs.tokens + rhs.tokens)
    }

    private mutating func markColonCrossingStars() {
        for position in tokens.indices {
            guard case .anyRun = tokens[position] else { continue }
            let next = tokens.index(after: position)
            let endsSegment = next == tokens.endIndex || tokens[next] == .literal(":")
            tokens[position] = .anyRun(crossesColon: endsSegment)
        }
    }

    /// Whether the pattern matches the whole of `subject`.
    ///
    /// - Parameters:
    ///   - caseInsensitive: compare letters without case (actions, `...IgnoreCase` operators).
    ///   - colonSensitive: apply IAM's resource-ARN rule: wildcards stay within a colon-separated
    ///     segment, except a `*` that ends its segment, which may run on past colons. Only the
    ///     first five colons of the subject separate segments (`arn:partition:service:region:account:`);
    ///     after them, in the resource part, a colon is an ordinary character (S3 keys may hold colons).
    func matches(_ subject: String, caseInsensitive: Bool = false, colonSensitive: Bool = false) -> Bool {
        let text = Array((caseInsensitive ? subject.lowercased() : subject).unicodeScalars)
        var separators = [Bool](repeating: false, count: text.count)
        if colonSensitive {
            var found = 0
            for offset in text.indices where text[offset] == ":" && found < 5 {
                separators[offset] = true
                found += 1
            }
        }
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: text.count + 1)
            switch token {
            case .literal(let raw):
                let scalar = caseInsensitive ? Self.lowercased(raw) : raw
                for offset in text.indices where reachable[offset] && text[offset] == scalar {
                    next[offset + 1] = true
                }
            case .anyOne:
                for offset in text.indices where reachable[offset] && !separators[offset] {
                    next[offset + 1] = true
                }
            case .anyRun(let crossesColon):
                var running = false
                for offset in 0...text.count {
                    if reachable[offset] { running = true }
                    next[offset] = running
                    if offset < text.count, !crossesColon, separators[offset] { running = false }
                }
            }
            reachable = next
            if !reachable.contains(true) { return false }
        }
        return reachable[text.count]
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lowered = String(scalar).lowercased().unicodeScalars
        return lowered.count == 1 ? (lowered.first ?? scalar) : scalar
    }
}
