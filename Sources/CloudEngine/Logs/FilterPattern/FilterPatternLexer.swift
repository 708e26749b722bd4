/// Splits a structured filter pattern into tokens. A word starting with `$` keeps its `[n]` array steps,
/// so `$.a[0].b` is one selector; elsewhere `[` and `]` delimit a space-delimited pattern.
enum FilterPatternLexer {
    static let delimiters: Set<Unicode.Scalar> = ["{", "}", "(", ")", "[", "]", ",", "=", "!", "<", ">", "\"", "%", "&", "|"]

    static let punctuation: [Unicode.Scalar: FilterToken.Kind] = [
        "{": .leftBrace, "}": .rightBrace, "(": .leftParen, ")": .rightParen, "[": .leftBracket, "]": .rightBracket, ",": .comma,
    ]

    static func tokens(_ pattern: String) throws -> [FilterToken] {
        let scalars = Array(pattern.unicodeScalars)
        var tokens: [FilterToken] = []
        var index = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            let scalar = scalars[index]
            let position = index + 1
            if scalar.properties.isWhitespace { index += 1; continue }
            if let kind = punctuation[scalar] {
                tokens.append(FilterToken(kind: kind, text: String(scalar), position: position))
                index += 1
                continue
            }
            switch scalar {
            case "=", "<", ">", "!":
                if peek(1) == "=" && scalar != "=" {
                    tokens.append(FilterToken(kind: .comparison, text: String(scalar) + "=", position: position))
                    index += 2
                } else if scalar == "!" {
                    throw FilterPatternError.at(position, "'!' must be followed by '=' (use != to compare)")
                } else {
                    tokens.append(FilterToken(kind: .comparison, text: String(scalar), position: position))
                    index += 1
                }
            case "&", "|":
                guard peek(1) == scalar else {
                    throw FilterPatternError.at(position, "'\(scalar)' must be doubled ('\(scalar)\(scalar)')")
                }
                tokens.append(FilterToken(kind: scalar == "&" ? .and : .or, text: "\(scalar)\(scalar)", position: position))
                index += 2
            case "\"":
                let (text, next) = try quoted(scalars, from: index)
                tokens.append(FilterToken(kind: .quoted, text: text, position: position))
                index = next
            case "%":
                guard let close = scalars[(index + 1)...].firstIndex(of: "%") else {
                    throw FilterPatternError.at(position, "the regular expression starting here has no closing '%'")
                }
                tokens.append(FilterToken(kind: .regex, text: String(String.UnicodeScalarView(scalars[(index + 1)..<close])),
                                          position: position))
                index = close + 1
            default:
                var end = index
                let selector = scalar == "$"
                while end < scalars.count, !scalars[end].properties.isWhitespace {
                    let next = scalars[end]
                    if selector && (next == "[" || next == "]") { end += 1; continue }
                    if delimiters.contains(next) { break }
                    end += 1
                }
                let text = String(String.UnicodeScalarView(scalars[index..<end]))
                tokens.append(FilterToken(kind: text == "..." ? .ellipsis : .word, text: text, position: position))
                index = end
            }
        }
        tokens.append(FilterToken(kind: .end, text: "", position: scalars.count + 1))
        return tokens
    }

    /// A double-quoted string starting at `start`: its text with `\"` and `\\` resolved, and the index after it.
    static func quoted(_ scalars: [Unicode.Scalar], from start: Int) throws -> (String, Int) {
        var text = String.UnicodeScalarView()
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                text.append(scalars[index + 1])
                index += 2
                continue
            }
            if scalar == "\"" { return (String(text), index + 1) }
            text.append(scalar)
            index += 1
        }
        throw FilterPatternError.at(start + 1, "the quoted string starting here has no closing '\"'")
    }
}
