import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: AddPermission and the function policy")
struct FunctionPermissionTests {
    static let s3 = Caller(identity: .service("s3.amazonaws.com"))
    static let bucketARN = "arn:aws:s3:::uploads"

    static func allowS3(_ test: TestAccount, sid: String = "s3-invoke") throws -> String {
        try test.functions.addPermission(function: "hello", FunctionPermission(
            statementID: sid, action: "lambda:InvokeFunction", principal: "s3.amazonaws.com",
            sourceARN: bucketARN, sourceAccount: TestAccount.accountID), caller: .root)
    }

    @Test("AddPermission returns the statement, and GetPolicy the document, as Lambda writes them")
    func policyDocument() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let statement = try Self.allowS3(test)
        let expected = #"{"Sid":"s3-invoke","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:123456789012:function:hello","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::uploads"}}}"#
        #expect(statement == expected)
        let policy = try test.functions.getPolicy(function: "hello", caller: .root)
        #expect(policy.policy == #"{"Version":"2012-10-17","Id":"default","Statement":["# + expected + "]}")
        #expect(policy.revisionID == (try test.functions.getFunctionConfiguration("hello", caller: .root).revisionID))
        #expect((try? JSONSerialization.jsonObject(with: Data(policy.policy.utf8))) != nil)
    }

    @Test("an account id principal becomes the account's root ARN")
    func accountPrincipal() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let statement = try test.functions.addPermission(function: "hello", FunctionPermission(
            statementID: "acct", principal: "111122223333"), caller: .root)
        #expect(statement.contains(#""Principal":{"AWS":"arn:aws:iam::111122223333:root"}"#))
        expectEngineError("InvalidParameterValueException", 400, "The provided principal was invalid.") {
            try test.functions.addPermission(function: "hello", FunctionPermission(statementID: "bad", principal: "nobody"), caller: .root)
        }
    }

    @Test("statement ids are unique: a second one is ResourceConflictException")
    func duplicateSid() throws {
        let test = try TestAccount()
        try test.helloFunction()
        _ = try Self.allowS3(test)
        expectEngineError("ResourceConflictException", 409, "The statement id (s3-invoke) provided already exists.") {
            try Self.allowS3(test)
        }
    }

    @Test("malformed statement ids and actions are ValidationExceptions")
    func validation() throws {
        let test = try TestAccount()
        try test.helloFunction()
        expectEngineError("ValidationException", 400, "at 'statementId'") {
            try test.functions.addPermission(function: "hello", FunctionPermission(statementID: "has space", principal: "*"), caller: .root)
        }
        expectEngineError("ValidationException", 400, "at 'action'") {
            try test.functions.addPermission(function: "hello", FunctionPermission(statementID: "a", action: "s3:GetObject", principal: "*"),
                                             caller: .root)
        }
    }

    @Test("GetPolicy without a policy, and RemovePermission of an unknown statement, are ResourceNotFoundException")
    func notFound() throws {
        let test = try TestAccount()
        try test.helloFunction()
        expectEngineError("ResourceNotFoundException", 404, "The resource you requested does not exist.") {
            try test.functions.getPolicy(function: "hello", caller: .root)
        }
        _ = try Self.allowS3(test)
        expectEngineError("ResourceNotFoundException", 404, "Statement other is not found in resource policy.") {
            try test.functions.removePermission(function: "hello", statementID: "other", caller: .root)
        }
        try test.functions.removePermission(function: "hello", statementID: "s3-invoke", caller: .root)
        expectEngineError("ResourceNotFoundException", 404) { try test.functions.getPolicy(function: "hello", caller: .root) }
    }

    @Test("a policy over 20 KB is PolicyLengthExceededException")
    func policyLength() throws {
        let test = try TestAccount()
        try test.helloFunction()
        var limits = FunctionLimits()
        limits.policyBytes = 600
        let small = FunctionsService(account: test.account, limits: limits)
        _ = try small.addPermission(function: "hello", FunctionPermission(statementID: "one", principal: "s3.amazonaws.com"), caller: .root)
        expectEngineError("PolicyLengthExceededException", 400, "is bigger than the limit (600)") {
            try small.addPermission(function: "hello", FunctionPermission(statementID: "two", principal: "s3.amazonaws.com",
                                                                           sourceARN: "arn:aws:s3:::" + String(repeating: "b", count: 200)),
                                    caller: .root)
        }
    }

    @Test("s3.amazonaws.com may invoke only for the bucket the permission names")
    func s3Invoke() throws {
        let test = try TestAccount()
        try test.helloFunction()
        expectEngineError("AccessDenied", 403, "lambda:InvokeFunction") {
            try test.functions.prepareInvocation("hello", caller: Self.s3, sourceARN: Self.bucketARN, sourceAccount: TestAccount.accountID)
        }
        _ = try Self.allowS3(test)
        let plan = try test.functions.prepareInvocation("hello", caller: Self.s3, sourceARN: Self.bucketARN,
                                                        sourceAccount: TestAccount.accountID)
        #expect(plan.configuration.functionName == "hello")
        #expect(plan.code == ["app.py": FunctionFixture.handlerSource])
        expectEngineError("AccessDenied", 403, "lambda:InvokeFunction") {
            try test.functions.prepareInvocation("hello", caller: Self.s3, sourceARN: "arn:aws:s3:::other-bucket",
                                                 sourceAccount: TestAccount.accountID)
        }
        expectEngineError("AccessDenied", 403) {
            try test.functions.prepareInvocation("hello", caller: Caller(identity: .service("sns.amazonaws.com")),
                                                 sourceARN: Self.bucketARN, sourceAccount: TestAccount.accountID)
        }
        expectEngineError("AccessDenied", 403) {
            try test.functions.prepareInvocation("hello", caller: Self.s3, sourceARN: Self.bucketARN, sourceAccount: "999999999999")
        }
    }

    @Test("a user invokes with an identity policy; the root always may")
    func userInvoke() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let user = try test.user("caller", policies: [IAMDoc.allow("lambda:InvokeFunction", on: [FunctionFixture.functionARN])])
        _ = try test.functions.prepareInvocation("hello", caller: user)
        _ = try test.functions.prepareInvocation("hello", caller: .root)
        let other = try test.user("other")
        expectEngineError("AccessDenied", 403, "user/other is not authorized to perform: lambda:InvokeFunction") {
            try test.functions.prepareInvocation("hello", caller: other)
        }
    }

    @Test("a permission on version 1 applies to version 1 only")
    func qualifiedPermission() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.publishVersion("hello", caller: .root)
        _ = try test.functions.addPermission(function: "hello", FunctionPermission(statementID: "v1", principal: "s3.amazonaws.com"),
                                             qualifier: "1", caller: .root)
        #expect(try test.functions.getPolicy(function: "hello", qualifier: "1", caller: .root).policy.contains("function:hello:1"))
        _ = try test.functions.prepareInvocation("hello", qualifier: "1", caller: Self.s3)
        expectEngineError("AccessDenied", 403) { try test.functions.prepareInvocation("hello", caller: Self.s3) }
        expectEngineError("ResourceNotFoundException", 404, "function:hello:2") {
            try test.functions.addPermission(function: "hello", FunctionPermission(statementID: "v2", principal: "*"), qualifier: "2", caller: .root)
        }
    }
}
