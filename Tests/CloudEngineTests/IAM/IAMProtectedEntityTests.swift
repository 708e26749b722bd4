import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// What belongs to AWS in an account: AWS managed policies and service-linked roles refuse every change,
/// the root's included, whatever the account's policies say.
@Suite("IAM: entities only AWS may change")
struct IAMProtectedEntityTests {
    static let linkedName = "AWSServiceRoleForLambda"
    static let linkedPath = "/aws-service-role/lambda.amazonaws.com/"
    static let linkedARN = "arn:aws:iam::123456789012:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda"
    static let protected = "Cannot perform the operation on the protected role 'AWSServiceRoleForLambda' - this role is only modifiable by AWS"

    /// An account holding a service-linked role, as AWS would have made it (CreateRole refuses the path).
    static func accountWithLinkedRole() throws -> TestAccount {
        let test = try TestAccount()
        try test.role(linkedName, trust: IAMDoc.trustLambda)
        try test.account.write([.iam]) { db in
            try db.execute(sql: "UPDATE iam_roles SET path = ? WHERE name = ?", arguments: [linkedPath, linkedName])
        }
        return test
    }

    // MARK: - Service-linked roles

    @Test("CreateRole refuses the service-linked path with InvalidInput")
    func createRefused() throws {
        let test = try TestAccount()
        expectEngineError("InvalidInput", 400, "The path /aws-service-role/lambda.amazonaws.com/ is reserved for service-linked roles") {
            try test.iam.createRole("mine", trustPolicy: IAMDoc.trustLambda, path: Self.linkedPath, caller: .root)
        }
        #expect(try test.iam.listRoles(caller: .root).isEmpty)
    }

    @Test("every ordinary change to a service-linked role is UnmodifiableEntity, even for the root")
    func changesRefused() throws {
        let test = try Self.accountWithLinkedRole()
        let role = IAMEntity.role(Self.linkedName)
        let changes: [(String, () throws -> Void)] = [
            ("DeleteRole", { try test.iam.deleteRole(Self.linkedName, caller: .root) }),
            ("UpdateRole", { try test.iam.updateRole(Self.linkedName, description: "mine", caller: .root) }),
            ("UpdateAssumeRolePolicy", { try test.iam.updateAssumeRolePolicy(role: Self.linkedName, trustPolicy: IAMDoc.trustAccount, caller: .root) }),
            ("PutRolePolicy", { try test.iam.putInlinePolicy("p", document: IAMDoc.allow("s3:*"), on: role, caller: .root) }),
            ("DeleteRolePolicy", { try test.iam.deleteInlinePolicy("p", from: role, caller: .root) }),
            ("AttachRolePolicy", { try test.iam.attachPolicy(IAMDoc.admin, to: role, caller: .root) }),
            ("DetachRolePolicy", { try test.iam.detachPolicy(IAMDoc.admin, from: role, caller: .root) }),
            ("TagRole", { try test.iam.tag(role, tags: [IAMTag(key: "team", value: "blue")], caller: .root) }),
            ("UntagRole", { try test.iam.untag(role, keys: ["team"], caller: .root) }),
            ("PutRolePermissionsBoundary", { try test.iam.putPermissionsBoundary(IAMDoc.s3Full, on: role, caller: .root) }),
            ("DeleteRolePermissionsBoundary", { try test.iam.deletePermissionsBoundary(from: role, caller: .root) }),
        ]
        for (operation, change) in changes {
            let refusal = expectEngineError("UnmodifiableEntity", 400, Self.protected) { try change() }
            #expect(refusal?.resource == Self.linkedName, "\(operation)")
        }
        let kept = try test.iam.role(Self.linkedName, caller: .root)
        #expect(kept.arn == Self.linkedARN)
        #expect(kept.description == nil)
        #expect(try test.iam.attachedPolicies(of: role, caller: .root).isEmpty)
    }

    @Test("a service-linked role can still be read")
    func readsAllowed() throws {
        let test = try Self.accountWithLinkedRole()
        #expect(try test.iam.role(Self.linkedName, caller: .root).path == Self.linkedPath)
        #expect(try test.iam.tags(of: .role(Self.linkedName), caller: .root).isEmpty)
        #expect(try test.iam.inlinePolicyNames(of: .role(Self.linkedName), caller: .root).isEmpty)
    }

    @Test("a user whose policies allow iam:* still cannot change a service-linked role")
    func adminRefused() throws {
        let test = try Self.accountWithLinkedRole()
        let admin = try test.user("admin", attach: [IAMDoc.admin])
        expectEngineError("UnmodifiableEntity", 400, Self.protected) {
            try test.iam.deleteRole(Self.linkedName, caller: admin)
        }
    }

    @Test("a service-linked role cannot be passed to Lambda as a function's execution role")
    func notPassable() throws {
        let test = try Self.accountWithLinkedRole()
        expectEngineError("InvalidParameterValueException", 400, "is a service-linked role, which only the service it belongs to can use") {
            try test.functions.createFunction("hello", runtime: "python3.12", handler: "app.handler", role: Self.linkedARN,
                                              code: FunctionFixture.code, caller: .root)
        }
    }

    // MARK: - AWS managed policies

    @Test("no caller can delete, version or re-default an AWS managed policy", arguments: [false, true])
    func awsManagedPolicyRefused(asAdmin: Bool) throws {
        let test = try TestAccount()
        let caller = asAdmin ? try test.user("admin", attach: [IAMDoc.admin]) : Caller.root
        let before = try test.iam.policy(IAMDoc.admin, caller: .root).defaultVersionID
        let refused = "because AWS managed policies belong to AWS and cannot be changed or deleted"
        expectEngineError("AccessDenied", 403, "iam:DeletePolicy on resource: policy \(IAMDoc.admin)", refused) {
            try test.iam.deletePolicy(IAMDoc.admin, caller: caller)
        }
        expectEngineError("AccessDenied", 403, "iam:CreatePolicyVersion", refused) {
            try test.iam.createPolicyVersion(IAMDoc.admin, document: IAMDoc.allow("s3:*"), caller: caller)
        }
        expectEngineError("AccessDenied", 403, "iam:SetDefaultPolicyVersion", refused) {
            try test.iam.setDefaultPolicyVersion(IAMDoc.admin, versionID: "v1", caller: caller)
        }
        expectEngineError("AccessDenied", 403, "iam:DeletePolicyVersion", refused) {
            try test.iam.deletePolicyVersion(IAMDoc.admin, versionID: "v1", caller: caller)
        }
        #expect(try test.iam.policy(IAMDoc.admin, caller: .root).defaultVersionID == before)
        #expect(try test.iam.listPolicyVersions(IAMDoc.admin, caller: .root).count == 1)
    }
}
