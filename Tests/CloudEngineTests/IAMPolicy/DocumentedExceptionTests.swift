import Foundation
import Testing
@testable import CloudEngine
@testable import IAMPolicy

/// AWS rules that overrule the ordinary evaluation order (issue 10, section 6), in the evaluator and the simulator.
@Suite("Policy evaluation: documented exceptions")
struct DocumentedExceptionTests {
    typealias F = Fixture

    static let denyAll = F.deny("*")
    static let denyCallerIdentity = F.deny("sts:GetCallerIdentity")
    static let allowAssumeRole = F.allow("sts:AssumeRole", on: [F.roleArn])
    static let trustAlice = F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"AWS":"\#(F.aliceArn)"}"#))

    // MARK: - sts:GetCallerIdentity

    @Test("sts:GetCallerIdentity is allowed under an explicit Deny, whatever the case of the action",
          arguments: ["sts:GetCallerIdentity", "STS:getcalleridentity"])
    func callerIdentityIgnoresDeny(_ action: String) throws {
        let deny = try PolicyDocument(parsing: Self.denyCallerIdentity, kind: .identity)
        let request = PolicyRequest(caller: F.alice, action: action, resource: "*")
        let decision = PolicyEvaluator.evaluate(
            request: request, policies: [ApplicablePolicy(name: "deny", source: .user, document: deny)])
        #expect(decision.outcome == .allowed)
        #expect(AccessDeniedMessage.text(for: request, decision: decision) == nil)
    }

    @Test("the simulator allows sts:GetCallerIdentity with no policy and under a Deny of everything")
    func simulatedCallerIdentity() throws {
        let none = try PolicySimulator.evaluate(identityPolicies: [], actions: ["sts:GetCallerIdentity"])
        let denied = try PolicySimulator.evaluate(
            identityPolicies: [Self.denyAll, Self.denyCallerIdentity], actions: ["sts:GetCallerIdentity", "sts:GetSessionToken"])
        #expect(none.map(\.decision.outcome) == [.allowed])
        #expect(denied.map(\.decision.outcome) == [.allowed, .explicitDeny])
    }

    // MARK: - sts:AssumeRole in the simulator

    @Test("simulating sts:AssumeRole with only an identity Allow is an implicit deny: the trust policy must allow")
    func assumeRoleNeedsTrust() throws {
        let results = try PolicySimulator.evaluate(
            identityPolicies: [Self.allowAssumeRole], actions: ["sts:AssumeRole"], resourceArn: F.roleArn)
        let decision = try #require(results.first?.decision)
        #expect(decision.outcome == .implicitDeny)
        #expect(decision.deniedBy == .resourceBased)
        let request = PolicyRequest(caller: F.alice, action: "sts:AssumeRole", resource: F.roleArn)
        #expect(AccessDeniedMessage.text(for: request, decision: decision)
            == "User: \(F.aliceArn) is not authorized to perform: sts:AssumeRole on resource: \(F.roleArn) because no resource-based policy allows the sts:AssumeRole action")
    }

    @Test("a trust policy naming the caller allows sts:AssumeRole without an identity Allow")
    func trustAloneAllows() throws {
        let results = try PolicySimulator.evaluate(
            identityPolicies: [], resourcePolicy: Self.trustAlice, actions: ["sts:AssumeRole"], resourceArn: F.roleArn,
            callerArn: F.aliceArn)
        #expect(results.map(\.decision.outcome) == [.allowed])
        #expect(results.first?.decision.matchedStatements.first?.source == .resource)
    }

    @Test("an identity Allow with a trust policy naming someone else is still an implicit deny")
    func trustNamingAnotherDenies() throws {
        let trustBob = F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"AWS":"arn:aws:iam::123456789012:user/eng/bob"}"#))
        let results = try PolicySimulator.evaluate(
            identityPolicies: [Self.allowAssumeRole], resourcePolicy: trustBob, actions: ["sts:AssumeRole"],
            resourceArn: F.roleArn, callerArn: F.aliceArn)
        #expect(results.map(\.decision.outcome) == [.implicitDeny])
    }

    // MARK: - "*" as any resource in the simulator

    @Test("simulating on * is matched by an Allow that names specific resources")
    func anyResourceMatchesSpecificAllow() throws {
        let policy = F.allow("s3:GetObject", on: ["arn:aws:s3:::bucket/*"])
        let results = try PolicySimulator.evaluate(identityPolicies: [policy], actions: ["s3:GetObject", "s3:PutObject"])
        #expect(results.map(\.resource) == ["*", "*"])
        #expect(results.map(\.decision.outcome) == [.allowed, .implicitDeny])
    }

    @Test("simulating on * is matched by a Deny that names specific resources, and NotResource leaves some resource over")
    func anyResourceMatchesSpecificDenyAndNotResource() throws {
        let deny = F.document(
            F.statement("Allow", ["s3:*"], ["*"]), F.statement("Deny", ["s3:DeleteObject"], ["arn:aws:s3:::bucket/keep/*"]))
        let notResource = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::secret/*"}}"#
        let notAnything = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","NotResource":"*"}}"#
        let denied = try PolicySimulator.evaluate(identityPolicies: [deny], actions: ["s3:DeleteObject"])
        let open = try PolicySimulator.evaluate(identityPolicies: [notResource, notAnything], actions: ["s3:GetObject", "s3:ListBucket"])
        #expect(denied.map(\.decision.outcome) == [.explicitDeny])
        #expect(open.map(\.decision.outcome) == [.allowed, .implicitDeny])
    }

    @Test("a real request on * is not matched by a statement naming specific resources")
    func engineRequestOnStarIsLiteral() throws {
        let policy = try PolicyDocument(parsing: F.allow("s3:GetObject", on: ["arn:aws:s3:::bucket/*"]), kind: .identity)
        let request = PolicyRequest(caller: F.alice, action: "s3:GetObject", resource: "*")
        let decision = PolicyEvaluator.evaluate(
            request: request, policies: [ApplicablePolicy(name: "p", source: .user, document: policy)])
        #expect(decision.outcome == .implicitDeny)
    }
}
