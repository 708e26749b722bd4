/// One question for the evaluator: may this caller do this action on this resource, in this context?
public struct PolicyRequest: Sendable, Equatable {
    public var caller: PolicyCaller
    /// The action, such as `s3:GetObject`.
    public var action: String
    /// The resource ARN, or `*` for actions that name no resource.
    public var resource: String
    /// The condition keys of the request: global keys (see `ConditionContext.globalKeys`) plus the service's own.
    public var context: ConditionContext

    public init(caller: PolicyCaller, action: String, resource: String, context: ConditionContext = ConditionContext()) {
        self.caller = caller
        self.action = action
        self.resource = resource
        self.context = context
    }
}
