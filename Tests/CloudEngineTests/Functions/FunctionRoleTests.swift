import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: execution role and PassRole")
struct FunctionRoleTests {
    static func create(_ test: TestAccount, role: String = FunctionFixture.roleARN, caller: Caller = .root) throws {
        try test.functions.createFunction("hello", runtime: "python3.12", handler: "app.handler", role: role,
                                          code: FunctionFixture.code, caller: caller)
    }

    @Test("a role that does not trust lambda.amazonaws.com cannot be used")
    func untrustedRole() throws {
        let test = try TestAccount()
        try test.role("lambda-exec", trust: IAMDoc.trust(#"{"Service": "ec2.amazonaws.com"}"#))
        expectEngineError("InvalidParameterValueException", 400, "The role defined for the function cannot be assumed by Lambda.") {
            try Self.create(test)
        }
    }

    @Test("a role that does not exist cannot be used either")
    func missingRole() throws {
        let test = try TestAccount()
        expectEngineError("InvalidParameterValueException", 400, "The role defined for the function cannot be assumed by Lambda.") {
            try Self.create(test)
        }
    }

    @Test("a role ARN of the wrong shape is a ValidationException")
    func malformedRole() throws {
        let test = try TestAccount()
        expectEngineError("ValidationException", 400, "Value 'lambda-exec' at 'role'") {
            try Self.create(test, role: "lambda-exec")
        }
    }

    @Test("a user allowed lambda:CreateFunction but not iam:PassRole is denied, naming iam:PassRole and the role")
    func passRoleDenied() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        let dev = try test.user("dev", policies: [IAMDoc.allow("lambda:CreateFunction")])
        expectEngineError("AccessDenied", 403, "user/dev is not authorized to perform: iam:PassRole", FunctionFixture.roleARN) {
            try Self.create(test, caller: dev)
        }
    }

    @Test("iam:PassRole limited to lambda.amazonaws.com by iam:PassedToService is enough")
    func passRoleAllowed() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        let passRole = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*"},
              {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "\(FunctionFixture.roleARN)",
               "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}]}
            """
        let dev = try test.user("dev", policies: [passRole])
        try Self.create(test, caller: dev)
        let onlyEC2 = passRole.replacingOccurrences(of: "lambda.amazonaws.com", with: "ec2.amazonaws.com")
        let other = try test.user("other", policies: [onlyEC2])
        expectEngineError("AccessDenied", 403, "iam:PassRole") {
            try test.functions.createFunction("second", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                              code: FunctionFixture.code, caller: other)
        }
    }

    @Test("a user without lambda:CreateFunction is denied before anything else is checked")
    func createDenied() throws {
        let test = try TestAccount()
        let dev = try test.user("dev")
        expectEngineError("AccessDenied", 403, "lambda:CreateFunction", FunctionFixture.functionARN) {
            try Self.create(test, caller: dev)
        }
    }

    @Test("changing the role checks the new role too")
    func updateRole() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.role("ec2-role", trust: IAMDoc.trust(#"{"Service": "ec2.amazonaws.com"}"#))
        expectEngineError("InvalidParameterValueException", 400, "cannot be assumed by Lambda") {
            try test.functions.updateFunctionConfiguration("hello", settings: FunctionSettings(role: "arn:aws:iam::123456789012:role/ec2-role"),
                                                           caller: .root)
        }
    }
}
