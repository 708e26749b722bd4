import Foundation
import Testing
@testable import CloudEngine

/// The console's compound IAM calls: each is one transaction, every step authorized, all or nothing.
@Suite("IAM compound calls")
struct IAMBundleTests {
    @Test("createRole(attaching:) makes the role with its policies")
    func createWithPolicies() throws {
        let test = try TestAccount()
        try test.iam.createRole("app", trustPolicy: IAMDoc.trustLambda, attaching: [IAMDoc.s3ReadOnly, IAMDoc.admin], caller: .root)
        #expect(Set(try test.iam.attachedPolicies(of: .role("app"), caller: .root).map(\.arn)) == [IAMDoc.s3ReadOnly, IAMDoc.admin])
    }

    @Test("createRole(attaching:) with a policy that does not exist makes nothing")
    func createRollsBack() throws {
        let test = try TestAccount()
        expectEngineError("NoSuchEntity", 404, "does not exist or is not attachable") {
            try test.iam.createRole("app", trustPolicy: IAMDoc.trustLambda,
                                    attaching: [IAMDoc.s3ReadOnly, "arn:aws:iam::aws:policy/NoSuchPolicy"], caller: .root)
        }
        #expect(try test.iam.listRoles(caller: .root).isEmpty)
    }

    @Test("A caller allowed CreateRole but not AttachRolePolicy gets AccessDenied and no role")
    func createNeedsAttachPermission() throws {
        let test = try TestAccount()
        try test.iam.createUser("maker", caller: .root)
        try test.iam.putInlinePolicy("p", document: IAMDoc.allow("iam:CreateRole"), on: .user("maker"), caller: .root)
        let maker = try test.iam.user("maker", caller: .root).caller
        expectEngineError("AccessDenied", 403, "iam:AttachRolePolicy") {
            try test.iam.createRole("app", trustPolicy: IAMDoc.trustLambda, attaching: [IAMDoc.s3ReadOnly], caller: maker)
        }
        #expect(try test.iam.listRoles(caller: .root).isEmpty)
        try test.iam.createRole("bare", trustPolicy: IAMDoc.trustLambda, attaching: [], caller: maker)
        #expect(try test.iam.listRoles(caller: .root).map(\.name) == ["bare"])
    }

    @Test("attachPolicies past the quota attaches none of them")
    func attachSeveralAllOrNothing() throws {
        let test = try TestAccount()
        try test.iam.createRole("r", trustPolicy: IAMDoc.trustLambda, caller: .root)
        var arns: [String] = []
        for index in 1...9 {
            arns.append(try test.iam.createPolicy("p\(index)", document: IAMDoc.allow("s3:GetObject"), caller: .root).arn)
        }
        try test.iam.attachPolicies(arns, to: .role("r"), caller: .root)
        expectEngineError("LimitExceeded", 409, "Cannot exceed quota for PoliciesPerRole: 10") {
            try test.iam.attachPolicies([IAMDoc.s3ReadOnly, IAMDoc.admin], to: .role("r"), caller: .root)
        }
        #expect(try test.iam.attachedPolicies(of: .role("r"), caller: .root).count == 9)
    }

    @Test("deleteRole(detachingPolicies:) removes its policies first; without it, DeleteConflict as before")
    func deleteWithPolicies() throws {
        let test = try TestAccount()
        try test.iam.createRole("r", trustPolicy: IAMDoc.trustLambda, attaching: [IAMDoc.s3ReadOnly], caller: .root)
        try test.iam.putInlinePolicy("inline", document: IAMDoc.allow("s3:GetObject"), on: .role("r"), caller: .root)
        expectEngineError("DeleteConflict", 409, "must delete policies first") {
            try test.iam.deleteRole("r", caller: .root)
        }
        try test.iam.deleteRole("r", detachingPolicies: true, caller: .root)
        #expect(try test.iam.listRoles(caller: .root).isEmpty)
        #expect(try test.iam.policy(IAMDoc.s3ReadOnly, caller: .root).attachmentCount == 0)
    }

    @Test("A caller allowed DeleteRole but not DetachRolePolicy is refused, and the role keeps everything")
    func deleteNeedsDetachPermission() throws {
        let test = try TestAccount()
        try test.iam.createRole("r", trustPolicy: IAMDoc.trustLambda, attaching: [IAMDoc.s3ReadOnly], caller: .root)
        try test.iam.putInlinePolicy("inline", document: IAMDoc.allow("s3:GetObject"), on: .role("r"), caller: .root)
        try test.iam.createUser("cleaner", caller: .root)
        try test.iam.putInlinePolicy("p", document: IAMDoc.allow("iam:DeleteRole", "iam:DeleteRolePolicy"), on: .user("cleaner"),
                                     caller: .root)
        let cleaner = try test.iam.user("cleaner", caller: .root).caller
        expectEngineError("AccessDenied", 403, "iam:DetachRolePolicy") {
            try test.iam.deleteRole("r", detachingPolicies: true, caller: cleaner)
        }
        #expect(try test.iam.inlinePolicyNames(of: .role("r"), caller: .root) == ["inline"])
        #expect(try test.iam.attachedPolicies(of: .role("r"), caller: .root).count == 1)
    }
}
