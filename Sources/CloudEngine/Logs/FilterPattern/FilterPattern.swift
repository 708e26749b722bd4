/// A CloudWatch Logs filter pattern, compiled once and matched against many messages: terms and phrases
/// (`ERROR -Retry ?"timed out"`), a `%regex%`, a JSON pattern (`{ $.level = "ERROR" && $.ms > 100 }`),
/// or a space-delimited one (`[ip, ..., status = 5*, bytes > 1000]`). A bad pattern throws
/// InvalidParameterException naming the position where it went wrong.
public struct FilterPattern: Sendable {
    enum Kind: Sendable {
        case everything
        case terms(TermPattern)
        case regex(FilterRegex)
        /// `remember`: a selector is used more than once, so each event's lookups are cached.
        case json(FilterCondition, [JSONPath], remember: Bool)
        case delimited(DelimitedPattern)
    }

    let kind: Kind

    public init(_ pattern: String) throws {
        let trimmed = String(pattern.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        if trimmed.isEmpty {
            kind = .everything
        } else if trimmed.hasPrefix("{") {
            let tokens = try FilterPatternLexer.tokens(pattern)
            var parser = FilterConditionParser(tokens: tokens, mode: .json)
            try parser.expect(.leftBrace, "'{'")
            let condition = try parser.parseOr()
            try parser.expect(.rightBrace, "'&&', '||' or '}'")
            try parser.expect(.end, "the end of the pattern after '}'")
            let paths = try parser.fields.map { try JSONPath($0, position: 1) }
            kind = .json(condition, paths, remember: parser.fieldRepeats)
        } else if trimmed.hasPrefix("[") {
            kind = .delimited(try DelimitedPattern(tokens: try FilterPatternLexer.tokens(pattern)))
        } else if trimmed.count >= 2, trimmed.hasPrefix("%"), trimmed.hasSuffix("%") {
            let offset = pattern.unicodeScalars.prefix { $0.properties.isWhitespace }.count
            kind = .regex(try FilterRegex(String(trimmed.dropFirst().dropLast()), position: offset + 1))
        } else {
            kind = .terms(try TermPattern(pattern))
        }
    }

    /// Whether the pattern matches every event, so a search need not look at messages.
    public var matchesEverything: Bool {
        if case .everything = kind { return true }
        return false
    }

    public func matches(_ message: String) -> Bool {
        switch kind {
        case .everything:
            return true
        case .regex(let regex):
            return regex.found(in: message)
        case .terms(let terms):
            return ByteSearch.withBytes(message) { terms.matches($0) }
        case .delimited(let delimited):
            return ByteSearch.withBytes(message) { delimited.matches($0) }
        case .json(let condition, let paths, let remember):
            return ByteSearch.withBytes(message) { bytes in
                guard JSONFieldScanner.looksWhole(bytes) else { return false }
                var source = JSONSource(scanner: JSONFieldScanner(bytes: bytes), paths: paths, remember: remember)
                return condition.evaluate(&source)
            }
        }
    }

    /// Looks selectors up in one event; when one is used more than once, only the first use scans.
    struct JSONSource: FilterFieldSource {
        let scanner: JSONFieldScanner
        let paths: [JSONPath]
        let remember: Bool
        var cache: [FilterFieldValue??] = []

        mutating func value(_ field: Int) -> FilterFieldValue? {
            guard remember else { return scanner.value(at: paths[field]) }
            if cache.isEmpty { cache = Array(repeating: nil, count: paths.count) }
            if let known = cache[field] { return known }
            let found = scanner.value(at: paths[field])
            cache[field] = .some(found)
            return found
        }
    }
}
