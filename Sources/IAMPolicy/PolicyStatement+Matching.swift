/// Whether a statement applies to a request (leaving the principal to the caller).
extension PolicyStatement {
    /// True when the action, resource and every condition match.
    func applies(to request: PolicyRequest, variablesEnabled: Bool) -> Bool {
        matchesAction(request.action) && matchesResource(request, variablesEnabled: variablesEnabled)
            && conditions.allSatisfy { $0.isSatisfied(by: request.context, variablesEnabled: variablesEnabled) }
    }

    func matchesAction(_ action: String) -> Bool {
        let listed = actions.patterns.contains { ActionPattern.matches($0, action: action) }
        return actions.isNegated ? !listed : listed
    }

    func matchesResource(_ request: PolicyRequest, variablesEnabled: Bool) -> Bool {
        // A trust policy names no resource: the role it is attached to is the resource.
        guard let resources else { return true }
        let listed = resources.patterns.contains { text in
            guard let pattern = PolicyVariables.pattern(for: text, context: request.context, enabled: variablesEnabled)
            else { return false }
            return pattern.matches(request.resource, colonSensitive: true)
        }
        return resources.isNegated ? !listed : listed
    }
}
