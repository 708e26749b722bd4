import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("IAM authorizer")
struct IAMAuthorizerTests {
    @Test("the account's standard authorizer is IAM's")
    func standardAuthorizer() throws {
        let test = try TestAccount()
        #expect(test.account.authorizer is IAMAuthorizer)
    }

    @Test("the root is allowed without any policy")
    func rootAllowed() throws {
        let test = try TestAccount()
        try test.storage.createBucket("data", caller: .root)
        #expect(try test.storage.listBuckets(caller: .root).map(\.name) == ["data"])
    }

    @Test("an AWS service is judged by resource policies alone")
    func serviceNeedsResourcePolicy() throws {
        let test = try TestAccount()
        try test.storage.createBucket("data", caller: .root)
        let s3 = Caller(identity: .service("logging.s3.amazonaws.com"))
        expectEngineError("AccessDenied", 403, "because no resource-based policy allows the s3:PutObject action") {
            try test.storage.put("data", "log.txt", caller: s3)
        }
        try test.storage.putBucketPolicy(bucket: "data", policy: IAMDoc.bucketPolicy(
            "Allow", principal: #"{"Service": "logging.s3.amazonaws.com"}"#, ["s3:PutObject"], ["arn:aws:s3:::data/*"]),
            caller: .root)
        try test.storage.put("data", "log.txt", caller: s3)
    }

    @Test("explain says which policies took part and why the call is denied")
    func explain() throws {
        let test = try TestAccount()
        try test.storage.createBucket("data", caller: .root)
        let alice = try test.user("alice", policies: [IAMDoc.deny("s3:PutObject")], attach: [IAMDoc.s3Full])
        let explanation = try test.iam.explain(principal: alice, action: "s3:PutObject", resource: "arn:aws:s3:::data/k",
                                               caller: .root)
        #expect(!explanation.decision.isAllowed)
        #expect(explanation.principalARN == "arn:aws:iam::123456789012:user/alice")
        #expect(explanation.message?.contains("with an explicit deny in an identity-based policy") == true)
        #expect(explanation.policies.map(\.name) == ["inline-1", "AmazonS3FullAccess"])
        let allowed = try test.iam.explain(principal: alice, action: "s3:GetObject", resource: "arn:aws:s3:::data/k", caller: .root)
        #expect(allowed.decision.isAllowed)
        #expect(allowed.message == nil)
        #expect(allowed.decision.matchedStatements.first?.policyName == "AmazonS3FullAccess")
    }

    @Test("explain keeps each policy's text, so a deciding statement can be shown where it is written")
    func explainKeepsPolicyTexts() throws {
        let test = try TestAccount()
        try test.storage.createBucket("data", caller: .root)
        let deny = IAMDoc.deny("s3:PutObject")
        let alice = try test.user("alice", policies: [deny], attach: [IAMDoc.s3Full])
        try test.storage.putBucketPolicy(bucket: "data", policy: IAMDoc.bucketPolicy(
            "Allow", principal: #"{"AWS": "arn:aws:iam::123456789012:user/alice"}"#, ["s3:GetObject"], ["arn:aws:s3:::data/*"]),
            caller: .root)
        let explanation = try test.iam.explain(principal: alice, action: "s3:PutObject", resource: "arn:aws:s3:::data/k",
                                               caller: .root)
        let inline = try #require(explanation.policies.first { $0.name == "inline-1" })
        #expect(inline.text == deny)
        #expect(inline.kind == .identity)
        let managed = try #require(explanation.policies.first { $0.name == "AmazonS3FullAccess" })
        #expect(managed.text?.contains("s3:*") == true)
        let bucket = try #require(explanation.policies.first { $0.source == .resource })
        #expect(bucket.kind == .resource)
        #expect(bucket.text?.contains("arn:aws:s3:::data/*") == true)
        let denying = try #require(explanation.decision.matchedStatements.first)
        #expect(inline.contains(denying))
        #expect(!managed.contains(denying))
        // The statement's position points into the kept text.
        let lines = try #require(inline.text).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[denying.start.line - 1].contains("{") || lines[denying.start.line - 1].contains("Effect"))
    }

    @Test("explain with resourceIsAny takes * as any resource, as IAM's simulator does; a real call's * does not")
    func explainAnyResource() throws {
        let test = try TestAccount()
        let alice = try test.user("alice", policies: [IAMDoc.allow("s3:GetObject", on: ["arn:aws:s3:::data/*"])])
        let real = try test.iam.explain(principal: alice, action: "s3:GetObject", resource: "*", caller: .root)
        let simulated = try test.iam.explain(principal: alice, action: "s3:GetObject", resource: "*", resourceIsAny: true,
                                             caller: .root)
        #expect(real.decision.outcome == .implicitDeny)
        #expect(simulated.decision.outcome == .allowed)
    }

    @Test("decide answers without throwing")
    func decide() throws {
        let test = try TestAccount()
        let alice = try test.user("alice")
        let authorizer = IAMAuthorizer(clock: test.clock)
        let decision = try test.account.read { db in
            try authorizer.decide(AuthorizationRequest(caller: alice, action: "s3:ListAllMyBuckets", resource: "*"),
                                  account: test.account.info, db: db)
        }
        #expect(!decision.isAllowed)
        #expect(decision.matchedStatements.isEmpty)
    }

    @Test("a decision reuses parsed documents instead of parsing again")
    func cacheReuse() throws {
        let test = try TestAccount()
        let cache = PolicyDocumentCache(capacity: 16)
        let authorizer = IAMAuthorizer(clock: test.clock, cache: cache)
        let marker = "s3:GetObjectCacheProbe"
        let alice = try test.user("alice", policies: [IAMDoc.allow(marker)])
        let request = AuthorizationRequest(caller: alice, action: marker, resource: "*")
        for _ in 0..<3 {
            let decision = try test.account.read { db in
                try authorizer.decide(request, account: test.account.info, db: db)
            }
            #expect(decision.isAllowed)
        }
        #expect(cache.count == 1)
    }

    @Test("the cache is bounded")
    func cacheBound() throws {
        let cache = PolicyDocumentCache(capacity: 3)
        for index in 0..<10 {
            _ = try cache.document(for: IAMDoc.allow("s3:Get\(index)"), kind: .identity)
        }
        #expect(cache.count <= 3)
    }

    @Test("the time in aws:CurrentTime conditions is the account's clock")
    func clockDrivesConditions() throws {
        let test = try TestAccount()
        try test.storage.createBucket("data", caller: .root)
        let untilNoon = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
              "Condition": {"DateLessThan": {"aws:CurrentTime": "2026-01-01T12:00:00Z"}}}]}
            """
        let alice = try test.user("alice", policies: [untilNoon])
        _ = try test.storage.listObjects(bucket: "data", caller: alice)
        test.clock.advance(by: 13 * 3600)
        expectEngineError("AccessDenied", 403, "s3:ListBucket") {
            try test.storage.listObjects(bucket: "data", caller: alice)
        }
    }

    @Test("a resource policy hook can add a service's policies")
    func customProvider() throws {
        struct FixedPolicy: ResourcePolicyProvider {
            func resourcePolicy(action: String, resource: String, account: AccountInfo, db: Database) throws -> ResourcePolicy? {
                ResourcePolicy(name: "function policy", text: IAMDoc.bucketPolicy(
                    "Allow", principal: #"{"Service": "s3.amazonaws.com"}"#, ["lambda:InvokeFunction"], ["*"]))
            }
        }
        let test = try TestAccount()
        let authorizer = IAMAuthorizer(clock: test.clock, resourcePolicies: ["lambda": FixedPolicy()])
        let s3 = Caller(identity: .service("s3.amazonaws.com"))
        let decision = try test.account.read { db in
            try authorizer.decide(AuthorizationRequest(caller: s3, action: "lambda:InvokeFunction",
                                                       resource: "arn:aws:lambda:us-east-1:123456789012:function:f"),
                                  account: test.account.info, db: db)
        }
        #expect(decision.isAllowed)
    }
}
