import Foundation
import Testing
@testable import CloudEngine

/// End to end: IAM policies decide what users and role sessions may do to buckets and logs.
@Suite("IAM enforcement")
struct IAMEnforcementTests {
    /// An account with bucket `data` holding `report.csv`, made by the root.
    static func accountWithBucket() throws -> TestAccount {
        let test = try TestAccount()
        try test.storage.createBucket("data", caller: .root)
        try test.storage.put("data", "report.csv", "a,b\n1,2\n")
        return test
    }

    @Test("a user with no policies is denied s3:ListBucket, in AWS's words")
    func noPolicies() throws {
        let test = try Self.accountWithBucket()
        let alice = try test.user("alice")
        expectEngineError("AccessDenied", 403,
                          #"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::data" because no identity-based policy allows the s3:ListBucket action"#) {
            try test.storage.listObjects(bucket: "data", caller: alice)
        }
    }

    @Test("AmazonS3ReadOnlyAccess allows listing and reading but not writing")
    func readOnly() throws {
        let test = try Self.accountWithBucket()
        let alice = try test.user("alice", attach: [IAMDoc.s3ReadOnly])
        #expect(try test.storage.listObjects(bucket: "data", caller: alice).objects.map(\.key) == ["report.csv"])
        #expect(try test.storage.getObjectData(bucket: "data", key: "report.csv", caller: alice) == Data("a,b\n1,2\n".utf8))
        expectEngineError("AccessDenied", 403, "s3:PutObject", "because no identity-based policy allows the s3:PutObject action") {
            try test.storage.put("data", "new.csv", caller: alice)
        }
    }

    @Test("an inline Deny overrides a managed Allow, and the message names the explicit deny")
    func inlineDenyWins() throws {
        let test = try Self.accountWithBucket()
        let alice = try test.user("alice", policies: [IAMDoc.deny("s3:GetObject", on: ["arn:aws:s3:::data/*"])],
                                  attach: [IAMDoc.s3ReadOnly])
        expectEngineError("AccessDenied", 403, "s3:GetObject", "with an explicit deny in an identity-based policy") {
            try test.storage.getObjectData(bucket: "data", key: "report.csv", caller: alice)
        }
        #expect(try test.storage.listObjects(bucket: "data", caller: alice).objects.count == 1)
    }

    @Test("a group's policies apply to its members, and stop applying when they leave")
    func groupPolicies() throws {
        let test = try Self.accountWithBucket()
        let alice = try test.user("alice")
        try test.iam.createGroup("readers", caller: .root)
        try test.iam.putInlinePolicy("list", document: IAMDoc.allow("s3:ListBucket"), on: .group("readers"), caller: .root)
        try test.iam.attachPolicy(IAMDoc.s3ReadOnly, to: .group("readers"), caller: .root)
        try test.iam.addUserToGroup(group: "readers", user: "alice", caller: .root)
        #expect(try test.storage.getObjectData(bucket: "data", key: "report.csv", caller: alice).count == 8)
        try test.iam.removeUserFromGroup(group: "readers", user: "alice", caller: .root)
        expectEngineError("AccessDenied", 403, "s3:GetObject") {
            try test.storage.getObjectData(bucket: "data", key: "report.csv", caller: alice)
        }
    }

    @Test("a bucket policy naming the user allows it without any identity policy")
    func bucketPolicyAllows() throws {
        let test = try Self.accountWithBucket()
        let alice = try test.user("alice")
        try test.storage.putBucketPolicy(bucket: "data", policy: IAMDoc.bucketPolicy(
            "Allow", principal: #"{"AWS": "arn:aws:iam::123456789012:user/alice"}"#, ["s3:GetObject"], ["arn:aws:s3:::data/*"]),
            caller: .root)
        #expect(try test.storage.getObjectData(bucket: "data", key: "report.csv", caller: alice).count == 8)
        expectEngineError("AccessDenied", 403, "s3:ListBucket") {
            try test.storage.listObjects(bucket: "data", caller: alice)
        }
    }

    @Test("a bucket policy Deny denies even the root")
    func bucketPolicyDeniesRoot() throws {
        let test = try Self.accountWithBucket()
        try test.storage.putBucketPolicy(bucket: "data", policy: IAMDoc.bucketPolicy(
            "Deny", principal: "\"*\"", ["s3:DeleteObject"], ["arn:aws:s3:::data/*"]), caller: .root)
        expectEngineError("AccessDenied", 403, "arn:aws:iam::123456789012:root", "with an explicit deny in a resource-based policy") {
            try test.storage.deleteObject(bucket: "data", key: "report.csv", caller: .root)
        }
        #expect(try test.storage.text("data", "report.csv") == "a,b\n1,2\n")
    }

    @Test("GetObject of a missing key is 403 without s3:ListBucket and 404 with it")
    func missingKey() throws {
        let test = try Self.accountWithBucket()
        let reader = try test.user("reader", policies: [IAMDoc.allow("s3:GetObject")])
        expectEngineError("AccessDenied", 403, "s3:ListBucket") {
            try test.storage.getObjectData(bucket: "data", key: "missing.csv", caller: reader)
        }
        let lister = try test.user("lister", policies: [IAMDoc.allow("s3:GetObject", "s3:ListBucket")])
        expectEngineError("NoSuchKey", 404) {
            try test.storage.getObjectData(bucket: "data", key: "missing.csv", caller: lister)
        }
    }

    @Test("a role session with AWSLambdaBasicExecutionRole writes to its log group and is denied S3")
    func lambdaRoleSession() throws {
        let test = try Self.accountWithBucket()
        try test.role("fn-role", trust: IAMDoc.trustLambda, attach: [IAMDoc.lambdaBasic])
        let session = try test.sts.assumeRoleAsService(roleARN: "arn:aws:iam::123456789012:role/fn-role",
                                                       service: "lambda.amazonaws.com", sessionName: "my-function").caller
        try test.logs.createLogGroup("/aws/lambda/my-function", caller: session)
        try test.logs.createLogStream(group: "/aws/lambda/my-function", stream: "2026/01/01/[$LATEST]abc", caller: session)
        let now = Int64(test.clock.now().timeIntervalSince1970 * 1000)
        try test.logs.putLogEvents(group: "/aws/lambda/my-function", stream: "2026/01/01/[$LATEST]abc",
                                   events: [InputLogEvent(timestamp: now, message: "hello")], caller: session)
        expectEngineError("AccessDenied", 403,
                          #"User: arn:aws:sts::123456789012:assumed-role/fn-role/my-function is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::data/report.csv""#) {
            try test.storage.getObjectData(bucket: "data", key: "report.csv", caller: session)
        }
    }

    @Test("a role without log permissions cannot create log groups")
    func roleWithoutLogs() throws {
        let test = try TestAccount()
        try test.role("bare", trust: IAMDoc.trustLambda)
        let session = try test.sts.assumeRoleAsService(roleARN: "arn:aws:iam::123456789012:role/bare",
                                                       service: "lambda.amazonaws.com", sessionName: "fn").caller
        expectEngineError("AccessDenied", 403, "logs:CreateLogGroup", "assumed-role/bare/fn") {
            try test.logs.createLogGroup("/aws/lambda/fn", caller: session)
        }
    }

    @Test("a permissions boundary caps what attached policies grant")
    func boundaryCaps() throws {
        let test = try Self.accountWithBucket()
        let alice = try test.user("alice", attach: [IAMDoc.s3Full])
        try test.iam.putPermissionsBoundary(IAMDoc.s3ReadOnly, on: .user("alice"), caller: .root)
        _ = try test.storage.getObjectData(bucket: "data", key: "report.csv", caller: alice)
        expectEngineError("AccessDenied", 403, "s3:PutObject", "permissions boundary") {
            try test.storage.put("data", "x.csv", caller: alice)
        }
    }

    @Test("a customer managed policy grants through its default version")
    func defaultVersionDecides() throws {
        let test = try Self.accountWithBucket()
        let arn = try test.iam.createPolicy("reader", document: IAMDoc.allow("s3:ListBucket"), caller: .root).arn
        let alice = try test.user("alice", attach: [arn])
        _ = try test.storage.listObjects(bucket: "data", caller: alice)
        try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:GetObject"), setAsDefault: true, caller: .root)
        expectEngineError("AccessDenied", 403, "s3:ListBucket") {
            try test.storage.listObjects(bucket: "data", caller: alice)
        }
    }

    @Test("a deleted user's caller is denied everything")
    func deletedUser() throws {
        let test = try Self.accountWithBucket()
        let alice = try test.user("alice")
        try test.iam.deleteUser("alice", caller: .root)
        expectEngineError("AccessDenied", 403, "s3:ListBucket") {
            try test.storage.listObjects(bucket: "data", caller: alice)
        }
    }

    @Test("principal tags from IAM feed aws:PrincipalTag conditions")
    func principalTags() throws {
        let test = try Self.accountWithBucket()
        let byTeam = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
              "Condition": {"StringEquals": {"aws:PrincipalTag/team": "data"}}}]}
            """
        try test.iam.createUser("alice", tags: [IAMTag(key: "team", value: "data")], caller: .root)
        try test.iam.putInlinePolicy("by-team", document: byTeam, on: .user("alice"), caller: .root)
        let alice = try test.iam.user("alice", caller: .root)
        let untagged = Caller(identity: .user(name: alice.name, id: alice.id, path: alice.path))
        _ = try test.storage.listObjects(bucket: "data", caller: untagged)
        try test.iam.untag(.user("alice"), keys: ["team"], caller: .root)
        expectEngineError("AccessDenied", 403, "s3:ListBucket") {
            try test.storage.listObjects(bucket: "data", caller: untagged)
        }
    }
}
