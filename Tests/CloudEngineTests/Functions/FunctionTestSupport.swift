import Foundation
import Testing
@testable import CloudEngine

/// Scene-setting for the Functions tests: an execution role Lambda may assume, and a small function.
enum FunctionFixture {
    static let roleARN = "arn:aws:iam::123456789012:role/lambda-exec"
    static let functionARN = "arn:aws:lambda:us-east-1:123456789012:function:hello"
    static let handlerSource = Data("def handler(event, context):\n    return {'ok': True}\n".utf8)
    static let code = FunctionCode.files(["app.py": handlerSource])
}

extension TestAccount {
    var functions: FunctionsService { account.functions }

    /// `lambda-exec`, trusting lambda.amazonaws.com.
    @discardableResult
    func lambdaRole(_ name: String = "lambda-exec") throws -> IAMRole {
        try role(name, trust: IAMDoc.trustLambda)
    }

    /// Creates the role and function `hello` (app.handler, python3.12) as the root.
    @discardableResult
    func helloFunction(_ name: String = "hello", environment: [String: String] = [:], layers: [String] = [],
                       code: FunctionCode = FunctionFixture.code) throws -> FunctionConfiguration {
        if (try? iam.role("lambda-exec", caller: .root)) == nil { try lambdaRole() }
        return try functions.createFunction(name, runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                            code: code, environment: environment, layers: layers, caller: .root)
    }
}
