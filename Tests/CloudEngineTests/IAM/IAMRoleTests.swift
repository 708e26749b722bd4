import Foundation
import Testing
@testable import CloudEngine

@Suite("IAM roles")
struct IAMRoleTests {
    @Test("a role has an AROA id, an ARN with its path, its trust policy, description and session limit")
    func createRole() throws {
        let test = try TestAccount()
        let role = try test.iam.createRole("worker", trustPolicy: IAMDoc.trustLambda, path: "/service-role/",
                                           description: "runs jobs", maxSessionDuration: 7200, caller: .root)
        #expect(role.id.hasPrefix("AROA"))
        #expect(role.id.count == 21)
        #expect(role.arn == "arn:aws:iam::123456789012:role/service-role/worker")
        #expect(role.trustPolicy == IAMDoc.trustLambda)
        #expect(role.description == "runs jobs")
        #expect(role.maxSessionDuration == 7200)
        #expect(try test.iam.role("WORKER", caller: .root) == role)
        #expect(try test.iam.listRoles(pathPrefix: "/service-role/", caller: .root).map(\.name) == ["worker"])
    }

    @Test("a malformed trust policy is refused with the line and column")
    func malformedTrust() throws {
        let test = try TestAccount()
        let broken = """
            {
              "Version": "2012-10-17",
              "Statement": [ { "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"} "Action": "sts:AssumeRole" } ]
            }
            """
        let error = expectEngineError("MalformedPolicyDocument", 400, "line 3") {
            try test.iam.createRole("worker", trustPolicy: broken, caller: .root)
        }
        #expect(error?.message.contains("column") == true)
    }

    @Test("a trust policy without a Principal is malformed")
    func trustNeedsPrincipal() throws {
        let test = try TestAccount()
        expectEngineError("MalformedPolicyDocument", 400) {
            try test.iam.createRole("worker", trustPolicy: IAMDoc.allow("sts:AssumeRole"), caller: .root)
        }
    }

    @Test("role names are unique without regard to case")
    func duplicate() throws {
        let test = try TestAccount()
        try test.role("Worker", trust: IAMDoc.trustLambda)
        expectEngineError("EntityAlreadyExists", 409, "Role with name Worker already exists") {
            try test.role("worker", trust: IAMDoc.trustLambda)
        }
    }

    @Test("the maximum session duration must be 3600 to 43200 seconds", arguments: [3599, 43201])
    func sessionDuration(_ seconds: Int) throws {
        let test = try TestAccount()
        expectEngineError("ValidationError", 400, "Value '\(seconds)' at 'maxSessionDuration' failed to satisfy constraint") {
            try test.role("worker", trust: IAMDoc.trustLambda, maxSessionDuration: seconds)
        }
    }

    @Test("DeleteRole refuses while policies are attached, then while inline policies remain")
    func deleteConflicts() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustLambda, attach: [IAMDoc.lambdaBasic])
        try test.iam.putInlinePolicy("extra", document: IAMDoc.allow("s3:GetObject"), on: .role("worker"), caller: .root)
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must delete policies first.") {
            try test.iam.deleteRole("worker", caller: .root)
        }
        try test.iam.deleteInlinePolicy("extra", from: .role("worker"), caller: .root)
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must detach all policies first.") {
            try test.iam.deleteRole("worker", caller: .root)
        }
        try test.iam.detachPolicy(IAMDoc.lambdaBasic, from: .role("worker"), caller: .root)
        try test.iam.deleteRole("worker", caller: .root)
        expectEngineError("NoSuchEntity", 404, "The role with name worker cannot be found") {
            try test.iam.role("worker", caller: .root)
        }
    }

    @Test("UpdateAssumeRolePolicy replaces the trust policy; a malformed one is refused")
    func updateTrust() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustLambda)
        try test.iam.updateAssumeRolePolicy(role: "worker", trustPolicy: IAMDoc.trustAccount, caller: .root)
        #expect(try test.iam.role("worker", caller: .root).trustPolicy == IAMDoc.trustAccount)
        expectEngineError("MalformedPolicyDocument", 400) {
            try test.iam.updateAssumeRolePolicy(role: "worker", trustPolicy: "{", caller: .root)
        }
    }

    @Test("UpdateRole changes the description and the session limit")
    func updateRole() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustLambda)
        try test.iam.updateRole("worker", description: "new", maxSessionDuration: 43200, caller: .root)
        let role = try test.iam.role("worker", caller: .root)
        #expect(role.description == "new")
        #expect(role.maxSessionDuration == 43200)
        expectEngineError("ValidationError", 400, "maxSessionDuration") {
            try test.iam.updateRole("worker", maxSessionDuration: 60, caller: .root)
        }
    }

    @Test("a trust policy over 2,048 non-whitespace characters is LimitExceeded")
    func trustSize() throws {
        let test = try TestAccount()
        let users = (1...80).map { "\"arn:aws:iam::123456789012:user/user-number-\($0)\"" }.joined(separator: ",")
        let big = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[\#(users)]},"Action":"sts:AssumeRole"}]}"#
        expectEngineError("LimitExceeded", 409, "Cannot exceed quota for ACLSizePerRole: 2048") {
            try test.role("worker", trust: big)
        }
    }
}
