import Foundation
import Testing
@testable import CloudEngine

@Suite("IAM ListEntitiesForPolicy")
struct IAMPolicyEntitiesTests {
    @Test("lists the groups, roles and users a policy is attached to, by kind then name; not the unattached")
    func listsAttachments() throws {
        let test = try TestAccount()
        try test.iam.createGroup("devs", caller: .root)
        try test.iam.attachPolicy(IAMDoc.s3ReadOnly, to: .group("devs"), caller: .root)
        try test.role("reader", trust: IAMDoc.trustLambda, attach: [IAMDoc.s3ReadOnly])
        try test.user("zoe", attach: [IAMDoc.s3ReadOnly])
        try test.user("alice", attach: [IAMDoc.s3ReadOnly])
        try test.user("bob", attach: [IAMDoc.admin])
        #expect(try test.iam.entities(attachedTo: IAMDoc.s3ReadOnly, caller: .root)
            == [.group("devs"), .role("reader"), .user("alice"), .user("zoe")])
        let policy = try test.iam.createPolicy("unused", document: IAMDoc.allow("s3:GetObject"), caller: .root)
        #expect(try test.iam.entities(attachedTo: policy.arn, caller: .root).isEmpty)
    }

    @Test("an unknown policy is NoSuchEntity")
    func unknownPolicy() throws {
        let test = try TestAccount()
        expectEngineError("NoSuchEntity", 404, "Policy \(test.policyARN("nope")) was not found") {
            try test.iam.entities(attachedTo: test.policyARN("nope"), caller: .root)
        }
    }

    @Test("is authorized as iam:ListEntitiesForPolicy on the policy")
    func authorized() throws {
        let test = try TestAccount()
        let caller = try test.user("carol", policies: [IAMDoc.allow("iam:ListPolicies")])
        expectEngineError("AccessDenied", 403, "iam:ListEntitiesForPolicy") {
            try test.iam.entities(attachedTo: IAMDoc.s3ReadOnly, caller: caller)
        }
        let allowed = try test.user("dave", policies: [IAMDoc.allow("iam:ListEntitiesForPolicy", on: [IAMDoc.s3ReadOnly])])
        #expect(try test.iam.entities(attachedTo: IAMDoc.s3ReadOnly, caller: allowed).isEmpty)
    }
}
