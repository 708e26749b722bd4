/// The request's condition keys and their values, looked up without regard to case.
///
/// IAM treats `aws:SourceIp` and `AWS:sourceip` as the same key, and any key
/// may carry several values (`aws:TagKeys`), so each name maps to a list.
public struct ConditionContext: Sendable, Equatable {
    private var entries: [String: Entry] = [:]

    private struct Entry: Sendable, Equatable {
        var name: String
        var values: [String]
    }

    public init() {}

    /// Builds a context from names and values; later duplicates (by case-insensitive name) replace earlier ones.
    public init(_ values: [String: [String]]) {
        for (name, list) in values.sorted(by: { $0.key < $1.key }) {
            self[name] = list
        }
    }

    /// The values of `key`, or nil when the request does not carry it.
    public subscript(key: String) -> [String]? {
        get { entries[key.lowercased()]?.values }
        set {
            if let newValue {
                entries[key.lowercased()] = Entry(name: key, values: newValue)
            } else {
                entries[key.lowercased()] = nil
            }
        }
    }

    /// The values of a key already lowercased, so the evaluator's hot path does not lowercase it again.
    func values(lowercasedKey: String) -> [String]? { entries[lowercasedKey]?.values }

    /// Adds one value to `key`, keeping those already there (a key given twice is multi-valued).
    public mutating func append(_ value: String, to key: String) {
        self[key] = (self[key] ?? []) + [value]
    }

    /// The key names as first written, sorted.
    public var keys: [String] { entries.values.map(\.name).sorted() }

    /// Whether the request carries `key`.
    public func contains(_ key: String) -> Bool { entries[key.lowercased()] != nil }

    /// This context with every key of `other` added, `other` winning on conflicts.
    public func merging(_ other: ConditionContext) -> ConditionContext {
        var result = self
        for (lowered, entry) in other.entries {
            result.entries[lowered] = entry
        }
        return result
    }
}
