/// Reads JSON text into a `PolicyJSON` tree, tracking line and column.
///
/// Written by hand (not Foundation) because IAM authors need positions in
/// error messages and because duplicate keys must be caught, which
/// `JSONSerialization` silently collapses.
struct PolicyJSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Deep nesting is refused rather than risking the stack.
    private let maximumDepth = 64

    init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses one complete JSON value; anything but whitespace after it is an error.
    static func parse(_ text: String) throws(MalformedPolicyDocument) -> PolicyJSON {
        var parser = PolicyJSONParser(text: text)
        parser.skipWhitespace()
        if parser.atEnd {
            throw MalformedPolicyDocument("Syntax errors in policy: the document is empty; expected a JSON object", at: parser.position)
        }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if !parser.atEnd {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the document")
        }
        return value
    }

    // MARK: - Cursor

    private var atEnd: Bool { index >= scalars.count }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }
    private var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    private mutating func advance() {
        guard let scalar = current else { return }
        index += 1
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
        }
    }

    private func describeCurrent() -> String {
        guard let scalar = current else { return "end of document" }
        if scalar == "\n" { return "end of line" }
        return "'" + JSONString.escapingControlCharacters(String(scalar)) + "'"
    }

    private func error(_ detail: String) -> MalformedPolicyDocument {
        MalformedPolicyDocument("Syntax errors in policy: \(detail)", at: position)
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(MalformedPolicyDocument) -> PolicyJSON {
        guard depth < maximumDepth else { throw error("nesting is deeper than \(maximumDepth) levels") }
        guard let scalar = current else { throw error("expected a value, found end of document") }
        switch scalar {
        case "{": return try parseObject(depth: depth)
        case "[": return try parseArray(depth: depth)
        case "\"":
            let start = position
            let text = try parseString()
            return PolicyJSON(value: .string(text), start: start, end: lastPosition)
        case "-", "0"..."9": return try parseNumber()
        case "t": return try parseLiteral("true", .bool(true))
        case "f": return try parseLiteral("false", .bool(false))
        case "n": return try parseLiteral("null", .null)
        default:
            let hint = CharacterSetLite.isIdentifierScalar(scalar) ? "; strings must be in double quotes" : ""
            throw error("expected a value (string, number, object, array, true, false or null), found \(describeCurrent())\(hint)")
        }
    }

    /// The position of the character just consumed.
    private var lastPosition: SourcePosition { SourcePosition(line: line, column: max(column - 1, 1)) }

    private mutating func parseObject(depth: Int) throws(MalformedPolicyDocument) -> PolicyJSON {
        let start = position
        advance()  // {
        var members: [PolicyJSON.Member] = []
        var seen: [String: SourcePosition] = [:]
        skipWhitespace()
        if current == "}" {
            advance()
            return PolicyJSON(value: .object([]), start: start, end: lastPosition)
        }
        while true {
            skipWhitespace()
            guard current == "\"" else {
                throw error("expected a quoted key in the object that starts at line \(start.line), column \(start.column), found \(describeCurrent())")
            }
            let keyPosition = position
            let key = try parseString()
            if let first = seen[key] {
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: duplicate key \(JSONString.quoted(key)); it is already set at line \(first.line), column \(first.column)",
                    at: keyPosition)
            }
            seen[key] = keyPosition
            skipWhitespace()
            guard current == ":" else { throw error("expected ':' after the key \(JSONString.quoted(key)), found \(describeCurrent())") }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(PolicyJSON.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            if current == "}" {
                advance()
                return PolicyJSON(value: .object(members), start: start, end: lastPosition)
            }
            throw error("expected ',' or '}' after the value of \(JSONString.quoted(key)), found \(describeCurrent())")
        }
    }

    private mutating func parseArray(depth: Int) throws(MalformedPolicyDocument) -> PolicyJSON {
        let start = position
        advance()  // [
        var elements: [PolicyJSON] = []
        skipWhitespace()
        if current == "]" {
            advance()
            return PolicyJSON(value: .array([]), start: start, end: lastPosition)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            if current == "]" {
                advance()
                return PolicyJSON(value: .array(elements), start: start, end: lastPosition)
            }
            throw error("expected ',' or ']' in the array that starts at line \(start.line), column \(start.column), found \(describeCurrent())")
        }
    }

    private mutating func parseString() throws(MalformedPolicyDocument) -> String {
        let start = position
        advance()  // opening quote
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: the string that starts here is never closed with '\"'", at: start)
            }
            switch scalar {
            case "\"":
                advance()
                return String(text)
            case "\\":
                advance()
                text.append(try parseEscape())
            case "\n", "\r":
                throw error("a string cannot contain a line break; close it with '\"' or write \\n")
            default:
                if scalar.value < 0x20 {
                    throw error("a string cannot contain control character U+\(String(scalar.value, radix: 16, uppercase: true)); escape it")
                }
                text.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(MalformedPolicyDocument) -> Unicode.Scalar {
        guard let scalar = current else { throw error("expected an escape after '\\', found end of document") }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t",
        ]
        if let replacement = simple[scalar] {
            advance()
            return replacement
        }
        guard scalar == "u" else {
            throw error("invalid escape '\\\(JSONString.escapingControlCharacters(String(scalar)))' in a string")
        }
        advance()
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard current == "\\" else { throw error("a high surrogate \\u escape must be followed by a low surrogate") }
            advance()
            guard current == "u" else { throw error("a high surrogate \\u escape must be followed by a low surrogate") }
            advance()
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in a \\u escape") }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let result = Unicode.Scalar(combined) else { throw error("invalid \\u escape") }
            return result
        }
        guard let result = Unicode.Scalar(high) else { throw error("a lone low surrogate is not a character") }
        return result
    }

    private mutating func parseHex4() throws(MalformedPolicyDocument) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = Character(scalar).hexDigitValue else {
                throw error("expected four hexadecimal digits after \\u, found \(describeCurrent())")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(MalformedPolicyDocument) -> PolicyJSON {
        let start = position
        var text = ""
        func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return ("0"..."9").contains(scalar)
        }
        if current == "-" {
            text.append("-")
            advance()
        }
        guard isDigit(current) else { throw error("expected a digit in a number, found \(describeCurrent())") }
        if current == "0" {
            text.append("0")
            advance()
            if isDigit(current) { throw error("a number cannot start with 0 followed by more digits") }
        } else {
            while let scalar = current, isDigit(scalar) {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
        if current == "." {
            text.append(".")
            advance()
            guard isDigit(current) else { throw error("expected a digit after the decimal point, found \(describeCurrent())") }
            while let scalar = current, isDigit(scalar) {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
        if current == "e" || current == "E" {
            text.append("e")
            advance()
            if let sign = current, sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                advance()
            }
            guard isDigit(current) else { throw error("expected a digit in the exponent, found \(describeCurrent())") }
            while let scalar = current, isDigit(scalar) {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
        return PolicyJSON(value: .number(text), start: start, end: lastPosition)
    }

    private mutating func parseLiteral(_ word: String, _ value: PolicyJSON.Value) throws(MalformedPolicyDocument) -> PolicyJSON {
        let start = position
        for expected in word.unicodeScalars {
            guard current == expected else {
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: expected a value (string, number, object, array, true, false or null); strings must be in double quotes",
                    at: start)
            }
            advance()
        }
        if let scalar = current, CharacterSetLite.isIdentifierScalar(scalar) {
            throw MalformedPolicyDocument(
                "Syntax errors in policy: expected a value (string, number, object, array, true, false or null); strings must be in double quotes",
                at: start)
        }
        return PolicyJSON(value: value, start: start, end: lastPosition)
    }
}

/// Character tests the parser needs without pulling in Foundation's CharacterSet.
enum CharacterSetLite {
    static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
