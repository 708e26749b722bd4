/// A compiled condition of a JSON or space-delimited pattern. Fields are numbered (a JSON selector or a
/// space-delimited field name), so a match looks each one up at most once per event.
indirect enum FilterCondition: Sendable {
    /// A space-delimited field with no condition: it only takes a place.
    case always
    case all([FilterCondition])
    case any([FilterCondition])
    case compare(field: Int, FilterComparison)
    case isNull(field: Int)
    case notExists(field: Int)
    case isBoolean(field: Int, Bool)

    func evaluate<Source: FilterFieldSource>(_ source: inout Source) -> Bool {
        switch self {
        case .always:
            return true
        case .all(let conditions):
            for condition in conditions where !condition.evaluate(&source) { return false }
            return true
        case .any(let conditions):
            for condition in conditions where condition.evaluate(&source) { return true }
            return false
        case .compare(let field, let comparison):
            guard let value = source.value(field) else { return false }
            return comparison.matches(value)
        case .isNull(let field):
            return source.value(field)?.kind == .null
        case .notExists(let field):
            return source.value(field) == nil
        case .isBoolean(let field, let wanted):
            return source.value(field)?.kind == (wanted ? .boolTrue : .boolFalse)
        }
    }
}

/// Where a condition finds a field's value in one event.
protocol FilterFieldSource {
    mutating func value(_ field: Int) -> FilterFieldValue?
}

/// A field's value in an event: its bytes as they appear in the message (a JSON string without its quotes).
/// Valid only while the message's bytes are.
struct FilterFieldValue {
    enum Kind: Equatable { case string, number, boolTrue, boolFalse, null, compound }

    var kind: Kind
    var bytes: UnsafeBufferPointer<UInt8>
    /// A JSON string holding backslash escapes, which must be resolved before comparing.
    var escaped: Bool = false

    /// The value as a number: a JSON number, or a string (a space-delimited field) that reads as one.
    var number: Double? {
        guard kind == .number || kind == .string, !bytes.isEmpty, !escaped else { return nil }
        var integer: Int64 = 0
        var negative = false
        var simple = true
        for (offset, byte) in bytes.enumerated() {
            if offset == 0 && byte == UInt8(ascii: "-") && bytes.count > 1 { negative = true; continue }
            guard byte >= 48 && byte <= 57, integer < 100_000_000_000_000 else { simple = false; break }
            integer = integer * 10 + Int64(byte - 48)
        }
        if simple { return Double(negative ? -integer : integer) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}

/// One `operator value` of a condition.
struct FilterComparison: Sendable {
    enum Operator: String, Sendable { case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=" }

    var op: Operator
    var value: FilterPatternValue

    func matches(_ field: FilterFieldValue) -> Bool {
        switch value {
        case .number(let wanted):
            guard let number = field.number else { return op == .notEqual && field.kind != .compound }
            switch op {
            case .equal: return number == wanted
            case .notEqual: return number != wanted
            case .less: return number < wanted
            case .lessOrEqual: return number <= wanted
            case .greater: return number > wanted
            case .greaterOrEqual: return number >= wanted
            }
        case .text(let glob):
            guard field.kind != .compound else { return false }
            let equal = field.escaped
                ? JSONFieldScanner.unescaped(field.bytes).withUnsafeBufferPointer { glob.matches($0) }
                : glob.matches(field.bytes)
            return op == .notEqual ? !equal : equal
        case .regex(let regex):
            guard field.kind != .compound else { return false }
            let text = field.escaped ? String(decoding: JSONFieldScanner.unescaped(field.bytes), as: UTF8.self)
                : String(decoding: field.bytes, as: UTF8.self)
            let found = regex.found(in: text)
            return op == .notEqual ? !found : found
        }
    }
}

/// The right side of a comparison.
enum FilterPatternValue: Sendable {
    case number(Double)
    /// A string, quoted or not, where `*` stands for any run of characters.
    case text(GlobPattern)
    case regex(FilterRegex)
}
