import CloudEngine
import IAMPolicy

/// The policy simulator: SimulateCustomPolicy over the policies given (`PolicySimulator`, no account needed)
/// and SimulatePrincipalPolicy over a user's or role's own policies, decided by the engine (`IAMService.explain`),
/// so the answer is the one a real call would get. One result per action and resource, paged.
enum IAMSimulationActions {
    static let table: [String: QueryAction] = [
        "SimulateCustomPolicy": simulateCustomPolicy,
        "SimulatePrincipalPolicy": simulatePrincipalPolicy,
    ]

    /// What one result says, whichever simulation made it.
    struct Evaluation {
        var action: String
        var resource: String
        var decision: Decision
        var missingContextValues: [String] = []
    }

    static func simulateCustomPolicy(_ call: QueryCall) throws -> String? {
        try refuseUnsupported(["PermissionsBoundaryPolicyInputList", "OrderedOrganizationPolicyInputList"], call)
        let policies = try call.requiredList("PolicyInputList")
        let actions = try call.requiredList("ActionNames")
        let context = try contextEntries(call).flatMap { key, values in values.map { "\(key)=\($0)" } }
        var evaluations: [Evaluation] = []
        for resource in resources(call) {
            let results = try PolicySimulator.evaluate(
                identityPolicies: policies, resourcePolicy: call.optional("ResourcePolicy"), actions: actions, resourceArn: resource,
                callerArn: call.optional("CallerArn"), contextEntries: context)
            evaluations += results.map {
                Evaluation(action: $0.action, resource: $0.resource, decision: $0.decision, missingContextValues: $0.missingContextValues)
            }
        }
        return try page(evaluations, call)
    }

    static func simulatePrincipalPolicy(_ call: QueryCall) throws -> String? {
        try refuseUnsupported(["PolicyInputList", "PermissionsBoundaryPolicyInputList", "PolicyExclusionList", "ResourcePolicy"], call)
        let principal = try IAMSimulatedPrincipal.caller(forARN: try call.required("PolicySourceArn"), call)
        let actions = try call.requiredList("ActionNames")
        let context = Dictionary(try contextEntries(call), uniquingKeysWith: +)
        var evaluations: [Evaluation] = []
        for resource in resources(call) {
            for action in actions {
                let explanation = try call.account.iam.explain(principal: principal, action: action, resource: resource,
                                                               context: context, resourceIsAny: true, caller: call.caller)
                evaluations.append(Evaluation(action: action, resource: resource, decision: explanation.decision))
            }
        }
        return try page(evaluations, call)
    }

    // MARK: - Parameters

    /// `ResourceArns`, or `*` (any resource) when none are given, as IAM's simulator does.
    static func resources(_ call: QueryCall) -> [String] {
        let given = call.list("ResourceArns")
        return given.isEmpty ? ["*"] : given
    }

    /// `ContextEntries`: each key with its values.
    static func contextEntries(_ call: QueryCall) throws -> [(String, [String])] {
        try call.parameters.memberPrefixes("ContextEntries").map { prefix in
            (try call.required(prefix + ".ContextKeyName"), call.list(prefix + ".ContextKeyValues"))
        }
    }

    /// Inputs the engine's simulator does not take yet: refused, so a simulation never quietly ignores a policy.
    static func refuseUnsupported(_ names: [String], _ call: QueryCall) throws {
        for name in names where !call.list(name).isEmpty || call.optional(name) != nil {
            throw QueryService.unsupported("Overcast's policy simulator does not take \(name) yet; simulate without it.")
        }
    }

    // MARK: - Results

    static func page(_ evaluations: [Evaluation], _ call: QueryCall) throws -> String {
        try call.page("EvaluationResults", evaluations, result)
    }

    static func result(_ evaluation: Evaluation) -> String {
        XMLText.element("EvalActionName", evaluation.action) + XMLText.element("EvalResourceName", evaluation.resource)
            + XMLText.element("EvalDecision", evaluation.decision.outcome.rawValue)
            + XMLText.members("MatchedStatements", evaluation.decision.matchedStatements, statement)
            + XMLText.members("MissingContextValues", evaluation.missingContextValues) { XMLText.escaped($0) }
    }

    /// IAM reports a statement's positions one column to the right of its braces (as `SimulationJSON` does).
    static func statement(_ matched: MatchedStatement) -> String {
        func position(_ name: String, _ at: SourcePosition) -> String {
            XMLText.wrapped(name, XMLText.element("Line", String(at.line)) + XMLText.element("Column", String(at.column + 1)))
        }
        return XMLText.element("SourcePolicyId", matched.policyName)
            + XMLText.element("SourcePolicyType", matched.source == .resource ? "Resource Policy" : "IAM Policy")
            + position("StartPosition", matched.start) + position("EndPosition", matched.end)
    }
}
