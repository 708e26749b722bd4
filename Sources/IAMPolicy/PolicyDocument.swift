/// A parsed and validated IAM policy document.
///
/// Made by `PolicyDocument(parsing:kind:)`, which refuses anything IAM would
/// refuse, so the evaluator can trust every field it reads.
public struct PolicyDocument: Sendable {
    /// The language version; `nil` when the document has no `Version` (IAM then uses 2008-10-17 rules).
    public var version: PolicyVersion?
    /// The optional `Id` element.
    public var id: String?
    /// The statements in document order.
    public var statements: [PolicyStatement]
    /// The kind the document was validated as.
    public var kind: PolicyKind

    public init(version: PolicyVersion?, id: String?, statements: [PolicyStatement], kind: PolicyKind) {
        self.version = version
        self.id = id
        self.statements = statements
        self.kind = kind
    }

    /// Whether `${...}` is substituted in this document (only with Version 2012-10-17).
    public var supportsPolicyVariables: Bool { version?.supportsPolicyVariables ?? false }
}
