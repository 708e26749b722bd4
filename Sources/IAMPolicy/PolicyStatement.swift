/// One statement of a policy: an effect on actions and resources, for principals, under conditions.
public struct PolicyStatement: Sendable {
    /// The `Sid`, if any.
    public var sid: String?
    /// The statement's position in the `Statement` list, from 0.
    public var index: Int
    public var effect: PolicyEffect
    /// `Principal` or `NotPrincipal`; nil in identity policies.
    public var principal: PrincipalElement?
    /// `Action` or `NotAction`.
    public var actions: ActionElement {
        didSet { recompile() }
    }
    /// `Resource` or `NotResource`; nil only in trust policies, which name no resource.
    public var resources: ResourceElement? {
        didSet { recompile() }
    }
    /// The condition block, one entry per operator-and-key pair; empty when there is none.
    public var conditions: [PolicyCondition] {
        didSet { recompile() }
    }
    /// Where the statement's `{` is in the source text.
    public var start: SourcePosition
    /// Where the statement's `}` is in the source text.
    public var end: SourcePosition
    /// `actions`, `resources` and `conditions` compiled for the evaluator, kept in step with them.
    ///
    /// One shared reference rather than more fields, so the evaluator reads a statement's
    /// tests without copying (and retaining) the statement's strings and arrays.
    private(set) var matcher: StatementMatcher

    public init(
        sid: String?, index: Int, effect: PolicyEffect, principal: PrincipalElement?, actions: ActionElement,
        resources: ResourceElement?, conditions: [PolicyCondition], start: SourcePosition, end: SourcePosition
    ) {
        self.sid = sid
        self.index = index
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.resources = resources
        self.conditions = conditions
        self.start = start
        self.end = end
        matcher = StatementMatcher(actions: actions, resources: resources, conditions: conditions)
    }

    private mutating func recompile() {
        matcher = StatementMatcher(actions: actions, resources: resources, conditions: conditions)
    }
}

/// The `Action` or `NotAction` element: patterns like `s3:Get*`, matched without regard to case.
public struct ActionElement: Sendable {
    /// True for `NotAction`: the statement applies to every action except these.
    public var isNegated: Bool
    public var patterns: [String]

    public init(isNegated: Bool, patterns: [String]) {
        self.isNegated = isNegated
        self.patterns = patterns
    }
}

/// The `Resource` or `NotResource` element: ARN patterns, matched with case.
public struct ResourceElement: Sendable {
    /// True for `NotResource`: the statement applies to every resource except these.
    public var isNegated: Bool
    public var patterns: [String]

    public init(isNegated: Bool, patterns: [String]) {
        self.isNegated = isNegated
        self.patterns = patterns
    }
}
