/// Parses a Logs Insights query and compiles it as it goes: every field name becomes where it is read
/// (a built-in field, a slot, a JSON path), so running it looks nothing up by name.
struct InsightsParser {
    let tokens: [InsightsToken]
    let source: [Character]
    var index = 0
    /// Names `parse`, `fields ... as` (or, after `stats`, its columns) defined, and their slots.
    var scope: [String: Int] = [:]
    var afterStats = false
    var query = InsightsQuery()
    private var sawFields = false
    private var sawRowCommand = false
    private var display: [(name: String, field: InsightsField)]?

    static func parse(_ text: String) throws -> InsightsQuery {
        var parser = InsightsParser(tokens: try InsightsLexer.tokens(text), source: Array(text))
        return try parser.parseQuery()
    }

    var peek: InsightsToken { tokens[index] }

    @discardableResult
    mutating func advance() -> InsightsToken {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    mutating func accept(_ symbol: String) -> Bool {
        guard peek.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ symbol: String, _ expected: String) throws {
        guard accept(symbol) else { throw InsightsQueryError.unexpected(peek, expected: expected) }
    }

    func text(from start: Int, through end: Int) -> String {
        let low = tokens[start].position - 1
        let high = min(source.count, tokens[end].position - 1 + tokens[end].text.count)
        return low < high ? String(source[low..<high]) : tokens[start].text
    }

    mutating func resolve(_ name: String) -> InsightsField {
        if let slot = scope[name] { return .slot(slot) }
        if afterStats { return .missing }
        switch name {
        case "@timestamp": return .timestamp
        case "@logStream": query.usesStream = true; return .logStream
        case "@log": query.usesLog = true; return .log
        case "@ingestionTime": return .ingestionTime
        case "@message": query.usesMessage = true; return .message
        default:
            query.usesMessage = true
            return (try? JSONPath("$." + name, position: 1)).map(InsightsField.json) ?? .missing
        }
    }

    mutating func define(_ name: String) -> Int {
        if let slot = scope[name] { return slot }
        let slot = afterStats ? query.rowSlots : query.eventSlots
        if afterStats { query.rowSlots += 1 } else { query.eventSlots += 1 }
        scope[name] = slot
        return slot
    }

    mutating func parseQuery() throws -> InsightsQuery {
        repeat {
            guard peek.kind != .end else { throw InsightsQueryError.unexpected(peek, expected: "a command") }
            try parseCommand()
        } while accept("|")
        guard peek.kind == .end else { throw InsightsQueryError.unexpected(peek, expected: "'|' or the end of the query") }
        if !sawFields && query.stats == nil {
            query.columns.insert(contentsOf: [("@timestamp", .timestamp), ("@message", .message)], at: 0)
            query.usesMessage = true
        }
        if let display { query.columns = display }
        return query
    }

    private mutating func parseCommand() throws {
        let command = advance()
        switch command.kind {
        case .word(let word) where word.lowercased() == "fields": try parseFields()
        case .word(let word) where word.lowercased() == "filter":
            let condition = try parseOr()
            if sawRowCommand || afterStats { query.rowSteps.append(.filter(condition)) } else { query.eventSteps.append(.filter(condition)) }
        case .word(let word) where word.lowercased() == "parse":
            guard !sawRowCommand && !afterStats else {
                throw InsightsQueryError.at(command.position, "parse must come before stats, sort, limit and dedup")
            }
            try parseParse()
        case .word(let word) where word.lowercased() == "stats":
            guard !afterStats else { throw InsightsQueryError.at(command.position, "a query can have only one stats command") }
            try parseStats()
        case .word(let word) where word.lowercased() == "sort":
            sawRowCommand = true
            var keys: [(expression: InsightsExpression, descending: Bool)] = []
            repeat {
                let key = try parseAdditive()
                var descending = false
                if peek.isWord("desc") { advance(); descending = true } else if peek.isWord("asc") { advance() }
                keys.append((key, descending))
            } while accept(",")
            query.rowSteps.append(.sort(keys))
        case .word(let word) where word.lowercased() == "limit":
            sawRowCommand = true
            let token = advance()
            guard case .number(let number) = token.kind, number == number.rounded(), (1...10_000).contains(number) else {
                throw InsightsQueryError.unexpected(token, expected: "a whole number from 1 to 10000")
            }
            query.rowSteps.append(.limit(Int(number)))
            query.limit = Int(number)
        case .word(let word) where word.lowercased() == "dedup":
            sawRowCommand = true
            var keys: [InsightsExpression] = []
            repeat { keys.append(try parseTerm()) } while accept(",")
            query.rowSteps.append(.dedup(keys))
        case .word(let word) where word.lowercased() == "display":
            var columns: [(name: String, field: InsightsField)] = []
            repeat {
                let token = advance()
                guard case .word(let name) = token.kind else { throw InsightsQueryError.unexpected(token, expected: "a field name") }
                columns.append((name, resolve(name)))
            } while accept(",")
            display = columns
        default:
            throw InsightsQueryError.unexpected(command, expected: "a command (fields, filter, parse, stats, sort, limit, dedup, display)")
        }
    }

    private mutating func parseFields() throws {
        if !afterStats && !sawFields { sawFields = true }
        repeat {
            let start = index
            let expression = try parseOr()
            var name = text(from: start, through: index - 1)
            if peek.isWord("as") {
                advance()
                let alias = advance()
                guard case .word(let aliasName) = alias.kind else { throw InsightsQueryError.unexpected(alias, expected: "a name after 'as'") }
                name = aliasName
            } else if case .field(let field) = expression {
                if !query.columns.contains(where: { $0.name == name }) { query.columns.append((name, field)) }
                continue
            }
            let slot = define(name)
            if sawRowCommand || afterStats { query.rowSteps.append(.assign(slot, expression)) } else { query.eventSteps.append(.assign(slot, expression)) }
            query.columns.removeAll { $0.name == name }
            query.columns.append((name, .slot(slot)))
        } while accept(",")
    }
}
