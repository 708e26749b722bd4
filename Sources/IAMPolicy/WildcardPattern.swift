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

    let tokens: [Token]
    /// The tokens as bytes, compiled once here because a policy's patterns are matched on every request.
    private let compiled: GlobProgram

    init(tokens: [Token]) {
        let marked = Self.markingColonCrossingStars(tokens)
        self.tokens = marked
        compiled = GlobProgram([marked])
    }

    /// Reads `*` and `?` in `glob` as wildcards and everything else literally.
    init(glob: String) {
        self.init(tokens: Self.tokens(glob: glob))
    }

    /// The tokens `init(glob:)` would hold, without compiling them: for callers that
    /// compile several patterns together (`StatementMatcher`) or join pieces (`PolicyTemplate`).
    static func tokens(glob: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(glob.utf8.count)
        for scalar in glob.unicodeScalars {
            switch scalar {
            case "*": tokens.append(.anyRun(crossesColon: false))
            case "?": tokens.append(.anyOne)
            default: tokens.append(.literal(scalar))
            }
        }
        return markingColonCrossingStars(tokens)
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

    private static func markingColonCrossingStars(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        for position in tokens.indices {
            guard case .anyRun = tokens[position] else { continue }
            let next = tokens.index(after: position)
            let endsSegment = next == tokens.endIndex || tokens[next] == .literal(":")
            tokens[position] = .anyRun(crossesColon: endsSegment)
        }
        return tokens
    }

    /// Whether the pattern matches the whole of `subject`.
    ///
    /// - Parameters:
    ///   - caseInsensitive: compare letters without case (actions, `...IgnoreCase` operators).
    ///   - colonSensitive: apply IAM's resource-ARN rule: wildcards stay within a colon-separated
    ///     segment, except a `*` that ends its segment, which may run on past colons. Only the
    ///     first five colons of the subject separate segments (`arn:partition:service:region:account:`);
    ///     after them, in the resource part, a colon is an ordinary character (S3 keys may hold colons).
    ///
    /// Convenient but not for hot paths: the evaluator compiles a statement's patterns
    /// together (`StatementMatcher`) and prepares the request's bytes once.
    func matches(_ subject: String, caseInsensitive: Bool = false, colonSensitive: Bool = false) -> Bool {
        let bytes = ContiguousArray((caseInsensitive ? subject.lowercased() : subject).utf8)
        let pattern = caseInsensitive ? lowercasedForMatching() : self
        let span = bytes.span
        let limit = colonSensitive ? GlobProgram.resourceSeparatorLimit(span) : -1
        return pattern.compiled.matches(0, span, separatorLimit: limit)
    }

    /// Whether the pattern matches the whole of `subject`, given as UTF-8 bytes, with case.
    ///
    /// - Parameter separatorLimit: -1 to treat every colon as an ordinary character; for
    ///   the resource-ARN rule, `GlobProgram.resourceSeparatorLimit(subject)`.
    func matches(bytes subject: Span<UInt8>, separatorLimit: Int) -> Bool {
        compiled.matches(0, subject, separatorLimit: separatorLimit)
    }

    /// The pattern with each literal lowercased on its own, for matching a lowercased subject.
    ///
    /// A letter whose lowercase form is several scalars (`İ`) is kept as written, as
    /// matching has always done; the subject is lowercased as a whole string.
    func lowercasedForMatching() -> WildcardPattern {
        WildcardPattern(tokens: Self.lowercased(tokens))
    }

    /// `tokens` with each literal lowercased on its own (see `lowercasedForMatching()`).
    static func lowercased(_ tokens: [Token]) -> [Token] {
        tokens.map { token in
            guard case .literal(let scalar) = token else { return token }
            return .literal(lowercased(scalar))
        }
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // ASCII letters need no `String` round trip (policies are parsed often enough to notice).
        if scalar.isASCII {
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar
        }
        let lowered = String(scalar).lowercased().unicodeScalars
        return lowered.count == 1 ? (lowered.first ?? scalar) : scalar
    }
}
