import Foundation

extension JSONLayout {
    /// A JSON object or array message on one line (whitespace outside strings removed) and its indented form;
    /// nil when the message is not one.
    static func oneLine(_ text: String) -> (compact: String, pretty: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first, first == "{" || first == "[", let pretty = pretty(trimmed) else { return nil }
        var compact = ""
        var inString = false
        var escaped = false
        for character in trimmed {
            if inString {
                compact.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
                compact.append(character)
            } else if !character.isWhitespace {
                compact.append(character)
                // A space after a separator keeps the one line readable, as jq -c does not but people do.
                if character == "," || character == ":" { compact.append(" ") }
            }
        }
        return (compact, pretty)
    }
}
