/// Whether a statement applies to a request (leaving the principal to the caller).
extension PolicyStatement {
    /// True when the action, resource and every condition match.
    func applies(to request: PolicyRequest, variablesEnabled: Bool) -> Bool {
        matcher.applies(to: PreparedRequest(request), variablesEnabled: variablesEnabled)
    }

    func matchesAction(_ action: String) -> Bool {
        matcher.matchesAction(ActionPattern.lowercasedBytes(action))
    }
}
