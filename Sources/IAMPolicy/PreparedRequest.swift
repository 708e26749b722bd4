/// A request with the text work every statement would repeat done once, at the top of `evaluate`.
///
/// The evaluator compares one request with every statement of every policy; lowercasing
/// the action and finding the resource's ARN colons there, rather than per pattern,
/// keeps a decision to byte comparisons.
struct PreparedRequest {
    let request: PolicyRequest
    /// The action lowercased, as UTF-8 (actions match without case).
    let actionBytes: ContiguousArray<UInt8>
    /// The resource ARN as UTF-8.
    let resourceBytes: ContiguousArray<UInt8>
    /// The offset of the resource's fifth colon (or `Int.max`): colons up to it separate ARN segments.
    let resourceSeparatorLimit: Int

    init(_ request: PolicyRequest) {
        self.request = request
        actionBytes = ActionPattern.lowercasedBytes(request.action)
        let resource = ContiguousArray(request.resource.utf8)
        resourceBytes = resource
        resourceSeparatorLimit = GlobProgram.resourceSeparatorLimit(resource.span)
    }

    var context: ConditionContext { request.context }
}
