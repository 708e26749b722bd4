import Foundation
import Testing
@testable import CloudEngine
import IAMPolicy

@Suite("IAM managed policies")
struct IAMManagedPolicyTests {
    @Test("a customer managed policy has an ANPA id, its path in the ARN, and v1 as default")
    func create() throws {
        let test = try TestAccount()
        let policy = try test.iam.createPolicy("read-logs", document: IAMDoc.allow("logs:Get*"), path: "/team/",
                                               description: "reads logs", caller: .root)
        #expect(policy.id.hasPrefix("ANPA"))
        #expect(policy.arn == "arn:aws:iam::123456789012:policy/team/read-logs")
        #expect(policy.defaultVersionID == "v1")
        #expect(policy.description == "reads logs")
        #expect(!policy.isAWSManaged)
        #expect(try test.iam.policy(policy.arn, caller: .root) == policy)
        #expect(try test.iam.policyVersion(policy.arn, versionID: "v1", caller: .root).document == IAMDoc.allow("logs:Get*"))
    }

    @Test("policy names are unique in the account")
    func duplicate() throws {
        let test = try TestAccount()
        try test.iam.createPolicy("p", document: IAMDoc.allow("s3:*"), caller: .root)
        expectEngineError("EntityAlreadyExists", 409, "A policy called p already exists. Duplicate names are not allowed") {
            try test.iam.createPolicy("p", document: IAMDoc.allow("s3:*"), path: "/other/", caller: .root)
        }
    }

    @Test("a malformed document is refused with the line and column")
    func malformed() throws {
        let test = try TestAccount()
        let text = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",}]
            }
            """
        let error = expectEngineError("MalformedPolicyDocument", 400, "line 3", "column") {
            try test.iam.createPolicy("p", document: text, caller: .root)
        }
        #expect(error != nil)
    }

    @Test("an identity policy with a Principal is malformed")
    func principalInIdentityPolicy() throws {
        let test = try TestAccount()
        let text = IAMDoc.bucketPolicy("Allow", principal: "\"*\"", ["s3:GetObject"], ["*"])
        expectEngineError("MalformedPolicyDocument", 400) {
            try test.iam.createPolicy("p", document: text, caller: .root)
        }
    }

    @Test("a document over 6,144 non-whitespace characters is LimitExceeded; whitespace does not count")
    func size() throws {
        let test = try TestAccount()
        let actions = (1...400).map { "s3:GetObjectNumber\($0)" }
        let big = IAMDoc.statement("Allow", actions, ["*"])
        expectEngineError("LimitExceeded", 409, "Cannot exceed quota for PolicySize: 6144") {
            try test.iam.createPolicy("big", document: big, caller: .root)
        }
        let padded = IAMDoc.allow("s3:GetObject").replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: 2000))
        try test.iam.createPolicy("padded", document: padded, caller: .root)
    }

    @Test("versions are v2, v3 ...; the sixth is LimitExceeded; set-as-default moves the default")
    func versions() throws {
        let test = try TestAccount()
        let arn = try test.iam.createPolicy("p", document: IAMDoc.allow("s3:GetObject"), caller: .root).arn
        let v2 = try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:PutObject"), caller: .root)
        #expect(v2.versionID == "v2")
        #expect(!v2.isDefault)
        try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:ListBucket"), setAsDefault: true, caller: .root)
        try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:DeleteObject"), caller: .root)
        try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:GetBucketPolicy"), caller: .root)
        #expect(try test.iam.policy(arn, caller: .root).defaultVersionID == "v3")
        expectEngineError("LimitExceeded", 409, "A managed policy can have up to 5 versions.") {
            try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:*"), caller: .root)
        }
        #expect(try test.iam.listPolicyVersions(arn, caller: .root).map(\.versionID) == ["v5", "v4", "v3", "v2", "v1"])
        try test.iam.deletePolicyVersion(arn, versionID: "v2", caller: .root)
        let v6 = try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:*"), caller: .root)
        #expect(v6.versionID == "v6")
    }

    @Test("the default version cannot be deleted")
    func deleteDefault() throws {
        let test = try TestAccount()
        let arn = try test.iam.createPolicy("p", document: IAMDoc.allow("s3:GetObject"), caller: .root).arn
        expectEngineError("DeleteConflict", 409, "Cannot delete the default version of a policy.") {
            try test.iam.deletePolicyVersion(arn, versionID: "v1", caller: .root)
        }
    }

    @Test("SetDefaultPolicyVersion to a missing version is NoSuchEntity; a bad id is a ValidationError")
    func setDefault() throws {
        let test = try TestAccount()
        let arn = try test.iam.createPolicy("p", document: IAMDoc.allow("s3:GetObject"), caller: .root).arn
        try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:PutObject"), caller: .root)
        try test.iam.setDefaultPolicyVersion(arn, versionID: "v2", caller: .root)
        #expect(try test.iam.policy(arn, caller: .root).defaultVersionID == "v2")
        expectEngineError("NoSuchEntity", 404, "version v7 does not exist") {
            try test.iam.setDefaultPolicyVersion(arn, versionID: "v7", caller: .root)
        }
        expectEngineError("ValidationError", 400, "at 'versionId'") {
            try test.iam.setDefaultPolicyVersion(arn, versionID: "2", caller: .root)
        }
    }

    @Test("DeletePolicy refuses while attached, then while other versions remain")
    func deleteConflicts() throws {
        let test = try TestAccount()
        let arn = try test.iam.createPolicy("p", document: IAMDoc.allow("s3:GetObject"), caller: .root).arn
        try test.iam.createPolicyVersion(arn, document: IAMDoc.allow("s3:PutObject"), caller: .root)
        try test.user("alice", attach: [arn])
        expectEngineError("DeleteConflict", 409, "Cannot delete a policy attached to entities.") {
            try test.iam.deletePolicy(arn, caller: .root)
        }
        try test.iam.detachPolicy(arn, from: .user("alice"), caller: .root)
        expectEngineError("DeleteConflict", 409, "This policy has more than one version. Before you delete a policy, you must delete the policy's versions.") {
            try test.iam.deletePolicy(arn, caller: .root)
        }
        try test.iam.deletePolicyVersion(arn, versionID: "v2", caller: .root)
        try test.iam.deletePolicy(arn, caller: .root)
        expectEngineError("NoSuchEntity", 404, "Policy \(arn) was not found") {
            try test.iam.policy(arn, caller: .root)
        }
    }

    @Test("AWS managed policies are listed and readable, with their documents")
    func awsManaged() throws {
        let test = try TestAccount()
        let aws = try test.iam.listPolicies(scope: .aws, caller: .root)
        for arn in [IAMDoc.s3ReadOnly, IAMDoc.s3Full, IAMDoc.admin, IAMDoc.lambdaBasic] {
            #expect(aws.contains { $0.arn == arn && $0.isAWSManaged })
        }
        let readOnly = try test.iam.policy(IAMDoc.s3ReadOnly, caller: .root)
        #expect(readOnly.name == "AmazonS3ReadOnlyAccess")
        let document = try test.iam.policyVersion(IAMDoc.s3ReadOnly, versionID: readOnly.defaultVersionID, caller: .root).document
        #expect(document.contains("s3:Get*"))
        #expect(ManagedPolicyCatalog.problems.isEmpty)
    }

    @Test("ListPolicies: Local scope, only attached, and attachment counts")
    func listScopes() throws {
        let test = try TestAccount()
        let arn = try test.iam.createPolicy("mine", document: IAMDoc.allow("s3:GetObject"), caller: .root).arn
        try test.iam.createPolicy("unused", document: IAMDoc.allow("s3:GetObject"), caller: .root)
        try test.user("alice", attach: [arn, IAMDoc.s3ReadOnly])
        #expect(try test.iam.listPolicies(scope: .local, caller: .root).map(\.name) == ["mine", "unused"])
        let attached = try test.iam.listPolicies(onlyAttached: true, caller: .root)
        #expect(attached.map(\.name) == ["AmazonS3ReadOnlyAccess", "mine"])
        #expect(attached.allSatisfy { $0.attachmentCount == 1 })
    }

    @Test("AWS managed policies cannot be deleted or changed")
    func awsManagedIsReadOnly() throws {
        let test = try TestAccount()
        expectEngineError("AccessDenied", 403, "AWS managed policies belong to AWS") {
            try test.iam.deletePolicy(IAMDoc.admin, caller: .root)
        }
        expectEngineError("AccessDenied", 403, "iam:CreatePolicyVersion") {
            try test.iam.createPolicyVersion(IAMDoc.admin, document: IAMDoc.allow("s3:*"), caller: .root)
        }
    }

    @Test("a policy name breaking IAM's pattern, and a bad policy path, are ValidationErrors")
    func names() throws {
        let test = try TestAccount()
        expectEngineError("ValidationError", 400, "at 'policyName'") {
            try test.iam.createPolicy("no/slash", document: IAMDoc.allow("s3:*"), caller: .root)
        }
        expectEngineError("ValidationError", 400, "at 'path'") {
            try test.iam.createPolicy("p", document: IAMDoc.allow("s3:*"), path: "/a b/", caller: .root)
        }
    }
}
