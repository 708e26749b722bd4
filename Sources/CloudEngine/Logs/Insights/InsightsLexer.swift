/// One token of a Logs Insights query, with the 1-based character position it starts at.
struct InsightsToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A field or a word (`@message`, `a.b`, `stats`, `and`); backquoted names arrive unquoted.
        case word(String)
        case string(String)
        case regex(String)
        case number(Double)
        /// A number with a unit, as `bin` takes it: `5m`, `1h`, `100ms`.
        case duration(Int64)
        /// Punctuation and operators: `| , ( ) [ ] * + - / % = != < <= > >= =~`.
        case symbol(String)
        case end
    }

    let kind: Kind
    let position: Int
    /// The token's source text, for error messages and column names.
    let text: String

    var described: String { kind == .end ? "the end of the query" : "'\(text)'" }

    func isWord(_ keyword: String) -> Bool {
        if case .word(let word) = kind { return word.lowercased() == keyword }
        return false
    }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }
}

/// The MalformedQueryException a bad query gets, naming the token and where it went wrong.
enum InsightsQueryError {
    static func at(_ position: Int, _ problem: String) -> EngineError {
        EngineError(code: "MalformedQueryException", httpStatus: 400,
                    message: "Invalid query: \(problem) at position \(position).")
    }

    static func unexpected(_ token: InsightsToken, expected: String) -> EngineError {
        at(token.position, "expected \(expected) but found \(token.described)")
    }
}

/// Splits a query into tokens. A `/` opens a regular expression where one is expected (after `like`, `=~`
/// and `parse` and its field), and is division elsewhere.
enum InsightsLexer {
    private static let durationUnits: [String: Int64] = ["ms": 1, "s": 1000, "m": 60_000, "min": 60_000, "h": 3_600_000,
                                                         "hr": 3_600_000, "d": 86_400_000, "w": 604_800_000]

    static func tokens(_ query: String) throws -> [InsightsToken] {
        let chars = Array(query)
        var tokens: [InsightsToken] = []
        var index = 0
        func word(at offset: Int) -> String? {
            guard tokens.count >= offset, case .word(let word) = tokens[tokens.count - offset].kind else { return nil }
            return word.lowercased()
        }
        while index < chars.count {
            let char = chars[index]
            let start = index
            if char.isWhitespace { index += 1; continue }
            func add(_ kind: InsightsToken.Kind) {
                tokens.append(InsightsToken(kind: kind, position: start + 1, text: String(chars[start..<index])))
            }
            if char == "\"" || char == "'" || char == "`" || (char == "/" && regexExpected(tokens, word)) {
                index += 1
                var value = ""
                while index < chars.count && chars[index] != char {
                    if chars[index] == "\\" && index + 1 < chars.count {
                        let next = chars[index + 1]
                        // A regex keeps its escapes; a string resolves only the quote and the backslash.
                        if char == "/" && next != "/" { value.append("\\") }
                        value.append(next)
                        index += 2
                    } else {
                        value.append(chars[index])
                        index += 1
                    }
                }
                guard index < chars.count else {
                    throw InsightsQueryError.at(start + 1, "the \(char == "/" ? "regular expression" : "quoted text") starting here is not closed")
                }
                index += 1
                add(char == "/" ? .regex(value) : char == "`" ? .word(value) : .string(value))
            } else if char.isNumber {
                while index < chars.count && (chars[index].isNumber || chars[index] == ".") { index += 1 }
                let digits = String(chars[start..<index])
                let unitStart = index
                while index < chars.count && chars[index].isLetter { index += 1 }
                let unit = String(chars[unitStart..<index]).lowercased()
                guard let number = Double(digits) else { throw InsightsQueryError.at(start + 1, "'\(digits)' is not a number") }
                if unit.isEmpty {
                    add(.number(number))
                } else if let scale = durationUnits[unit], number == number.rounded(), number > 0, number < 1e9 {
                    add(.duration(Int64(number) * scale))
                } else {
                    throw InsightsQueryError.at(start + 1, "'\(String(chars[start..<index]))' is not a number or a duration like 5m")
                }
            } else if char.isLetter || char == "@" || char == "_" || char == "$" {
                while index < chars.count && (chars[index].isLetter || chars[index].isNumber || "@_.$".contains(chars[index])) {
                    index += 1
                }
                add(.word(String(chars[start..<index])))
            } else {
                let two = index + 1 < chars.count ? String(chars[index...(index + 1)]) : ""
                if ["!=", "<=", ">=", "=~", "=="].contains(two) {
                    index += 2
                    add(.symbol(two == "==" ? "=" : two))
                } else if "|,()[]*+-/%=<>".contains(char) {
                    index += 1
                    add(.symbol(String(char)))
                } else {
                    throw InsightsQueryError.at(start + 1, "unexpected character '\(char)'")
                }
            }
        }
        tokens.append(InsightsToken(kind: .end, position: chars.count + 1, text: ""))
        return tokens
    }

    private static func regexExpected(_ tokens: [InsightsToken], _ word: (Int) -> String?) -> Bool {
        if word(1) == "like" || word(1) == "parse" || word(2) == "parse" { return true }
        return tokens.last?.isSymbol("=~") ?? false
    }
}
