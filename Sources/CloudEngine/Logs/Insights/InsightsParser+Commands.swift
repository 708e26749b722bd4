/// `parse` and `stats`, the commands that define new fields.
extension InsightsParser {
    mutating func parseParse() throws {
        var from = InsightsExpression.field(resolve("@message"))
        if case .word = peek.kind { from = try parseTerm() }
        let pattern = advance()
        switch pattern.kind {
        case .string(let glob):
            guard peek.isWord("as") else { throw InsightsQueryError.unexpected(peek, expected: "'as' and the names of the fields") }
            advance()
            let literals = glob.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            var names: [InsightsToken] = []
            repeat { names.append(advance()) } while accept(",")
            guard names.count == literals.count - 1 else {
                throw InsightsQueryError.at(pattern.position, "the pattern has \(literals.count - 1) '*' but \(names.count) field names follow 'as'")
            }
            var slots: [Int] = []
            for token in names {
                guard case .word(let name) = token.kind else { throw InsightsQueryError.unexpected(token, expected: "a field name") }
                slots.append(define(name))
                query.columns.append((name, .slot(slots[slots.count - 1])))
            }
            query.eventSteps.append(.parse(from, .glob(literals: literals, slots: slots)))
        case .regex(let source):
            let regex = try Self.regex(source, pattern)
            let names = Self.groupNames(source)
            guard !names.isEmpty else {
                throw InsightsQueryError.at(pattern.position, "the regular expression names no fields; use groups like (?<name>...)")
            }
            var groups: [(name: String, slot: Int)] = []
            for name in names {
                let slot = define(name)
                groups.append((name, slot))
                query.columns.append((name, .slot(slot)))
            }
            query.eventSteps.append(.parse(from, .regex(regex, groups: groups)))
        default:
            throw InsightsQueryError.unexpected(pattern, expected: "a \"glob * pattern\" or a /regular expression/")
        }
    }

    /// The names of a regex's named groups, `(?<name>...)` or `(?P<name>...)`, in order.
    static func groupNames(_ source: String) -> [String] {
        var names: [String] = []
        var rest = Substring(source)
        while let open = rest.range(of: "(?") {
            rest = rest[open.upperBound...]
            if rest.hasPrefix("P") { rest = rest.dropFirst() }
            guard rest.hasPrefix("<"), let close = rest.firstIndex(of: ">") else { continue }
            let name = rest[rest.index(after: rest.startIndex)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.append(String(name)) }
        }
        return names
    }

    mutating func parseStats() throws {
        var stats = InsightsStats(aggregates: [], keys: [])
        repeat {
            let start = index
            let aggregate = try parseAggregate()
            stats.aggregates.append((try alias(default: text(from: start, through: index - 1)), aggregate))
        } while accept(",")
        if peek.isWord("by") {
            advance()
            repeat {
                let start = index
                let key = try parseAdditive()
                stats.keys.append((try alias(default: text(from: start, through: index - 1)), key))
            } while accept(",")
        }
        query.stats = stats
        afterStats = true
        scope = [:]
        query.columns = []
        for name in stats.keys.map(\.name) + stats.aggregates.map(\.name) {
            query.columns.append((name, .slot(define(name))))
        }
    }

    private mutating func alias(default name: String) throws -> String {
        guard peek.isWord("as") else { return name }
        advance()
        let token = advance()
        guard case .word(let alias) = token.kind else { throw InsightsQueryError.unexpected(token, expected: "a name after 'as'") }
        return alias
    }

    private mutating func parseAggregate() throws -> InsightsAggregate {
        let token = advance()
        guard case .word(let name) = token.kind, let kind = InsightsAggregate.Kind(rawValue: name.lowercased()) else {
            throw InsightsQueryError.unexpected(token, expected: "an aggregate (count, sum, avg, min, max, pct, count_distinct)")
        }
        try expect("(", "'(' after \(name)")
        if kind == .count, accept("*") || peek.isSymbol(")") {
            try expect(")", "')'")
            return InsightsAggregate(kind: .count, argument: nil, percentile: 0)
        }
        let argument = try parseAdditive()
        var percentile = 0.0
        if kind == .pct {
            try expect(",", "',' and the percentile")
            let value = advance()
            guard case .number(let number) = value.kind, (0...100).contains(number) else {
                throw InsightsQueryError.unexpected(value, expected: "a percentile from 0 to 100")
            }
            percentile = number
        }
        try expect(")", "')'")
        return InsightsAggregate(kind: kind, argument: argument, percentile: percentile)
    }
}
