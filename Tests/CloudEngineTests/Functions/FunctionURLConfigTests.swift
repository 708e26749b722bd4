import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: URL configurations")
struct FunctionURLConfigTests {
    @Test("a function has one URL: created with a 32-character id, read, updated, listed, and gone with the function")
    func lifecycle() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let created = try test.functions.createFunctionURLConfig(function: "hello", authType: "NONE", caller: .root)
        #expect(created.urlID.count == 32)
        #expect(created.urlID.allSatisfy { $0.isLowercase || $0.isNumber })
        #expect(created.functionARN == FunctionFixture.functionARN)
        #expect(created.invokeMode == "BUFFERED")
        expectEngineError("ResourceConflictException", 409, "FunctionUrlConfig exists for this Lambda function") {
            try test.functions.createFunctionURLConfig(function: "hello", authType: "NONE", caller: .root)
        }
        let updated = try test.functions.updateFunctionURLConfig(function: "hello", authType: "AWS_IAM", cors: #"{"AllowOrigins":["*"]}"#,
                                                                 caller: .root)
        #expect(updated.authType == "AWS_IAM")
        #expect(updated.urlID == created.urlID)
        #expect(try test.functions.getFunctionURLConfig(function: "hello", caller: .root).cors == #"{"AllowOrigins":["*"]}"#)
        #expect(try test.functions.listFunctionURLConfigs(function: "hello", caller: .root).count == 1)
        try test.functions.deleteFunction("hello", caller: .root)
        try test.helloFunction()
        expectEngineError("ResourceNotFoundException", 404, "The resource you requested does not exist.") {
            try test.functions.getFunctionURLConfig(function: "hello", caller: .root)
        }
        expectEngineError("ResourceNotFoundException", 404, "Not Found") {
            try test.functions.invokeFunctionURL(created.urlID, event: Data("{}".utf8), caller: nil)
        }
    }

    @Test("bad settings are ValidationException; a version qualifier has no URL; the caller needs the URL actions")
    func refusals() throws {
        let test = try TestAccount()
        try test.helloFunction()
        expectEngineError("ValidationException", 400, "Value 'OPEN' at 'authType'", "[NONE, AWS_IAM]") {
            try test.functions.createFunctionURLConfig(function: "hello", authType: "OPEN", caller: .root)
        }
        expectEngineError("ResourceNotFoundException", 404, "Function not found: \(FunctionFixture.functionARN):1") {
            try test.functions.createFunctionURLConfig(function: "hello", qualifier: "1", authType: "NONE", caller: .root)
        }
        let user = try test.user("dev")
        expectEngineError("AccessDenied", 403, "lambda:CreateFunctionUrlConfig") {
            try test.functions.createFunctionURLConfig(function: "hello", authType: "NONE", caller: user)
        }
    }

    @Test("a NONE URL is Forbidden until the function policy allows lambda:InvokeFunctionUrl to everyone; AWS_IAM wants a signed caller")
    func invocationAuthorization() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let url = try test.functions.createFunctionURLConfig(function: "hello", authType: "NONE", caller: .root)
        expectEngineError("AccessDeniedException", 403, "Forbidden") {
            try test.functions.invokeFunctionURL(url.urlID, event: Data("{}".utf8), caller: nil)
        }
        let statement = try test.functions.addPermission(
            function: "hello", FunctionPermission(statementID: "url", action: "lambda:InvokeFunctionUrl", principal: "*",
                                                  functionURLAuthType: "NONE"), caller: .root)
        #expect(statement.contains(#""Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}"#))
        try test.functions.updateFunctionURLConfig(function: "hello", authType: "AWS_IAM", caller: .root)
        // The public statement is for NONE URLs only, and an AWS_IAM URL wants a caller.
        expectEngineError("AccessDeniedException", 403, "Forbidden") {
            try test.functions.invokeFunctionURL(url.urlID, event: Data("{}".utf8), caller: nil)
        }
        let other = try test.user("other")
        expectEngineError("AccessDenied", 403, "lambda:InvokeFunctionUrl") {
            try test.functions.invokeFunctionURL(url.urlID, event: Data("{}".utf8), caller: other)
        }
    }
}
