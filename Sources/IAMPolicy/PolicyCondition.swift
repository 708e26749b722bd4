/// One test of a `Condition` block: an operator applied to one context key and its values.
///
/// A block such as `{"StringEquals": {"a": "x", "b": ["y", "z"]}}` becomes
/// two of these; all of a statement's conditions must hold (AND), while the
/// values of one condition are alternatives (OR, or NOR for negated operators).
public struct PolicyCondition: Sendable {
    public var `operator`: ConditionOperator {
        didSet { compile() }
    }
    /// The context key as written; compared without regard to case.
    public var key: String {
        didSet { compile() }
    }
    /// The policy's values as text (numbers and booleans as written).
    public var values: [String] {
        didSet { compile() }
    }
    /// Where the key is written, for messages.
    public var position: SourcePosition

    /// `key` lowercased, as `ConditionContext` stores keys; kept in step with `key`.
    private(set) var lowercasedKey: String = ""
    /// `values` read for the operator (CIDR blocks, numbers, dates parsed), kept in step with them.
    private(set) var compiled: [ConditionValue] = []
    /// Whether any value has `${...}` to substitute, so the others need no per-request copy.
    private(set) var hasTemplates = false

    public init(operator: ConditionOperator, key: String, values: [String], position: SourcePosition) {
        self.operator = `operator`
        self.key = key
        self.values = values
        self.position = position
        compile()
    }

    private mutating func compile() {
        lowercasedKey = key.lowercased()
        compiled = values.map { ConditionValue($0, base: self.operator.base) }
        hasTemplates = compiled.contains { $0.template != nil }
    }
}
