import Foundation
import GRDB
import Testing
@testable import CloudEngine

enum EventsFixture {
    static func functionARN(_ name: String) -> String { "arn:aws:lambda:us-east-1:\(TestAccount.accountID):function:\(name)" }

    /// Prints the event name and key of each record, so the log shows what arrived.
    static let printKeySource = """
        def handler(event, context):
            for record in event["Records"]:
                print("got", record["eventName"], record["s3"]["object"]["key"])
            return "ok"
        """
}

extension TestAccount {
    var events: S3EventDispatcher { account.events }

    /// A bucket whose notification configuration is `rules`.
    func notifyingBucket(_ name: String, _ rules: [LambdaFunctionConfiguration]) throws {
        _ = try storage.createBucket(name, caller: .root)
        try storage.putNotificationConfiguration(bucket: name, NotificationConfiguration(lambdaFunctionConfigurations: rules),
                                                 caller: .root)
    }

    /// Lets S3 invoke `function` on behalf of `bucket` (AddPermission with SourceArn and SourceAccount).
    func allowS3(_ function: String, bucket: String) throws {
        try functions.addPermission(function: function, FunctionPermission(
            statementID: "s3-\(bucket)", principal: "s3.amazonaws.com", sourceARN: "arn:aws:s3:::\(bucket)",
            sourceAccount: TestAccount.accountID), caller: .root)
    }

    /// The outbox rows, oldest first.
    func outbox() throws -> [S3EventDelivery] {
        try account.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event_outbox ORDER BY id").map(S3EventDelivery.init(row:))
        }
    }

    /// The first record of an outbox row's event, as parsed JSON.
    func eventRecord(_ delivery: S3EventDelivery) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(delivery.event.utf8)) as? [String: Any])
        let records = try #require(object["Records"] as? [[String: Any]])
        #expect(records.count == 1)
        return try #require(records.first)
    }

    /// All log messages of `/aws/lambda/NAME`, across streams.
    func allLogMessages(function name: String) throws -> [String] {
        try functions.invocations(function: name, caller: .root).compactMap(\.logStreamName).reduce(into: Set<String>()) { $0.insert($1) }
            .flatMap { try logMessages(function: name, stream: $0) }
    }
}
