/// The expression grammar: `or` < `and` < `not` < comparisons, `like`, `in`, `=~` < `+ -` < `* / %` < terms.
extension InsightsParser {
    mutating func parseOr() throws -> InsightsExpression {
        var left = try parseAnd()
        while peek.isWord("or") { advance(); left = .or(left, try parseAnd()) }
        return left
    }

    mutating func parseAnd() throws -> InsightsExpression {
        var left = try parseNot()
        while peek.isWord("and") { advance(); left = .and(left, try parseNot()) }
        return left
    }

    mutating func parseNot() throws -> InsightsExpression {
        if peek.isWord("not") { advance(); return .not(try parseNot()) }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> InsightsExpression {
        let left = try parseAdditive()
        if case .symbol(let op) = peek.kind, ["=", "!=", "<", "<=", ">", ">="].contains(op) {
            advance()
            return .compare(op, left, try parseAdditive())
        }
        var negated = false
        if peek.isWord("not"), tokens[index + 1].isWord("like") || tokens[index + 1].isWord("in") { advance(); negated = true }
        let expression: InsightsExpression
        if peek.isWord("like") || peek.isSymbol("=~") {
            let regexOnly = peek.isSymbol("=~")
            advance()
            let token = advance()
            switch token.kind {
            case .string(let text) where !regexOnly: expression = .contains(left, text)
            case .regex(let source): expression = .matches(left, try Self.regex(source, token))
            default: throw InsightsQueryError.unexpected(token, expected: regexOnly ? "a /regular expression/" : "a string or a /regular expression/")
            }
        } else if peek.isWord("in") {
            advance()
            try expect("[", "'[' to open the list")
            var values: [InsightsValue] = []
            repeat {
                let token = advance()
                switch token.kind {
                case .string(let text): values.append(.text(text))
                case .number(let number): values.append(.number(number))
                default: throw InsightsQueryError.unexpected(token, expected: "a string or a number in the list")
                }
            } while accept(",")
            try expect("]", "',' or ']'")
            expression = .member(left, values)
        } else {
            return left
        }
        return negated ? .not(expression) : expression
    }

    mutating func parseAdditive() throws -> InsightsExpression {
        var left = try parseMultiplicative()
        while case .symbol(let op) = peek.kind, op == "+" || op == "-" {
            advance()
            left = .arithmetic(Character(op), left, try parseMultiplicative())
        }
        return left
    }

    mutating func parseMultiplicative() throws -> InsightsExpression {
        var left = try parseUnary()
        while case .symbol(let op) = peek.kind, op == "*" || op == "/" || op == "%" {
            advance()
            left = .arithmetic(Character(op), left, try parseUnary())
        }
        return left
    }

    mutating func parseUnary() throws -> InsightsExpression {
        if accept("-") { return .arithmetic("-", .literal(.number(0)), try parseUnary()) }
        return try parseTerm()
    }

    mutating func parseTerm() throws -> InsightsExpression {
        let token = advance()
        switch token.kind {
        case .number(let number): return .literal(.number(number))
        case .string(let text): return .literal(.text(text))
        case .symbol("("):
            let inner = try parseOr()
            try expect(")", "')'")
            return inner
        case .word(let name):
            guard peek.isSymbol("(") else { return .field(resolve(name)) }
            if afterStats, let slot = scope[callText(from: index - 1)] {
                skipCall()
                return .field(.slot(slot))
            }
            return try parseCall(name, token)
        default:
            throw InsightsQueryError.unexpected(token, expected: "a field, a value or '('")
        }
    }

    private mutating func parseCall(_ name: String, _ token: InsightsToken) throws -> InsightsExpression {
        advance()
        if name.lowercased() == "bin" {
            let period = advance()
            guard case .duration(let millis) = period.kind else {
                throw InsightsQueryError.unexpected(period, expected: "a period like 5m or 1h")
            }
            try expect(")", "')'")
            return .bin(millis)
        }
        guard let function = InsightsFunction(rawValue: name.lowercased()) else {
            throw InsightsQueryError.at(token.position, "unknown function '\(name)'")
        }
        var arguments: [InsightsExpression] = []
        if !peek.isSymbol(")") {
            repeat { arguments.append(try parseOr()) } while accept(",")
        }
        try expect(")", "',' or ')'")
        let unary: Set<InsightsFunction> = [.ispresent, .isempty, .strlen, .tolower, .toupper, .abs, .floor, .ceil]
        if unary.contains(function) && arguments.count != 1 {
            throw InsightsQueryError.at(token.position, "\(function.rawValue) takes one argument")
        }
        return .function(function, arguments)
    }

    /// The source text of the call starting at token `start`: `count(*)`, `pct(ms, 95)`.
    func callText(from start: Int) -> String {
        var depth = 0
        var end = start
        while end < tokens.count - 1 {
            if tokens[end].isSymbol("(") { depth += 1 }
            if tokens[end].isSymbol(")") { depth -= 1; if depth == 0 { break } }
            end += 1
        }
        return text(from: start, through: end)
    }

    private mutating func skipCall() {
        var depth = 0
        repeat {
            if peek.isSymbol("(") { depth += 1 }
            if peek.isSymbol(")") { depth -= 1 }
            advance()
        } while depth > 0 && peek.kind != .end
    }

    static func regex(_ source: String, _ token: InsightsToken) throws -> Regex<AnyRegexOutput> {
        do {
            return try Regex(source)
        } catch {
            throw InsightsQueryError.at(token.position, "the regular expression /\(source)/ is not valid")
        }
    }
}
