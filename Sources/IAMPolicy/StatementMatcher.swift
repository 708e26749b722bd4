/// A statement's action, resource and condition tests, compiled once when the statement is made.
///
/// Holds what the evaluator compares with every request: action patterns lowercased,
/// all patterns as byte programs, condition values already parsed. Only policy
/// variables are left to each request, as their values come from its context.
final class StatementMatcher: Sendable {
    /// The `Action`/`NotAction` patterns, lowercased (actions match without case).
    let actions: GlobProgram
    let actionsNegated: Bool
    /// The `Resource`/`NotResource` patterns read as globs; nil for a trust policy, which names no resource.
    let resources: GlobProgram?
    /// Per resource pattern, its `${...}` parts when it has any; empty when none has.
    let resourceTemplates: [PolicyTemplate?]
    let resourcesNegated: Bool
    /// True when `Resource`/`NotResource` lists `*`, read when the request's resource is "any".
    let resourcesExcludeAll: Bool
    let conditions: [PolicyCondition]

    init(actions: ActionElement, resources: ResourceElement?, conditions: [PolicyCondition]) {
        self.actions = GlobProgram(actions.patterns.map(ActionPattern.tokens))
        actionsNegated = actions.isNegated
        self.resources = resources.map { GlobProgram($0.patterns.map(WildcardPattern.tokens(glob:))) }
        let templates = resources?.patterns.map(PolicyTemplate.init) ?? []
        resourceTemplates = templates.contains { $0 != nil } ? templates : []
        resourcesNegated = resources?.isNegated ?? false
        resourcesExcludeAll = resources?.patterns.contains("*") ?? false
        self.conditions = conditions
    }

    /// True when the action, resource and every condition match, cheapest test first.
    func applies(to request: PreparedRequest, variablesEnabled: Bool) -> Bool {
        guard matchesAction(request.actionBytes), matchesResource(request, variablesEnabled: variablesEnabled) else {
            return false
        }
        for index in conditions.indices
        where !conditions[index].isSatisfied(by: request.context, variablesEnabled: variablesEnabled) {
            return false
        }
        return true
    }

    /// Whether the action, lowercased as UTF-8, is covered by `Action` (or left out by `NotAction`).
    func matchesAction(_ loweredAction: ContiguousArray<UInt8>) -> Bool {
        let listed = actions.anyMatches(loweredAction.span, separatorLimit: -1)
        return actionsNegated ? !listed : listed
    }

    /// Whether the resource is covered by `Resource` (or left out by `NotResource`), by IAM's ARN colon rule.
    func matchesResource(_ request: PreparedRequest, variablesEnabled: Bool) -> Bool {
        // A trust policy names no resource: the role it is attached to is the resource.
        guard let resources else { return true }
        if request.request.resourceIsAny {
            // Every pattern names some resource, so `Resource` always covers "any resource";
            // `NotResource` leaves some resource over unless it excludes everything with `*`.
            return resourcesNegated ? !resourcesExcludeAll : true
        }
        let subject = request.resourceBytes.span
        let limit = request.resourceSeparatorLimit
        guard variablesEnabled, !resourceTemplates.isEmpty else {
            let listed = resources.anyMatches(subject, separatorLimit: limit)
            return resourcesNegated ? !listed : listed
        }
        var listed = false
        for index in resourceTemplates.indices {
            if let template = resourceTemplates[index] {
                // A pattern whose variable cannot be resolved matches nothing.
                guard let resolved = template.resolve(in: request.context) else { continue }
                listed = resolved.matches(bytes: subject, separatorLimit: limit)
            } else {
                listed = resources.matches(index, subject, separatorLimit: limit)
            }
            if listed { break }
        }
        return resourcesNegated ? !listed : listed
    }
}
