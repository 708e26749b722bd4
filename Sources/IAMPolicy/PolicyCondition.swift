/// One test of a `Condition` block: an operator applied to one context key and its values.
///
/// A block such as `{"StringEquals": {"a": "x", "b": ["y", "z"]}}` becomes
/// two of these; all of a statement's conditions must hold (AND), while the
/// values of one condition are alternatives (OR, or NOR for negated operators).
public struct PolicyCondition: Sendable {
    public var `operator`: ConditionOperator
    /// The context key as written; compared without regard to case.
    public var key: String
    /// The policy's values as text (numbers and booleans as written).
    public var values: [String]
    /// Where the key is written, for messages.
    public var position: SourcePosition

    public init(operator: ConditionOperator, key: String, values: [String], position: SourcePosition) {
        self.operator = `operator`
        self.key = key
        self.values = values
        self.position = position
    }
}
