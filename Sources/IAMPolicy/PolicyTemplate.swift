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
        /// The key is kept as written, for reporting it missing, and lowercased, for looking it up.
        case variable(key: String, lowercasedKey: String, fallback: String?)
    }

    let parts: [Part]

    /// Splits `text`; nil when it holds no `${`, so it is a plain pattern.
    init?(_ text: String) {
        var text = text
        guard let parts = text.withUTF8(Self.split) else { return nil }
        self.parts = parts
    }

    /// The parts of the UTF-8 text `bytes`; nil when it holds no `${`.
    ///
    /// One pass over the bytes, each looked at no more than twice, so a value with tens
    /// of thousands of variables is read in linear time, and one without any (most of
    /// them) is read without copying. `${`, `}` and `,` are ASCII, so cutting the bytes
    /// at them always leaves whole characters on either side.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Part]? {
        guard var open = opening(in: bytes, from: 0) else { return nil }
        var parts: [Part] = []
        var pieceStart = 0
        while true {
            let bodyStart = open + 2
            // An unclosed `${` is plain text, as IAM treats it, and so is everything after it.
            guard let close = bytes[bodyStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
            parts.append(.pattern(glob(bytes[pieceStart..<open])))
            let (key, fallback) = PolicyVariables.split(String(decoding: bytes[bodyStart..<close], as: UTF8.self))
            switch key {
            case "*", "?", "$":
                parts.append(.pattern(key.unicodeScalars.map { .literal($0) }))
            default:
                parts.append(.variable(key: key, lowercasedKey: key.lowercased(), fallback: fallback))
            }
            pieceStart = close + 1
            guard let next = opening(in: bytes, from: pieceStart) else { break }
            open = next
        }
        parts.append(.pattern(glob(bytes[pieceStart...])))
        return parts
    }

    /// The keys of the variables, as written, in order: `${*}` and the like are not keys.
    var keys: [String] {
        parts.compactMap { part in
            guard case .variable(let key, _, _) = part else { return nil }
            return key
        }
    }

    /// The offset of the next `${` at or after `start`.
    private static func opening(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var offset = start
        while offset + 1 < bytes.count {
            if bytes[offset] == UInt8(ascii: "$"), bytes[offset + 1] == UInt8(ascii: "{") { return offset }
            offset += 1
        }
        return nil
    }

    private static func glob(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [WildcardPattern.Token] {
        WildcardPattern.tokens(glob: String(decoding: bytes, as: UTF8.self))
    }

    /// The pattern with each variable's value put in as literal text, or nil when a
    /// variable has neither a single value in `context` nor a default.
    func resolve(in context: ConditionContext) -> WildcardPattern? {
        var tokens: [WildcardPattern.Token] = []
        for part in parts {
            switch part {
            case .pattern(let piece):
                tokens += piece
            case .variable(_, let key, let fallback):
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
