/// One question for the evaluator: may this caller do this action on this resource, in this context?
public struct PolicyRequest: Sendable, Equatable {
    public var caller: PolicyCaller
    /// The action, such as `s3:GetObject`.
    public var action: String
    /// The resource ARN, or `*` for actions that name no resource.
    public var resource: String
    /// The condition keys of the request: global keys (see `ConditionContext.globalKeys`) plus the service's own.
    public var context: ConditionContext
    /// True when `resource` is `*` standing for "any resource", as in IAM's policy simulator run
    /// without a resource: a statement naming specific resources then applies, since some resource
    /// it names is among "any". The engine never sets it: a real request names its real resource.
    public var resourceIsAny: Bool

    public init(
        caller: PolicyCaller, action: String, resource: String, context: ConditionContext = ConditionContext(),
        resourceIsAny: Bool = false
    ) {
        self.caller = caller
        self.action = action
        self.resource = resource
        self.context = context
        self.resourceIsAny = resourceIsAny
    }
}
