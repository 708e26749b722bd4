import Foundation
import Testing
@testable import CloudEngine

/// Scene-setting for the invoke tests: roles with and without the logs actions, and small handlers.
enum InvokeFixture {
    static let helloSource = """
        import json

        def handler(event, context):
            print("hello from", context.function_name)
            print("second line")
            return {"message": "hello " + event.get("name", "world")}
        """

    static let failingSource = """
        def handler(event, context):
            print("about to fail")
            raise ValueError("boom")
        """

    static let sleepySource = """
        import time

        def handler(event, context):
            time.sleep(30)
            return "never"
        """

    static func roleARN(_ name: String) -> String { "arn:aws:iam::\(TestAccount.accountID):role/\(name)" }
}

extension TestAccount {
    /// A role trusting Lambda; with `logging`, it has AWSLambdaBasicExecutionRole attached.
    func executionRole(_ name: String, logging: Bool) throws {
        try role(name, trust: IAMDoc.trustLambda, attach: logging ? [IAMDoc.lambdaBasic] : [])
    }

    /// Creates function `name` with `app.py` = `source` (handler `app.handler`) as the root.
    @discardableResult
    func function(_ name: String, source: String, logging: Bool = true, timeout: Int = 3) throws -> FunctionConfiguration {
        let roleName = logging ? "exec-logs" : "exec-bare"
        if (try? iam.role(roleName, caller: .root)) == nil { try executionRole(roleName, logging: logging) }
        return try functions.createFunction(name, runtime: "python3.12", handler: "app.handler", role: InvokeFixture.roleARN(roleName),
                                            code: .files(["app.py": Data(source.utf8)]), timeout: timeout, caller: .root)
    }

    /// The messages of a stream in `/aws/lambda/NAME`, oldest first.
    func logMessages(function name: String, stream: String) throws -> [String] {
        try logs.getLogEvents(group: "/aws/lambda/\(name)", stream: stream, startFromHead: true, caller: .root).events.map(\.message)
    }

    /// Waits for Event invocations, then removes the extracted code of this account's functions.
    func removeCodeCache() {
        account.functionRuntime.drainAsyncInvocations()
        try? FileManager.default.removeItem(atPath: functions.codeCacheDirectory)
    }

    func logGroupNames(prefix: String = "/aws/lambda/") throws -> [String] {
        try logs.describeLogGroups(prefix: prefix, caller: .root).items.map(\.name)
    }
}

extension InvocationResponse {
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: payload)) as? [String: Any] }
    var tail: String { String(decoding: Data(base64Encoded: logResult ?? "") ?? Data(), as: UTF8.self) }
}
