/// Parses the conditions of a JSON pattern (`$.a = 1 && ($.b IS NULL || $.c != "x")`) or of one
/// space-delimited field (`status = 4* || status = 5*`). `&&` binds tighter than `||`.
struct FilterConditionParser {
    enum Mode { case json, delimited }

    let tokens: [FilterToken]
    let mode: Mode
    var index = 0
    /// The selectors (JSON paths, or field names) in order of first use; a condition names them by index.
    var fields: [String] = []

    init(tokens: [FilterToken], mode: Mode) {
        self.tokens = tokens
        self.mode = mode
    }

    var current: FilterToken { tokens[index] }

    mutating func advance() -> FilterToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func expect(_ kind: FilterToken.Kind, _ description: String) throws {
        guard current.kind == kind else { throw FilterPatternError.unexpected(current, expected: description) }
        _ = advance()
    }

    mutating func parseOr() throws -> FilterCondition {
        var terms = [try parseAnd()]
        while current.kind == .or {
            _ = advance()
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .any(terms)
    }

    mutating func parseAnd() throws -> FilterCondition {
        var terms = [try parsePrimary()]
        while current.kind == .and {
            _ = advance()
            terms.append(try parsePrimary())
        }
        return terms.count == 1 ? terms[0] : .all(terms)
    }

    mutating func parsePrimary() throws -> FilterCondition {
        if current.kind == .leftParen {
            _ = advance()
            let inner = try parseOr()
            try expect(.rightParen, "')'")
            return inner
        }
        let selector = current
        guard selector.kind == .word else {
            throw FilterPatternError.unexpected(selector, expected: mode == .json ? "a selector such as $.field" : "a field name")
        }
        if mode == .json && !selector.text.hasPrefix("$") {
            throw FilterPatternError.at(selector.position, "a JSON selector must start with '$' (found '\(selector.text)')")
        }
        if mode == .json { _ = try JSONPath(selector.text, position: selector.position) }
        _ = advance()
        let field = fieldIndex(selector.text)
        switch current.kind {
        case .comparison:
            let opToken = advance()
            let op = FilterComparison.Operator(rawValue: opToken.text) ?? .equal
            let value = try parseValue(for: op, at: opToken)
            return .compare(field: field, FilterComparison(op: op, value: value))
        case .word where current.text == "IS":
            _ = advance()
            let keyword = advance()
            switch keyword.text {
            case "NULL": return .isNull(field: field)
            case "TRUE": return .isBoolean(field: field, true)
            case "FALSE": return .isBoolean(field: field, false)
            default: throw FilterPatternError.unexpected(keyword, expected: "NULL, TRUE or FALSE after IS")
            }
        case .word where current.text == "NOT":
            _ = advance()
            let keyword = advance()
            guard keyword.text == "EXISTS" else { throw FilterPatternError.unexpected(keyword, expected: "EXISTS after NOT") }
            return .notExists(field: field)
        default:
            guard mode == .delimited else {
                throw FilterPatternError.unexpected(current, expected: "an operator (=, !=, <, <=, >, >=, IS, NOT EXISTS) after \(selector.text)")
            }
            return .always
        }
    }

    mutating func parseValue(for op: FilterComparison.Operator, at opToken: FilterToken) throws -> FilterPatternValue {
        let token = advance()
        let ordering = op != .equal && op != .notEqual
        switch token.kind {
        case .quoted:
            if ordering { throw FilterPatternError.at(opToken.position, "'\(op.rawValue)' compares numbers, not the string \(token.described)") }
            return .text(GlobPattern(token.text))
        case .regex:
            if ordering { throw FilterPatternError.at(opToken.position, "'\(op.rawValue)' compares numbers, not a regular expression") }
            return .regex(try FilterRegex(token.text, position: token.position))
        case .word:
            if let number = Self.number(token.text) { return .number(number) }
            if ordering { throw FilterPatternError.at(token.position, "'\(op.rawValue)' needs a number, not '\(token.text)'") }
            return .text(GlobPattern(token.text))
        default:
            throw FilterPatternError.unexpected(token, expected: "a value after '\(op.rawValue)'")
        }
    }

    /// A number as a pattern writes one (`-1`, `2.5`, `1e3`); never `nan` or `inf`.
    static func number(_ text: String) -> Double? {
        guard let first = text.unicodeScalars.first, first == "-" || first == "." || ("0"..."9").contains(first),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Whether some selector is named more than once, so a match should remember what it looked up.
    var fieldRepeats = false

    mutating func fieldIndex(_ name: String) -> Int {
        if let existing = fields.firstIndex(of: name) {
            fieldRepeats = true
            return existing
        }
        fields.append(name)
        return fields.count - 1
    }
}
