/// JSON string literals, written the one way the project writes them, and the one way it shows user text safely.
///
/// Control characters are always written as escapes, never as themselves: a key
/// such as `"\u001b]0;pwned\u0007"` in a policy file must reach the terminal as
/// those visible letters, not retitle the window or change its colours. The
/// escapes are JSON's (`\n`, `\r`, `\t`, else `\u00XX`), so text quoted in a
/// message reads exactly as it would be written in the policy document.
public enum JSONString {
    /// `text` as a JSON string: quotes, backslashes and control characters escaped,
    /// everything else kept as it is (no `\/`, no escaped non-ASCII).
    ///
    /// Also the way messages quote user text (keys, values, actions, ARNs): escaping
    /// the quote and the backslash keeps the quoted text unambiguous.
    public static func quoted(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\":
                result.append("\\")
                result.append(scalar)
            default:
                appendEscapingControl(scalar, to: &result)
            }
        }
        result.append("\"")
        return String(result)
    }

    /// `text` with its control characters escaped as in `quoted(_:)` and nothing else changed.
    ///
    /// For user text that a message shows bare because IAM's own wording does
    /// (`Resource my-bucket must be in ARN format`), and for a whole message as
    /// the last check before it is printed. Text without control characters comes
    /// back unchanged, so escaping twice does no harm.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            appendEscapingControl(scalar, to: &result)
        }
        return String(result)
    }

    /// C0 controls (U+0000 to U+001F), DEL (U+007F) and C1 controls (U+0080 to U+009F):
    /// what a terminal may act on instead of showing (U+009B alone starts an escape sequence).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func appendEscapingControl(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        switch scalar {
        case "\n": result.append(contentsOf: "\\n".unicodeScalars)
        case "\r": result.append(contentsOf: "\\r".unicodeScalars)
        case "\t": result.append(contentsOf: "\\t".unicodeScalars)
        case _ where isControl(scalar):
            let hex = String(scalar.value, radix: 16)
            result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        default:
            result.append(scalar)
        }
    }
}
