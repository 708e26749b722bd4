/// The evaluator's answer to an `PolicyRequest`, with the statements that decided it.
public struct Decision: Sendable, Equatable {
    /// IAM's three outcomes; the raw values are the simulator's `EvalDecision`.
    public enum Outcome: String, Sendable, Hashable {
        case allowed
        case explicitDeny
        case implicitDeny
    }

    public var outcome: Outcome
    /// For `allowed`, the Allow statements that granted; for `explicitDeny`, the Deny
    /// statements that matched; for `implicitDeny`, empty (nothing matched).
    public var matchedStatements: [MatchedStatement]
    /// The policy type an AccessDenied message names: the one that denied, or the one
    /// whose missing Allow caused the implicit deny. Nil when allowed.
    public var deniedBy: PolicyCategory?

    public init(outcome: Outcome, matchedStatements: [MatchedStatement] = [], deniedBy: PolicyCategory? = nil) {
        self.outcome = outcome
        self.matchedStatements = matchedStatements
        self.deniedBy = deniedBy
    }

    public var isAllowed: Bool { outcome == .allowed }
}

/// One statement that took part in a decision, named so a person can find it.
public struct MatchedStatement: Sendable, Equatable {
    /// The policy's name (or simulation id such as `PolicyInputList.1`).
    public var policyName: String
    /// The managed policy's ARN, when it has one.
    public var policyArn: String?
    public var source: ApplicablePolicy.Source
    public var sid: String?
    /// The statement's index in its policy, from 0.
    public var index: Int
    public var effect: PolicyEffect
    public var start: SourcePosition
    public var end: SourcePosition

    public init(policy: ApplicablePolicy, statement: PolicyStatement) {
        policyName = policy.name
        policyArn = policy.arn
        source = policy.source
        sid = statement.sid
        index = statement.index
        effect = statement.effect
        start = statement.start
        end = statement.end
    }

    /// `Sid` when the statement has one, else its position: "statement 2" (counted from 1).
    public var statementLabel: String {
        if let sid, !sid.isEmpty { return sid }
        return "statement \(index + 1)"
    }
}
