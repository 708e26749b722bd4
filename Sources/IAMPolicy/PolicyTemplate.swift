/// A resource or condition value holding `${...}`, split once into pattern text and variables.
///
/// Kept apart from `WildcardPattern` because the variables' values come from each
/// request; what can be read ahead of time (the pieces between variables, the keys,
/// the defaults) is read when the policy is parsed rather than on every request.
struct PolicyTemplate: Sendable {
    enum Part: Sendable {
        /// Policy text between variables, read as a glob.
        case pattern([WildcardPattern.Token])
        /// `${key}` or `${key, 'default'}`; `${*}`, `${?}` and `${$}` are compiled to literals instead.
        case variable(lowercasedKey: String, fallback: String?)
    }

    let parts: [Part]

    /// Splits `text`; nil when it holds no `${`, so it is a plain pattern.
    init?(_ text: String) {
        // Most values have no variable: a byte scan settles it without Foundation's search
        // (which finds `${` only where these two bytes are).
        guard Self.hasOpening(text), text.contains("${") else { return nil }
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            parts.append(.pattern(WildcardPattern.tokens(glob: String(rest[..<open.lowerBound]))))
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                // An unclosed `${` is plain text, as IAM treats it.
                rest = rest[open.lowerBound...]
                parts.append(.pattern(WildcardPattern.tokens(glob: String(rest))))
                self.parts = parts
                return
            }
            let (key, fallback) = PolicyVariables.split(String(afterOpen[..<close]))
            switch key {
            case "*", "?", "$":
                parts.append(.pattern(key.unicodeScalars.map { .literal($0) }))
            default:
                parts.append(.variable(lowercasedKey: key.lowercased(), fallback: fallback))
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        parts.append(.pattern(WildcardPattern.tokens(glob: String(rest))))
        self.parts = parts
    }

    private static func hasOpening(_ text: String) -> Bool {
        var afterDollar = false
        for byte in text.utf8 {
            if afterDollar, byte == UInt8(ascii: "{") { return true }
            afterDollar = byte == UInt8(ascii: "$")
        }
        return false
    }

    /// The pattern with each variable's value put in as literal text, or nil when a
    /// variable has neither a single value in `context` nor a default.
    func resolve(in context: ConditionContext) -> WildcardPattern? {
        var tokens: [WildcardPattern.Token] = []
        for part in parts {
            switch part {
            case .pattern(let piece):
                tokens += piece
            case .variable(let key, let fallback):
                // A multivalued key has no single value to substitute.
                let value: String
                if let values = context.values(lowercasedKey: key), values.count == 1, let only = values.first {
                    value = only
                } else if let fallback {
                    value = fallback
                } else {
                    return nil
                }
                tokens += value.unicodeScalars.map { .literal($0) }
            }
        }
        return WildcardPattern(tokens: tokens)
    }
}
