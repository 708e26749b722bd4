import Foundation
import Testing
@testable import CloudEngine
@testable import IAMPolicy

/// One row of the evaluation table: a request, the policies in force, the outcome AWS documents.
struct EvaluationCase: Sendable, CustomTestStringConvertible {
    /// The AWS documentation rule the row checks, e.g. "IAM UG: policy evaluation logic — explicit deny overrides allow".
    var rule: String
    var expected: Decision.Outcome
    var caller: PolicyCaller = Fixture.alice
    /// Identity policies, attached in turn as user inline, group inline, customer managed, AWS managed, role inline.
    var identity: [String] = []
    var resourcePolicy: String?
    var trustPolicy: String?
    var boundary: String?
    var action = "s3:GetObject"
    var resource = "arn:aws:s3:::b/k"
    /// Keys added to the caller's global keys (a value here replaces the global one).
    var context: [String: [String]] = [:]

    var testDescription: String { rule }

    init(
        _ rule: String, _ expected: Decision.Outcome, caller: PolicyCaller = Fixture.alice, identity: [String] = [],
        resourcePolicy: String? = nil, trustPolicy: String? = nil, boundary: String? = nil,
        action: String = "s3:GetObject", resource: String = "arn:aws:s3:::b/k", context: [String: [String]] = [:]
    ) {
        self.rule = rule
        self.expected = expected
        self.caller = caller
        self.identity = identity
        self.resourcePolicy = resourcePolicy
        self.trustPolicy = trustPolicy
        self.boundary = boundary
        self.action = action
        self.resource = resource
        self.context = context
    }

    /// Parses every policy (a parse failure is a broken fixture) and evaluates the request.
    func evaluate() throws -> Decision {
        let sources: [ApplicablePolicy.Source] = [.user, .group, .customerManaged, .awsManaged, .role]
        var policies: [ApplicablePolicy] = []
        for (offset, text) in identity.enumerated() {
            let document = try PolicyDocument(parsing: text, kind: .identity)
            policies.append(ApplicablePolicy(name: "identity-\(offset + 1)", source: sources[offset % sources.count], document: document))
        }
        if let resourcePolicy {
            let document = try PolicyDocument(parsing: resourcePolicy, kind: .resource)
            policies.append(ApplicablePolicy(name: "resource", source: .resource, document: document))
        }
        if let trustPolicy {
            let document = try PolicyDocument(parsing: trustPolicy, kind: .trust)
            policies.append(ApplicablePolicy(name: "trust", source: .resource, document: document))
        }
        if let boundary {
            let document = try PolicyDocument(parsing: boundary, kind: .identity)
            policies.append(ApplicablePolicy(name: "boundary", source: .permissionsBoundary, document: document))
        }
        let context = ConditionContext.globalKeys(for: caller, now: Fixture.now).merging(ConditionContext(self.context))
        let request = PolicyRequest(caller: caller, action: action, resource: resource, context: context)
        return PolicyEvaluator.evaluate(request: request, policies: policies)
    }
}

@Suite("Policy evaluation table")
struct PolicyEvaluationTableTests {
    static let allCases = EvaluationCases.logic + EvaluationCases.actions + EvaluationCases.resources
        + EvaluationCases.principals + EvaluationCases.rootBoundaryTrust + EvaluationCases.variables
        + EvaluationCases.stringConditions + EvaluationCases.typedConditions + EvaluationCases.setConditions

    @Test("The table has at least 150 cases, each naming its rule")
    func tableIsLargeEnough() {
        #expect(Self.allCases.count >= 150)
        #expect(Self.allCases.allSatisfy { $0.rule.contains(":") && $0.rule.contains("—") })
    }

    @Test(arguments: allCases)
    func evaluates(_ row: EvaluationCase) throws {
        let decision = try row.evaluate()
        #expect(decision.outcome == row.expected, "\(row.rule)")
        switch decision.outcome {
        case .allowed where row.caller.kind != .root:
            #expect(!decision.matchedStatements.isEmpty, "an allow names the statements that granted it")
        case .explicitDeny:
            #expect(decision.matchedStatements.allSatisfy { $0.effect == .deny })
            #expect(!decision.matchedStatements.isEmpty)
        case .implicitDeny:
            #expect(decision.matchedStatements.isEmpty)
        default:
            break
        }
    }
}
