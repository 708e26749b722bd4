/// Runs IAM's SimulateCustomPolicy over policy texts, without an account.
///
/// Pure, so `overcast iam simulate` and its tests need no database: give it
/// policy texts and a request, get back the JSON IAM would return.
public enum PolicySimulator {
    /// The outcome for one action.
    public struct Result: Sendable, Equatable {
        public var action: String
        public var resource: String
        public var decision: Decision
        /// Context keys the applicable statements refer to that the simulation was not given.
        public var missingContextValues: [String]
    }

    /// Simulates every action in `actions` on `resourceArn` and returns SimulateCustomPolicy's result as JSON.
    ///
    /// - Parameters:
    ///   - identityPolicies: identity-based policy texts, reported as `PolicyInputList.1`, `.2`, ...
    ///   - resourcePolicy: an optional resource-based policy text, reported as `ResourcePolicy`; a role's
    ///     trust policy is taken too, and is what `sts:AssumeRole` is decided by.
    ///   - resourceArn: `*`, the default, stands for any resource, as in IAM's policy simulator.
    ///   - callerArn: the simulated caller: a user's, a role's or a role session's ARN (see `SimulatedCaller`);
    ///     required with a resource policy, as in IAM. Its global keys (`aws:PrincipalArn`, ...) join the context.
    ///   - contextEntries: `KEY=VALUE` strings; a key given twice gets both values.
    public static func simulate(
        identityPolicies: [String], resourcePolicy: String? = nil, actions: [String], resourceArn: String = "*",
        callerArn: String? = nil, contextEntries: [String] = []
    ) throws(PolicySimulationError) -> String {
        let results = try evaluate(
            identityPolicies: identityPolicies, resourcePolicy: resourcePolicy, actions: actions,
            resourceArn: resourceArn, callerArn: callerArn, contextEntries: contextEntries)
        return SimulationJSON.render(results)
    }

    /// The same simulation as structured values.
    public static func evaluate(
        identityPolicies: [String], resourcePolicy: String? = nil, actions: [String], resourceArn: String = "*",
        callerArn: String? = nil, contextEntries: [String] = []
    ) throws(PolicySimulationError) -> [Result] {
        // Parameters first, as IAM validates them: an over-long text is refused before any is parsed.
        for (offset, text) in identityPolicies.enumerated() {
            try requireAPILength(text, input: "PolicyInputList.\(offset + 1)", member: "policyInputList.\(offset + 1).member")
        }
        if let resourcePolicy {
            try requireAPILength(resourcePolicy, input: "ResourcePolicy", member: "resourcePolicy")
        }
        guard !actions.isEmpty else {
            throw PolicySimulationError(message: "Name at least one action to simulate, such as s3:GetObject")
        }
        for action in actions where action == "*" || !ActionPattern.isWellFormed(action) {
            throw PolicySimulationError(message: "Action \(JSONString.quoted(action)) must be of the form service:action, such as s3:GetObject")
        }
        var policies: [ApplicablePolicy] = []
        for (offset, text) in identityPolicies.enumerated() {
            let name = "PolicyInputList.\(offset + 1)"
            do {
                let document = try PolicyDocument(parsing: text, kind: .identity)
                policies.append(ApplicablePolicy(name: name, source: .user, document: document))
            } catch {
                throw .malformed(name, error)
            }
        }
        if let resourcePolicy {
            guard callerArn != nil else {
                throw PolicySimulationError(
                    message: "CallerArn is required if you include a ResourcePolicy, so that the policy's Principal element has a value to use; give the ARN of an IAM user, a role or a role session")
            }
            do {
                let document = try PolicyDocument(parsing: resourcePolicy, kind: .resource)
                policies.append(ApplicablePolicy(name: "ResourcePolicy", source: .resource, document: document))
            } catch {
                // A role's trust policy names no resource, so it fails as a resource policy; take it as what it is.
                guard let trust = try? PolicyDocument(parsing: resourcePolicy, kind: .trust) else {
                    throw .malformed("ResourcePolicy", error)
                }
                policies.append(ApplicablePolicy(name: "ResourcePolicy", source: .resource, document: trust))
            }
        }
        let caller = try simulatedCaller(callerArn)
        // The caller's own keys first, so a KEY=VALUE given for one of them (aws:userid, say) wins.
        let given = try parseContext(contextEntries)
        let context = callerArn == nil ? given : SimulatedCaller.principalKeys(caller).merging(given)
        return actions.map { action in
            let request = PolicyRequest(
                caller: caller, action: action, resource: resourceArn, context: context, resourceIsAny: resourceArn == "*")
            let inForce = isAssumeRole(action) ? asTrustPolicies(policies) : policies
            return Result(
                action: action, resource: resourceArn,
                decision: PolicyEvaluator.evaluate(request: request, policies: inForce),
                missingContextValues: missingKeys(request: request, policies: inForce))
        }
    }

    /// Whether `action` is `sts:AssumeRole`, whose resource policy is the role's trust policy.
    static func isAssumeRole(_ action: String) -> Bool {
        action.lowercased() == "sts:assumerole"
    }

    /// The policies for simulating `sts:AssumeRole`: the resource policy read as the role's trust policy.
    ///
    /// IAM UG ("Granting a user permissions to switch roles"): the role's trust policy must allow the
    /// caller even within the account, so an identity-policy Allow alone is an implicit deny. Without
    /// a resource policy the role trusts no one here, so an empty trust policy stands in for it.
    static func asTrustPolicies(_ policies: [ApplicablePolicy]) -> [ApplicablePolicy] {
        var trusted = policies.filter { $0.source != .resource }
        var trust = policies.first { $0.source == .resource }
            ?? ApplicablePolicy(
                name: "ResourcePolicy", source: .resource,
                document: PolicyDocument(version: nil, id: nil, statements: [], kind: .trust))
        trust.document.kind = .trust
        trusted.append(trust)
        return trusted
    }

    /// Refuses a policy text longer than the API takes (ValidationError), without reading it further.
    static func requireAPILength(_ text: String, input: String, member: String) throws(PolicySimulationError) {
        do {
            try PolicySizeLimit.apiMaximum(member: member).check(text)
        } catch {
            throw PolicySimulationError(code: error.code, message: "\(input) is too long: \(error.message)")
        }
    }

    /// Who a simulation runs as. Without a caller, identity policies still apply to "whoever holds
    /// them", so a placeholder user stands in (no resource policy can name it).
    static func simulatedCaller(_ arn: String?) throws(PolicySimulationError) -> PolicyCaller {
        guard let arn else {
            return PolicyCaller(kind: .user, arn: "arn:aws:iam::000000000000:user/simulated-caller", accountId: "000000000000")
        }
        return try SimulatedCaller.parse(arn)
    }

    /// Reads `KEY=VALUE` entries; a key given twice is multi-valued.
    static func parseContext(_ entries: [String]) throws(PolicySimulationError) -> ConditionContext {
        var context = ConditionContext()
        for entry in entries {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw PolicySimulationError(
                    message: "Context entry \(JSONString.quoted(entry)) must be KEY=VALUE, such as aws:SourceIp=203.0.113.7")
            }
            context.append(String(entry[entry.index(after: equals)...]), to: String(entry[..<equals]))
        }
        return context
    }

    /// Keys that statements matching the action and resource test but the context lacks.
    static func missingKeys(request: PolicyRequest, policies: [ApplicablePolicy]) -> [String] {
        var missing: [String] = []
        var seen: Set<String> = []
        for policy in policies {
            for statement in policy.document.statements {
                if policy.source == .resource, statement.principal?.match(request.caller) == nil { continue }
                guard statement.matchesAction(request.action) else { continue }
                var keys = statement.conditions.flatMap { condition in
                    [condition.key] + condition.values.flatMap(PolicyVariables.referencedKeys(in:))
                }
                keys += (statement.resources?.patterns ?? []).flatMap(PolicyVariables.referencedKeys(in:))
                for key in keys where !request.context.contains(key) && seen.insert(key.lowercased()).inserted {
                    missing.append(key)
                }
            }
        }
        return missing
    }
}
