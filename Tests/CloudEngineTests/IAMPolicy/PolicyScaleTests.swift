import Foundation
import Testing
@testable import IAMPolicy

/// Issue 9: long values must cost time in proportion to their length. These tests check the
/// decisions such values get; how long they take is the benchmark's business (`overcast-bench iam`).
@Suite("Policies with very long values")
struct PolicyScaleTests {
    static let alice = PolicyCaller.user(accountId: "123456789012", name: "alice", path: "/")

    static func request(resource: String, caller: PolicyCaller = alice) -> PolicyRequest {
        let context = ConditionContext.globalKeys(for: caller, now: Date(timeIntervalSince1970: 1_767_225_600),
                                                  sourceIp: "10.1.2.3", secureTransport: true, requestedRegion: "us-east-1")
        return PolicyRequest(caller: caller, action: "s3:GetObject", resource: resource, context: context)
    }

    static func policy(resource: String, condition: String = "") throws -> ApplicablePolicy {
        let text = #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\#(resource)"\#(condition)}}"#
        return ApplicablePolicy(name: "long", source: .user, document: try PolicyDocument(parsing: text, kind: .identity))
    }

    @Test("A Resource of 50,000 ${aws:username} allows exactly the caller's name 50,000 times")
    func fiftyThousandVariables() throws {
        let policy = try Self.policy(resource: "arn:aws:s3:::b/" + String(repeating: "${aws:username}", count: 50_000))
        let own = "arn:aws:s3:::b/" + String(repeating: "alice", count: 50_000)
        #expect(PolicyEvaluator.evaluate(request: Self.request(resource: own), policies: [policy]).outcome == .allowed)
        let oneShort = "arn:aws:s3:::b/" + String(repeating: "alice", count: 49_999) + "alic"
        #expect(PolicyEvaluator.evaluate(request: Self.request(resource: oneShort), policies: [policy]).outcome == .implicitDeny)
        let bob = PolicyCaller.user(accountId: "123456789012", name: "bob", path: "/")
        #expect(PolicyEvaluator.evaluate(request: Self.request(resource: own, caller: bob), policies: [policy]).outcome == .implicitDeny)
    }

    @Test("A condition value of 50,000 variables is substituted too, and its key reported missing once")
    func fiftyThousandVariablesInCondition() throws {
        let value = String(repeating: "${aws:username}", count: 50_000)
        let policy = try Self.policy(resource: "*", condition: #", "Condition": {"StringLike": {"s3:prefix": "\#(value)"}}"#)
        var request = Self.request(resource: "arn:aws:s3:::b")
        #expect(PolicyEvaluator.evaluate(request: request, policies: [policy]).outcome == .implicitDeny)
        #expect(PolicySimulator.missingKeys(request: request, policies: [policy]) == ["s3:prefix"])
        request.context["s3:prefix"] = [String(repeating: "alice", count: 50_000)]
        #expect(PolicyEvaluator.evaluate(request: request, policies: [policy]).outcome == .allowed)
        #expect(PolicyVariables.referencedKeys(in: value).count == 50_000)
    }

    @Test("Many wildcards against a long resource are decided without backtracking")
    func manyWildcards() {
        let pattern = WildcardPattern(glob: "arn:aws:s3:::b/" + String(repeating: "*a", count: 1_000) + "*")
        #expect(pattern.matches("arn:aws:s3:::b/" + String(repeating: "ba", count: 1_000), colonSensitive: true))
        // One `a` short: a backtracking matcher would try every way to place 1,000 stars.
        #expect(!pattern.matches("arn:aws:s3:::b/" + String(repeating: "ba", count: 999) + "bb", colonSensitive: true))
    }
}
