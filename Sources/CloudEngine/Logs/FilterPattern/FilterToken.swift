/// One token of a JSON (`{ ... }`) or space-delimited (`[ ... ]`) filter pattern, with its 1-based column.
struct FilterToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case word, quoted, regex, comparison
        case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
        case comma, and, or, ellipsis, end
    }

    var kind: Kind
    /// A word as written, a quoted string without its quotes (escapes resolved), a regex without its `%`s, an operator.
    var text: String
    var position: Int

    /// How a message names the token when it is where the parser did not expect it.
    var described: String {
        switch kind {
        case .end: return "the end of the pattern"
        case .quoted: return "\"\(text)\""
        case .regex: return "%\(text)%"
        default: return "'\(text)'"
        }
    }
}
