/// Words AWS uses when it refuses a request, so users can search for them.
///
/// IAM UG "Troubleshoot access denied error messages": `User: ARN is not
/// authorized to perform: ACTION on resource: RESOURCE because no TYPE allows
/// the ACTION action`, or `... with an explicit deny in a TYPE`, where an
/// explicit deny from an identity-based policy or permissions boundary ends
/// with `: POLICY-ARN` (same-account enhancement, AWS Security Blog 2025).
/// S3 writes the resource in double quotes; other services do not. The caller,
/// action and resource come from the request, so control characters in them
/// are escaped (`JSONString.escapingControlCharacters`) before anyone prints the message.
public enum AccessDeniedMessage {
    /// The message for a denied `request`; nil when `decision` allowed it.
    public static func text(for request: PolicyRequest, decision: Decision) -> String? {
        guard decision.outcome != .allowed else { return nil }
        var message = "User: \(request.caller.arn) is not authorized to perform: \(request.action)"
        if request.resource != "*" {
            let service = request.action.split(separator: ":").first.map { $0.lowercased() }
            let shown = service == "s3" ? "\"\(request.resource)\"" : request.resource
            message += " on resource: \(shown)"
        }
        let category = decision.deniedBy ?? .identityBased
        switch decision.outcome {
        case .explicitDeny:
            message += " with an explicit deny in \(article(category)) \(category.rawValue)"
            if category != .resourceBased,
                let arn = decision.matchedStatements.first(where: { $0.effect == .deny && $0.source.category == category })?.policyArn
            {
                message += ": \(arn)"
            }
        case .implicitDeny:
            message += " because no \(category.rawValue) allows the \(request.action) action"
        case .allowed:
            return nil
        }
        return JSONString.escapingControlCharacters(message)
    }

    private static func article(_ category: PolicyCategory) -> String {
        category == .identityBased ? "an" : "a"
    }
}
