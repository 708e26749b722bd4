import IAMPolicy

/// Why a request was allowed or denied: the decision, the policies weighed and AWS's message.
public struct AuthorizationExplanation: Sendable {
    public var request: AuthorizationRequest
    /// The principal as the evaluator saw it (`arn:aws:sts::…:assumed-role/ROLE/SESSION` for a session).
    public var principalARN: String
    public var decision: Decision
    /// The AccessDenied message AWS would give; nil when allowed.
    public var message: String?
    /// Every policy that took part, in the order they were considered.
    public var policies: [EvaluatedPolicy]
    /// The condition keys the request carried, global keys included.
    public var context: ConditionContext
}

/// A policy that took part in a decision.
public struct EvaluatedPolicy: Sendable, Equatable {
    public var name: String
    public var arn: String?
    public var source: ApplicablePolicy.Source
    /// The policy's text as stored, so a deciding statement can be shown in place: a `MatchedStatement`'s
    /// `start` and `end` point into it. Nil only for a policy whose text the engine did not keep.
    public var text: String?
    /// What the text was validated as (a trust policy, a resource policy, an identity policy).
    public var kind: PolicyKind

    public init(name: String, arn: String?, source: ApplicablePolicy.Source, text: String? = nil, kind: PolicyKind = .identity) {
        self.name = name
        self.arn = arn
        self.source = source
        self.text = text
        self.kind = kind
    }

    /// Whether `statement` belongs to this policy.
    public func contains(_ statement: MatchedStatement) -> Bool {
        statement.policyName == name && statement.policyArn == arn && statement.source == source
    }
}
