/// Decides whether a request within one account is allowed, as AWS does.
///
/// Follows IAM UG "Policy evaluation for requests within a single account":
/// an explicit Deny in any applicable policy wins; otherwise an Allow from
/// an identity-based policy (capped by a permissions boundary, if any) or
/// from a resource-based policy that names the caller allows; otherwise the
/// request is implicitly denied. The account root user is allowed unless a
/// resource-based policy denies it.
///
/// Decisions this type makes that are easy to undo by accident:
/// - A resource policy that names the caller's *account* (`123456789012` or
///   `arn:aws:iam::123456789012:root`) does not by itself allow a user or role
///   of that account: it delegates to the account, so an identity policy must
///   also allow. A Deny naming the account applies to every principal in it.
/// - A role's trust policy must allow `sts:AssumeRole` even within the account;
///   an identity policy alone is not enough (the IAM-role exception to the
///   "either policy may allow" rule).
/// - A resource policy Allow naming a user ARN or a session ARN is not capped by
///   a permissions boundary; one naming the role ARN (or everyone) is.
/// - `sts:GetCallerIdentity` is allowed whatever the policies say, even an explicit Deny.
public enum PolicyEvaluator {
    /// Evaluates `request` against every policy that applies to it.
    ///
    /// - Parameter policies: the caller's identity policies (user, groups, role; inline and
    ///   managed), its permissions boundary if any, and the resource's policy or the role's
    ///   trust policy if any. Policies of the wrong kind for the caller are ignored (the root
    ///   user has no identity policies).
    public static func evaluate(request: PolicyRequest, policies: [ApplicablePolicy]) -> Decision {
        // STS API reference, GetCallerIdentity: "No permissions are required", and an explicit
        // Deny of sts:GetCallerIdentity does not stop it, so no policy is read at all.
        let prepared = PreparedRequest(request)
        if prepared.actionBytes.elementsEqual("sts:getcalleridentity".utf8) {
            return Decision(outcome: .allowed)
        }
        let caller = request.caller
        let resourceMatches = matches(in: policies, where: { $0 == .resource }, request: prepared)
        if caller.kind == .root {
            let denies = resourceMatches.filter { $0.statement.effect == .deny }
            if !denies.isEmpty {
                return Decision(outcome: .explicitDeny, matchedStatements: denies.map(\.matched), deniedBy: .resourceBased)
            }
            return Decision(outcome: .allowed)
        }
        let identityMatches = matches(in: policies, where: { $0.category == .identityBased }, request: prepared)
        let boundaryMatches = matches(in: policies, where: { $0 == .permissionsBoundary }, request: prepared)

        // 1. Explicit deny anywhere.
        for (category, found) in [
            (PolicyCategory.identityBased, identityMatches), (.permissionsBoundary, boundaryMatches),
            (.resourceBased, resourceMatches),
        ] {
            let denies = found.filter { $0.statement.effect == .deny }
            if !denies.isEmpty {
                let allDenies = (identityMatches + boundaryMatches + resourceMatches).filter { $0.statement.effect == .deny }
                return Decision(outcome: .explicitDeny, matchedStatements: allDenies.map(\.matched), deniedBy: category)
            }
        }

        // 2. Allows.
        let identityAllows = identityMatches.filter { $0.statement.effect == .allow }
        let resourceAllows = resourceMatches.filter { $0.statement.effect == .allow }
        let hasBoundary = policies.contains { $0.source == .permissionsBoundary }
        let boundaryAllows = boundaryMatches.filter { $0.statement.effect == .allow }
        let withinBoundary = !hasBoundary || !boundaryAllows.isEmpty
        let identityGrants = !identityAllows.isEmpty && withinBoundary

        let isTrust = policies.contains { $0.source == .resource && $0.document.kind == .trust }
        var granting: [Match] = []
        for allow in resourceAllows {
            switch allow.principal {
            case .exact?, .service?:
                granting.append(allow)
            case .roleOfSession?, .everyone?:
                if withinBoundary { granting.append(allow) }
            case .account?:
                // Delegation: counts only together with an identity-based allow.
                if identityGrants { granting.append(allow) }
            case nil:
                break
            }
        }
        if !granting.isEmpty {
            let identityPart = identityGrants ? identityAllows + (hasBoundary ? boundaryAllows : []) : []
            return Decision(outcome: .allowed, matchedStatements: (identityPart + granting).map(\.matched))
        }
        if identityGrants && !isTrust {
            return Decision(outcome: .allowed, matchedStatements: (identityAllows + boundaryAllows).map(\.matched))
        }

        // 3. Implicit deny: name the policy type whose Allow is missing.
        let missing: PolicyCategory
        if isTrust && identityGrants {
            missing = .resourceBased
        } else if !identityAllows.isEmpty && !withinBoundary {
            missing = .permissionsBoundary
        } else if caller.kind == .service || caller.kind == .anonymous || isTrust {
            missing = .resourceBased
        } else {
            missing = .identityBased
        }
        return Decision(outcome: .implicitDeny, deniedBy: missing)
    }

    /// A statement that applies to the request, with how its principal covered the caller.
    private struct Match {
        var matched: MatchedStatement
        var statement: PolicyStatement
        /// Nil for identity policies and boundaries, which have no principal.
        var principal: PrincipalElement.Match?
    }

    /// The statements of the policies from `source`s that apply to the request.
    ///
    /// Takes the whole list and a test on the source rather than a filtered copy,
    /// so a decision does not copy its policies three times.
    private static func matches(
        in policies: [ApplicablePolicy], where source: (ApplicablePolicy.Source) -> Bool, request: PreparedRequest
    ) -> [Match] {
        var found: [Match] = []
        for policy in policies where source(policy.source) {
            let variables = policy.document.supportsPolicyVariables
            let statements = policy.document.statements
            for index in statements.indices {
                var principal: PrincipalElement.Match?
                if policy.source == .resource {
                    guard let element = statements[index].principal, let covered = element.match(request.request.caller)
                    else { continue }
                    principal = covered
                }
                // Only the shared matcher is read here, not the whole statement (see `PolicyStatement.matcher`).
                guard statements[index].matcher.applies(to: request, variablesEnabled: variables) else { continue }
                let statement = statements[index]
                found.append(Match(matched: MatchedStatement(policy: policy, statement: statement), statement: statement, principal: principal))
            }
        }
        return found
    }
}
