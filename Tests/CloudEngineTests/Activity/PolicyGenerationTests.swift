import Foundation
import IAMPolicy
import Testing
@testable import CloudEngine

@Suite("Policy generation and last accessed")
struct PolicyGenerationTests {
    let env: TestAccount
    var account: Account { env.account }
    let bob: Caller

    /// Bob may do anything in S3 (so the trail has his calls to learn from) but nothing in Logs.
    init() throws {
        env = try TestAccount()
        for bucket in ["reports", "other-bkt"] { _ = try env.account.storage.createBucket(bucket, caller: .root) }
        _ = try env.storage.put("other-bkt", "x.csv")
        bob = try env.account.iam.createUser("bob", caller: .root).caller
        try env.account.iam.putInlinePolicy("everything-s3", document: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
            """, on: .user("bob"), caller: .root)
    }

    func doBobsWork() throws {
        for index in 0..<5 { _ = try env.storage.put("reports", "2026/q\(index).csv", caller: bob) }
        _ = try account.storage.getObject(bucket: "other-bkt", key: "x.csv", caller: bob) { _ in }
        _ = try account.storage.listObjects(bucket: "reports", caller: bob)
        #expect(throws: EngineError.self) { try account.logs.createLogGroup("/bob", caller: bob) }
    }

    /// The generated document, decided by the evaluator for Bob.
    func decide(_ document: String, _ action: String, _ resource: String) throws -> Decision.Outcome {
        let policy = ApplicablePolicy(name: "generated", source: .user, document: try PolicyDocument(parsing: document, kind: .identity))
        let request = PolicyRequest(caller: .user(accountId: TestAccount.accountID, name: "bob"), action: action, resource: resource,
                                    context: ConditionContext())
        return PolicyEvaluator.evaluate(request: request, policies: [policy]).outcome
    }

    @Test("The generated policy allows every call Bob made, denied ones too, and nothing else the probes try")
    func allowsExactlyWhatWasDone() throws {
        try doBobsWork()
        let generated = try account.activity.generatePolicy(for: .user("bob"), caller: .root)
        for call in generated.calls {
            #expect(try decide(generated.document, call.action, call.resource) == .allowed, "\(call.action) \(call.resource)")
        }
        #expect(generated.calls.contains { $0.action == "logs:CreateLogGroup" && $0.wasDenied })
        let probes: [(String, String)] = [
            ("s3:PutObject", "arn:aws:s3:::reports/2025/q1.csv"),
            ("s3:PutObject", "arn:aws:s3:::other-bkt/2026/q1.csv"),
            ("s3:GetObject", "arn:aws:s3:::reports/2026/q1.csv"),
            ("s3:GetObject", "arn:aws:s3:::other-bkt/y.csv"),
            ("s3:DeleteObject", "arn:aws:s3:::reports/2026/q1.csv"),
            ("s3:ListBucket", "arn:aws:s3:::other-bkt"),
            ("logs:DeleteLogGroup", "arn:aws:logs:us-east-1:123456789012:log-group:/bob:*"),
            ("iam:CreateUser", "arn:aws:iam::123456789012:user/mallory"),
        ]
        for (action, resource) in probes {
            #expect(try decide(generated.document, action, resource) == .implicitDeny, "\(action) \(resource)")
        }
        // Five objects under one folder became one wildcard at that folder; the one object read stays exact.
        let s3 = generated.statements.filter { $0.actions.contains("s3:PutObject") }
        #expect(s3.map(\.resources) == [["arn:aws:s3:::reports/2026/*"]])
        #expect(generated.statements.contains { $0.actions == ["s3:GetObject"] && $0.resources == ["arn:aws:s3:::other-bkt/x.csv"] })
    }

    @Test("A time range narrows what the policy is made from; no calls is an error that says what to do")
    func timeRange() throws {
        try doBobsWork()
        env.clock.advance(by: 3600)
        _ = try env.storage.put("reports", "late.csv", caller: bob)
        let start: Int64 = 1_767_225_600_000 + 1_800_000
        let late = try account.activity.generatePolicy(for: .user("bob"), startTime: start, caller: .root)
        #expect(late.calls.map(\.action) == ["s3:PutObject"])
        #expect(late.statements.first?.resources == ["arn:aws:s3:::reports/late.csv"])
        #expect(throws: EngineError.self) { try account.activity.generatePolicy(for: .role("nobody"), caller: .root) }
    }

    @Test("Last accessed per service, newest first, with the last action and the number of calls")
    func lastAccessed() throws {
        try doBobsWork()
        env.clock.advance(by: 60)
        _ = try env.storage.put("reports", "later.csv", caller: bob)
        let services = try account.activity.lastAccessed(by: .user("bob"), caller: .root)
        #expect(services.map(\.service) == ["s3", "logs"])
        #expect(services.first?.lastAction == "s3:PutObject")
        #expect(services.first?.lastAccessed == 1_767_225_660_000)
        #expect(services.first?.calls == 8)
        #expect(services.last?.calls == 1)
    }
}
