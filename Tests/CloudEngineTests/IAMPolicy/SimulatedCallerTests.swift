import Foundation
import Testing
@testable import IAMPolicy

/// `CallerArn` as a role or a role session, as SimulatePrincipalPolicy takes roles.
@Suite("Simulated callers: users, roles and role sessions")
struct SimulatedCallerTests {
    static let roleArn = "arn:aws:iam::123456789012:role/service/reader"
    static let sessionArn = "arn:aws:sts::123456789012:assumed-role/reader/nightly"

    func decide(principal: String, caller: String, context: [String] = []) throws -> Decision.Outcome {
        let policy = Fixture.bucketPolicy("Allow", principal: #"{"AWS":"\#(principal)"}"#)
        let results = try PolicySimulator.evaluate(
            identityPolicies: [], resourcePolicy: policy, actions: ["s3:GetObject"], resourceArn: "arn:aws:s3:::b/k",
            callerArn: caller, contextEntries: context)
        return try #require(results.first).decision.outcome
    }

    @Test("A role ARN is simulated as a session of the role, keeping its path")
    func roleCaller() throws {
        let caller = try PolicySimulator.simulatedCaller(Self.roleArn)
        #expect(caller.kind == .assumedRole)
        #expect(caller.roleArn == Self.roleArn)
        #expect(caller.arn == "arn:aws:sts::123456789012:assumed-role/reader/simulated-session")
    }

    @Test("A session ARN is that session of the role")
    func sessionCaller() throws {
        let caller = try PolicySimulator.simulatedCaller(Self.sessionArn)
        #expect(caller.kind == .assumedRole)
        #expect(caller.arn == Self.sessionArn)
        #expect(caller.roleSessionName == "nightly")
        #expect(caller.roleArn == "arn:aws:iam::123456789012:role/reader")
    }

    @Test("A Principal naming the role matches the role and every session of it")
    func rolePrincipalMatchesSessions() throws {
        let principal = "arn:aws:iam::123456789012:role/reader"
        #expect(try decide(principal: principal, caller: principal) == .allowed)
        #expect(try decide(principal: principal, caller: Self.sessionArn) == .allowed)
        #expect(try decide(principal: principal, caller: "arn:aws:iam::123456789012:role/writer") == .implicitDeny)
    }

    @Test("A Principal naming a session matches that session only, not the role or another session")
    func sessionPrincipalMatchesOnlyThatSession() throws {
        #expect(try decide(principal: Self.sessionArn, caller: Self.sessionArn) == .allowed)
        #expect(try decide(principal: Self.sessionArn, caller: "arn:aws:sts::123456789012:assumed-role/reader/other") == .implicitDeny)
        #expect(try decide(principal: Self.sessionArn, caller: "arn:aws:iam::123456789012:role/reader") == .implicitDeny)
    }

    @Test("aws:PrincipalArn is the role ARN for a session; aws:PrincipalType is AssumedRole; no aws:username")
    func sessionKeys() throws {
        let caller = try PolicySimulator.simulatedCaller(Self.sessionArn)
        let keys = SimulatedCaller.principalKeys(caller)
        #expect(keys["aws:PrincipalArn"] == ["arn:aws:iam::123456789012:role/reader"])
        #expect(keys["aws:PrincipalType"] == ["AssumedRole"])
        #expect(keys["aws:username"] == nil)
        let policy = Fixture.allowIf(Fixture.cond("StringEquals", "aws:PrincipalArn", ["arn:aws:iam::123456789012:role/reader"]))
        let results = try PolicySimulator.evaluate(identityPolicies: [policy], actions: ["s3:GetObject"], callerArn: Self.sessionArn)
        #expect(results[0].decision.outcome == .allowed)
        #expect(results[0].missingContextValues.isEmpty)
    }

    @Test("A user caller reports aws:username and PrincipalType User; aws:userid comes from the context when given")
    func userKeys() throws {
        let user = "arn:aws:iam::123456789012:user/eng/bob"
        let byName = Fixture.allowIf(Fixture.cond("StringEquals", "aws:username", ["bob"]))
        let byType = Fixture.allowIf(Fixture.cond("StringEquals", "aws:PrincipalType", ["User"]))
        let byID = Fixture.allowIf(Fixture.cond("StringEquals", "aws:userid", ["AIDAEXAMPLE"]))
        for policy in [byName, byType] {
            let results = try PolicySimulator.evaluate(identityPolicies: [policy], actions: ["s3:GetObject"], callerArn: user)
            #expect(results[0].decision.outcome == .allowed)
        }
        let unknownID = try PolicySimulator.evaluate(identityPolicies: [byID], actions: ["s3:GetObject"], callerArn: user)
        #expect(unknownID[0].decision.outcome == .implicitDeny)
        #expect(unknownID[0].missingContextValues == ["aws:userid"])
        let givenID = try PolicySimulator.evaluate(
            identityPolicies: [byID], actions: ["s3:GetObject"], callerArn: user, contextEntries: ["aws:userid=AIDAEXAMPLE"])
        #expect(givenID[0].decision.outcome == .allowed)
    }

    @Test("A context entry overrides the caller's own key")
    func contextWins() throws {
        let policy = Fixture.allowIf(Fixture.cond("StringEquals", "aws:PrincipalType", ["Account"]))
        let results = try PolicySimulator.evaluate(
            identityPolicies: [policy], actions: ["s3:GetObject"], callerArn: Self.roleArn,
            contextEntries: ["aws:PrincipalType=Account"])
        #expect(results[0].decision.outcome == .allowed)
    }

    @Test("Malformed caller ARNs are refused, naming the ARN and the accepted forms",
          arguments: ["alice", "arn:aws:iam::123456789012:group/devs", "arn:aws:iam::123456789012:role/",
                      "arn:aws:sts::123456789012:assumed-role/reader", "arn:aws:iam::12345:user/alice",
                      "arn:aws:sts::123456789012:federated-user/bob", "arn:aws:iam::123456789012:root"])
    func malformed(_ arn: String) {
        do {
            _ = try PolicySimulator.simulatedCaller(arn)
            Issue.record("\(arn) was accepted")
        } catch {
            #expect(error.message.contains("CallerArn \"\(arn)\" is not one the simulator accepts"))
            #expect(error.message.contains("a role session (arn:aws:sts::123456789012:assumed-role/reader/session-name)"))
        }
    }
}
