import Foundation
import GRDB

/// Writes S3 object events to the outbox, inside the transaction that changed the object, so an
/// event exists exactly when its change committed. `S3EventDispatcher` delivers them.
enum S3EventOutbox {
    /// Records `event` on `bucket`/`key` for every notification rule of the bucket that matches it
    /// (event type and prefix/suffix filter): one outbox row per rule, each naming its function.
    /// A bucket without matching rules writes nothing. Call it inside the object change's transaction.
    static func record(db: Database, account: Account, caller: Caller, bucket: String, key: String,
                       size: Int64?, etag: String?, event: S3ObjectEvent) throws {
        let configuration = try account.storage.storedNotification(bucket: bucket, db: db)
        let rules = configuration.lambdaFunctionConfigurations.filter { $0.matches(eventName: event.rawValue, key: key) }
        guard !rules.isEmpty else { return }
        let now = account.clock.now()
        let sequencer = try nextSequencer(now: now, db: db)
        let requestID = account.ids.hex(16).uppercased()
        let hostID = Data(account.ids.randomBytes(57)).base64EncodedString()
        let owner = S3EventFormat.ownerID(accountID: account.accountID)
        let bucketARN = "arn:aws:s3:::\(bucket)"
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event_outbox(created_at, event, function_arn, bucket_arn, attempts, next_attempt_at, state)
            VALUES (?, ?, ?, ?, 0, ?, 'pending')
            """)
        for rule in rules {
            let record = S3EventRecord(
                eventVersion: "2.1", eventSource: "aws:s3", awsRegion: account.region,
                eventTime: S3EventFormat.timestamp(now), eventName: event.rawValue,
                userIdentity: .init(principalId: S3EventFormat.principalID(caller, accountID: account.accountID)),
                requestParameters: .init(sourceIPAddress: caller.sourceIP ?? "127.0.0.1"),
                responseElements: .init(requestID: requestID, hostID: hostID),
                s3: .init(s3SchemaVersion: "1.0", configurationId: rule.id,
                          bucket: .init(name: bucket, ownerIdentity: .init(principalId: owner), arn: bucketARN),
                          object: .init(key: S3EventFormat.encodeKey(key),
                                        size: event == .delete ? nil : size,
                                        eTag: event == .delete ? nil : etag,
                                        sequencer: sequencer)))
            let json = String(decoding: try S3EventNotification(records: [record]).jsonData(), as: UTF8.self)
            try statement.execute(arguments: [now.timeIntervalSince1970, json, rule.functionARN, bucketARN,
                                              now.timeIntervalSince1970])
        }
    }

    /// A hexadecimal sequencer that only grows (per key, and in fact across the account): the clock
    /// in microseconds, or one more than the last one when the clock has not moved.
    static func nextSequencer(now: Date, db: Database) throws -> String {
        let micros = Int64(now.timeIntervalSince1970 * 1_000_000)
        let last = try Int64.fetchOne(db, sql: "SELECT value FROM event_sequence WHERE singleton = 1") ?? 0
        let value = max(micros, last + 1)
        try db.execute(sql: "INSERT INTO event_sequence(singleton, value) VALUES (1, ?) ON CONFLICT(singleton) DO UPDATE SET value = excluded.value",
                       arguments: [value])
        return String(format: "%016llX", UInt64(value))
    }
}
