import Foundation
import GRDB
import IAMPolicy

/// The account's standard authorizer: IAM policy evaluation on every call.
///
/// For each request it loads, inside the caller's transaction, the policies
/// that apply (a user's own and its groups' inline and managed policies and
/// its permissions boundary; a role session's role's; none for the root),
/// the resource's policy when it has one, builds the condition context and asks
/// `PolicyEvaluator`. Documents are parsed once and cached by their text, so a
/// decision reads rows but never parses JSON twice.
///
/// The root is allowed unless a resource policy denies it; an AWS service
/// (`.service`) is judged by resource policies alone.
public struct IAMAuthorizer: Authorizer {
    /// The resource policies the engine knows, by the service prefix of the action.
    ///
    /// Add a service's provider here (e.g. `"lambda": FunctionPolicyProvider()`)
    /// so that its resource policies take part in every decision.
    public static let standardResourcePolicies: [String: any ResourcePolicyProvider] = [
        "s3": BucketPolicyProvider(),
        "sts": RoleTrustPolicyProvider(),
        "lambda": FunctionPolicyProvider(),
    ]

    let clock: any EngineClock
    let cache: PolicyDocumentCache
    let resourcePolicies: [String: any ResourcePolicyProvider]

    public init(clock: any EngineClock = SystemClock(), cache: PolicyDocumentCache = .shared,
                resourcePolicies: [String: any ResourcePolicyProvider] = IAMAuthorizer.standardResourcePolicies) {
        self.clock = clock
        self.cache = cache
        self.resourcePolicies = resourcePolicies
    }

    // MARK: - Authorizer

    public func authorize(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws {
        let evaluation = try evaluate(request, account: account, db: db)
        guard evaluation.decision.isAllowed else { throw Self.accessDenied(evaluation) }
    }

    public func verdict(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws -> AuthorizationVerdict {
        let evaluation = try evaluate(request, account: account, db: db)
        return AuthorizationVerdict(decision: evaluation.decision,
                                    denial: evaluation.decision.isAllowed ? nil : Self.accessDenied(evaluation))
    }

    /// The decision for `request`, without throwing when it is a deny.
    public func decide(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws -> Decision {
        try evaluate(request, account: account, db: db).decision
    }

    /// The decision with what led to it, for the console to show why a call was refused.
    public func explain(_ request: AuthorizationRequest, account: AccountInfo, db: Database,
                        resourceIsAny: Bool = false) throws -> AuthorizationExplanation {
        let evaluation = try evaluate(request, account: account, db: db, resourceIsAny: resourceIsAny)
        return AuthorizationExplanation(
            request: request, principalARN: evaluation.policyRequest.caller.arn, decision: evaluation.decision,
            message: AccessDeniedMessage.text(for: evaluation.policyRequest, decision: evaluation.decision),
            policies: evaluation.policies.map {
                EvaluatedPolicy(name: $0.name, arn: $0.arn, source: $0.source, text: $0.text, kind: $0.document.kind)
            },
            context: evaluation.policyRequest.context)
    }

    // MARK: - Evaluation

    /// Everything a decision was made from.
    struct Evaluation {
        var policyRequest: PolicyRequest
        var policies: [ApplicablePolicy]
        var decision: Decision
    }

    func evaluate(_ request: AuthorizationRequest, account: AccountInfo, db: Database,
                  resourceIsAny: Bool = false) throws -> Evaluation {
        let loader = PrincipalPolicyLoader(accountID: account.accountID, cache: cache)
        let principal = try loader.load(request.caller, db: db)
        var policies = principal.policies
        if let resourcePolicy = try resourcePolicy(for: request, account: account, db: db) {
            policies.append(resourcePolicy)
        }
        var context = ConditionContext.globalKeys(
            for: principal.caller, now: clock.now(), sourceIp: request.caller.sourceIP,
            secureTransport: request.caller.sourceIP == nil ? nil : request.caller.secureTransport,
            requestedRegion: account.region)
        if !request.context.isEmpty {
            context = context.merging(ConditionContext(request.context))
        }
        let policyRequest = PolicyRequest(
            caller: principal.caller, action: request.action, resource: request.resource, context: context,
            resourceIsAny: resourceIsAny)
        return Evaluation(policyRequest: policyRequest, policies: policies,
                          decision: PolicyEvaluator.evaluate(request: policyRequest, policies: policies))
    }

    /// The resource's policy, parsed; nil when the resource has none (or its stored text no longer parses).
    private func resourcePolicy(for request: AuthorizationRequest, account: AccountInfo, db: Database) throws -> ApplicablePolicy? {
        guard let colon = request.action.firstIndex(of: ":"),
              let provider = resourcePolicies[request.action[..<colon].lowercased()],
              let found = try provider.resourcePolicy(action: request.action, resource: request.resource, account: account, db: db),
              let document = try? cache.document(for: found.text, kind: found.kind)
        else { return nil }
        return ApplicablePolicy(name: found.name, source: .resource, document: document, text: found.text)
    }

    static func accessDenied(_ evaluation: Evaluation) -> EngineError {
        let request = evaluation.policyRequest
        // S3 tells an anonymous caller no more than this.
        if request.caller.kind == .anonymous {
            return EngineError(code: "AccessDenied", httpStatus: 403, message: "Access Denied", resource: request.resource)
        }
        let message = AccessDeniedMessage.text(for: request, decision: evaluation.decision)
            ?? "User: \(request.caller.arn) is not authorized to perform: \(request.action) on resource: \(request.resource)"
        return EngineError(code: "AccessDenied", httpStatus: 403, message: message, resource: request.resource)
    }
}
