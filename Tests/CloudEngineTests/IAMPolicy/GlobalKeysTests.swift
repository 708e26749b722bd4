import Foundation
import Testing
@testable import CloudEngine
@testable import IAMPolicy

@Suite("Global condition keys")
struct GlobalKeysTests {
    @Test("A user's keys")
    func userKeys() {
        let context = ConditionContext.globalKeys(
            for: Fixture.alice, now: Fixture.now, sourceIp: "203.0.113.7", secureTransport: true, requestedRegion: "us-east-1")
        #expect(context["aws:username"] == ["alice"])
        #expect(context["aws:userid"] == ["AIDAALICE"])
        #expect(context["aws:PrincipalArn"] == ["arn:aws:iam::123456789012:user/alice"])
        #expect(context["aws:PrincipalAccount"] == ["123456789012"])
        #expect(context["aws:PrincipalType"] == ["User"])
        #expect(context["aws:PrincipalTag/team"] == ["blue"])
        #expect(context["aws:SourceIp"] == ["203.0.113.7"])
        #expect(context["aws:SecureTransport"] == ["true"])
        #expect(context["aws:RequestedRegion"] == ["us-east-1"])
        #expect(context["aws:CurrentTime"] == ["2024-06-01T12:00:00Z"])
        #expect(context["aws:EpochTime"] == ["1717243200"])
        #expect(context["aws:SourceArn"] == nil)
    }

    @Test("A role session reports the role as aws:PrincipalArn and role-id:session as aws:userid")
    func sessionKeys() {
        let context = ConditionContext.globalKeys(for: Fixture.session, now: Fixture.now)
        #expect(context["aws:PrincipalArn"] == ["arn:aws:iam::123456789012:role/worker"])
        #expect(context["aws:userid"] == ["AROAWORKER:job-1"])
        #expect(context["aws:PrincipalType"] == ["AssumedRole"])
        #expect(context["aws:username"] == nil)
    }

    @Test("The root user is of type Account and its userid is the account id")
    func rootKeys() {
        let context = ConditionContext.globalKeys(for: Fixture.root, now: Fixture.now)
        #expect(context["aws:PrincipalType"] == ["Account"])
        #expect(context["aws:userid"] == ["123456789012"])
        #expect(context["aws:username"] == nil)
    }

    @Test("A service acting for a resource carries the source keys")
    func serviceKeys() {
        let context = ConditionContext.globalKeys(
            for: Fixture.s3Service, now: Fixture.now, sourceArn: "arn:aws:s3:::uploads", sourceAccount: "123456789012")
        #expect(context["aws:SourceArn"] == ["arn:aws:s3:::uploads"])
        #expect(context["aws:SourceAccount"] == ["123456789012"])
        #expect(context["aws:PrincipalServiceName"] == ["s3.amazonaws.com"])
        #expect(context["aws:PrincipalArn"] == nil)
    }

    @Test("Key lookup ignores case and later values replace earlier ones on merge")
    func contextCaseInsensitive() {
        var context = ConditionContext(["AWS:SourceIP": ["1.2.3.4"]])
        #expect(context["aws:sourceip"] == ["1.2.3.4"])
        context.append("5.6.7.8", to: "aws:SourceIp")
        #expect(context["AWS:SOURCEIP"] == ["1.2.3.4", "5.6.7.8"])
        let merged = context.merging(ConditionContext(["aws:sourceip": ["9.9.9.9"]]))
        #expect(merged["aws:SourceIp"] == ["9.9.9.9"])
        #expect(merged.keys == ["aws:sourceip"])
    }

    @Test(arguments: [
        (0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"), (1_717_243_200, "2024-06-01T12:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"), (4_102_444_799, "2099-12-31T23:59:59Z"),
    ])
    func formatsCurrentTime(seconds: Int, expected: String) {
        #expect(ConditionContext.iso8601(seconds: seconds) == expected)
        #expect(PolicyDate.seconds(from: expected) == Double(seconds))
    }
}

@Suite("Engine caller bridge")
struct EngineCallerBridgeTests {
    static let callers: [Caller] = [
        Caller.root,
        Caller(identity: .user(name: "alice", id: "AIDAALICE", path: "/eng/"), principalTags: ["team": "blue"]),
        Caller(identity: .assumedRole(roleName: "worker", roleID: "AROAW", rolePath: "/svc/", sessionName: "s1")),
        Caller(identity: .service("s3.amazonaws.com")),
    ]

    @Test("The evaluator's caller has the same ARN and id as the engine's", arguments: callers)
    func sameIdentity(_ caller: Caller) {
        let bridged = PolicyCaller(caller, accountID: "123456789012")
        #expect(bridged.arn == caller.arn(accountID: "123456789012"))
        if case .service = caller.identity { return }
        #expect(bridged.userId == caller.principalID(accountID: "123456789012"))
        #expect(bridged.tags == caller.principalTags)
    }

    @Test("A role session keeps its role's path in the role ARN")
    func rolePath() {
        let bridged = PolicyCaller(Self.callers[2], accountID: "123456789012")
        #expect(bridged.roleArn == "arn:aws:iam::123456789012:role/svc/worker")
    }

    @Test("Network callers report aws:SourceIp and aws:SecureTransport; in-process callers neither")
    func transportKeys() {
        let remote = Caller(identity: .user(name: "alice", id: "AIDAALICE", path: "/"), sourceIP: "203.0.113.7", secureTransport: false)
        let remoteKeys = ConditionContext.globalKeys(for: remote, accountID: "123456789012", now: Fixture.now)
        #expect(remoteKeys["aws:SourceIp"] == ["203.0.113.7"])
        #expect(remoteKeys["aws:SecureTransport"] == ["false"])
        let local = ConditionContext.globalKeys(for: Caller.root, accountID: "123456789012", now: Fixture.now)
        #expect(local["aws:SourceIp"] == nil)
        #expect(local["aws:SecureTransport"] == nil)
    }
}
