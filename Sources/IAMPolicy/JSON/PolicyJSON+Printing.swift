extension PolicyJSON {
    /// The value as indented JSON, members in the order they were written (as IAM shows documents).
    func prettyPrinted(indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .string(let text): return JSONString.quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.prettyPrinted(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.map { inner + JSONString.quoted($0.key) + ": " + $0.value.prettyPrinted(indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// The member named `key` of an object, if any.
    func member(_ key: String) -> PolicyJSON? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }
}
