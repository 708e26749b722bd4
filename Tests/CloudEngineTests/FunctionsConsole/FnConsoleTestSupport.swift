import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// Scene-setting for the tests of the Functions panel's engine calls.
enum FnConsoleFixture {
    static let accountID = TestAccount.accountID

    static func functionARN(_ name: String, _ qualifier: String? = nil) -> String {
        "arn:aws:lambda:us-east-1:\(accountID):function:\(name)" + (qualifier.map { ":\($0)" } ?? "")
    }

    /// An invocation record of `function` started at `date`.
    static func record(_ requestID: String, function: String, at date: Date, status: InvocationStatus = .success) -> InvocationRecord {
        InvocationRecord(requestID: requestID, functionName: function, startedAt: date, durationMs: 3.5, billedDurationMs: 4,
                         memorySize: 128, maxMemoryUsedMB: 30, status: status, payloadPreview: "{}", responsePreview: "null")
    }
}

extension TestAccount {
    /// The version of a `change_counters` row, to see that a write announced its topic.
    func changeCount(_ topic: ChangeTopic) throws -> Int {
        try account.read { db in
            try Int.fetchOne(db, sql: "SELECT version FROM change_counters WHERE topic = ?", arguments: [topic.rawValue]) ?? 0
        }
    }

    /// The statements of a function's policy as parsed JSON; empty when it has none.
    func policyStatements(_ function: String) throws -> [[String: Any]] {
        let policy: FunctionPolicy
        do {
            policy = try functions.getPolicy(function: function, caller: .root)
        } catch let error as EngineError where error.code == "ResourceNotFoundException" {
            return []
        }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(policy.policy.utf8)) as? [String: Any])
        return try #require(document["Statement"] as? [[String: Any]])
    }

    /// The bucket's notification rules, read as the root.
    func rules(_ bucket: String) throws -> [LambdaFunctionConfiguration] {
        try storage.notificationConfiguration(bucket: bucket, caller: .root).lambdaFunctionConfigurations
    }
}
