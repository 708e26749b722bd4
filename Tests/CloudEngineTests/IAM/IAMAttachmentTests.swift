import Foundation
import Testing
@testable import CloudEngine

@Suite("IAM attachments and inline policies")
struct IAMAttachmentTests {
    @Test("attach, list and detach a managed policy on a user, a group and a role",
          arguments: [IAMEntity.user("e"), .group("e"), .role("e")])
    func attachDetach(_ entity: IAMEntity) throws {
        let test = try TestAccount()
        try create(entity, in: test)
        try test.iam.attachPolicy(IAMDoc.s3ReadOnly, to: entity, caller: .root)
        try test.iam.attachPolicy(IAMDoc.s3ReadOnly, to: entity, caller: .root)
        #expect(try test.iam.attachedPolicies(of: entity, caller: .root)
            == [AttachedPolicy(name: "AmazonS3ReadOnlyAccess", arn: IAMDoc.s3ReadOnly)])
        try test.iam.detachPolicy(IAMDoc.s3ReadOnly, from: entity, caller: .root)
        #expect(try test.iam.attachedPolicies(of: entity, caller: .root).isEmpty)
    }

    @Test("attaching an unknown policy ARN is NoSuchEntity; a malformed ARN is InvalidInput")
    func unknownPolicy() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        expectEngineError("NoSuchEntity", 404, "Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable") {
            try test.iam.attachPolicy("arn:aws:iam::aws:policy/NoSuchPolicy", to: .user("alice"), caller: .root)
        }
        expectEngineError("NoSuchEntity", 404, "does not exist or is not attachable") {
            try test.iam.attachPolicy(test.policyARN("nope"), to: .user("alice"), caller: .root)
        }
        expectEngineError("InvalidInput", 400, "ARN not-an-arn is not valid") {
            try test.iam.attachPolicy("not-an-arn", to: .user("alice"), caller: .root)
        }
    }

    @Test("detaching a policy that is not attached is NoSuchEntity")
    func detachUnattached() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        expectEngineError("NoSuchEntity", 404, "Policy \(IAMDoc.admin) was not found") {
            try test.iam.detachPolicy(IAMDoc.admin, from: .user("alice"), caller: .root)
        }
    }

    @Test("an eleventh managed policy is LimitExceeded, named per kind",
          arguments: [(IAMEntity.user("e"), "PoliciesPerUser"), (.group("e"), "PoliciesPerGroup"), (.role("e"), "PoliciesPerRole")])
    func attachQuota(_ entity: IAMEntity, _ quota: String) throws {
        let test = try TestAccount()
        try create(entity, in: test)
        for index in 1...10 {
            let arn = try test.iam.createPolicy("p\(index)", document: IAMDoc.allow("s3:GetObject"), caller: .root).arn
            try test.iam.attachPolicy(arn, to: entity, caller: .root)
        }
        expectEngineError("LimitExceeded", 409, "Cannot exceed quota for \(quota): 10") {
            try test.iam.attachPolicy(IAMDoc.admin, to: entity, caller: .root)
        }
    }

    @Test("put, get, list and delete an inline policy; putting again replaces it",
          arguments: [IAMEntity.user("e"), .group("e"), .role("e")])
    func inline(_ entity: IAMEntity) throws {
        let test = try TestAccount()
        try create(entity, in: test)
        try test.iam.putInlinePolicy("read", document: IAMDoc.allow("s3:GetObject"), on: entity, caller: .root)
        try test.iam.putInlinePolicy("read", document: IAMDoc.allow("s3:ListBucket"), on: entity, caller: .root)
        try test.iam.putInlinePolicy("another", document: IAMDoc.allow("s3:PutObject"), on: entity, caller: .root)
        #expect(try test.iam.inlinePolicyNames(of: entity, caller: .root) == ["another", "read"])
        #expect(try test.iam.inlinePolicy("read", of: entity, caller: .root).document == IAMDoc.allow("s3:ListBucket"))
        try test.iam.deleteInlinePolicy("read", from: entity, caller: .root)
        expectEngineError("NoSuchEntity", 404, "The \(entity.kind.rawValue) policy with name read cannot be found") {
            try test.iam.inlinePolicy("read", of: entity, caller: .root)
        }
    }

    @Test("a malformed inline policy is refused with the line and column")
    func malformedInline() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]\n}"
        expectEngineError("MalformedPolicyDocument", 400, "line 3") {
            try test.iam.putInlinePolicy("p", document: text, on: .user("alice"), caller: .root)
        }
    }

    @Test("the aggregate of inline policies is capped per kind",
          arguments: [(IAMEntity.user("e"), 2048), (.group("e"), 5120), (.role("e"), 10240)])
    func inlineSizeLimit(_ entity: IAMEntity, _ limit: Int) throws {
        let test = try TestAccount()
        try create(entity, in: test)
        // Each document is about 40% of the limit: two fit, the third does not.
        let actionCount = limit * 2 / 5 / 24
        let document = IAMDoc.statement("Allow", (1...actionCount).map { "s3:GetObjectVersion\($0)" }, ["*"])
        try test.iam.putInlinePolicy("one", document: document, on: entity, caller: .root)
        try test.iam.putInlinePolicy("two", document: document, on: entity, caller: .root)
        try test.iam.putInlinePolicy("two", document: document, on: entity, caller: .root)
        expectEngineError("LimitExceeded", 409, "Maximum policy size of \(limit) bytes exceeded for \(entity.kind.rawValue) e") {
            try test.iam.putInlinePolicy("three", document: document, on: entity, caller: .root)
        }
    }

    @Test("attaching needs the kind's own action, e.g. iam:AttachRolePolicy")
    func attachNeedsPermission() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustLambda)
        let alice = try test.user("alice", policies: [IAMDoc.allow("iam:AttachUserPolicy")])
        expectEngineError("AccessDenied", 403, "iam:AttachRolePolicy on resource: arn:aws:iam::123456789012:role/worker") {
            try test.iam.attachPolicy(IAMDoc.admin, to: .role("worker"), caller: alice)
        }
    }

    @Test("an iam:PolicyARN condition limits which policies may be attached")
    func policyARNCondition() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustLambda)
        let onlyLogs = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*",
              "Condition": {"ArnEquals": {"iam:PolicyARN": "\(IAMDoc.lambdaBasic)"}}}]}
            """
        let alice = try test.user("alice", policies: [onlyLogs])
        try test.iam.attachPolicy(IAMDoc.lambdaBasic, to: .role("worker"), caller: alice)
        expectEngineError("AccessDenied", 403, "iam:AttachRolePolicy") {
            try test.iam.attachPolicy(IAMDoc.admin, to: .role("worker"), caller: alice)
        }
    }

    private func create(_ entity: IAMEntity, in test: TestAccount) throws {
        switch entity {
        case let .user(name): try test.iam.createUser(name, caller: .root)
        case let .group(name): try test.iam.createGroup(name, caller: .root)
        case let .role(name): try test.role(name, trust: IAMDoc.trustLambda)
        }
    }
}
