/// A JSON value that remembers where it was written.
///
/// Foundation's `JSONSerialization` forgets positions, and a policy author
/// needs "line 7, column 12" to fix a typo, so policy documents are read
/// into this tree instead.
struct PolicyJSON: Sendable {
    /// The value itself.
    enum Value: Sendable {
        case string(String)
        /// The number exactly as written, so `"10"` and `10` compare alike in conditions.
        case number(String)
        case bool(Bool)
        case null
        case array([PolicyJSON])
        case object([Member])
    }

    /// One `"key": value` pair of an object, in the order written.
    struct Member: Sendable {
        var key: String
        var keyPosition: SourcePosition
        var value: PolicyJSON
    }

    var value: Value
    /// Where the value starts (its first character).
    var start: SourcePosition
    /// Where the value ends (its last character).
    var end: SourcePosition

    /// A short name for the kind of value, for error messages.
    var kindName: String {
        switch value {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The text of a scalar the way a condition compares it; nil for arrays, objects and null.
    var scalarText: String? {
        switch value {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }
}
