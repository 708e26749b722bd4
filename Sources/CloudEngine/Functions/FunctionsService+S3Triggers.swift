import Foundation
import GRDB

/// A bucket's event notification rule that invokes a function: the Lambda console's S3 trigger.
public struct S3Trigger: Sendable, Equatable {
    public var bucket: String
    /// The rule's `Id` in the bucket's notification configuration.
    public var configurationID: String
    /// Event type patterns, e.g. `s3:ObjectCreated:*`.
    public var events: [String]
    public var prefix: String?
    public var suffix: String?

    public init(bucket: String, configurationID: String, events: [String], prefix: String? = nil, suffix: String? = nil) {
        self.bucket = bucket
        self.configurationID = configurationID
        self.events = events
        self.prefix = prefix
        self.suffix = suffix
    }

    init(bucket: String, rule: LambdaFunctionConfiguration) {
        self.init(bucket: bucket, configurationID: rule.id, events: rule.events, prefix: rule.prefix, suffix: rule.suffix)
    }
}

extension FunctionsService {
    // MARK: - S3 triggers

    /// The service principal S3 invokes functions as.
    public static let s3Principal = "s3.amazonaws.com"

    /// Every bucket notification rule that invokes this function (its unqualified or `$LATEST` ARN), in all
    /// buckets, by bucket then rule id. Authorized as `lambda:GetFunction`; each bucket's configuration is
    /// read as the caller (`s3:GetBucketNotification`), and a bucket the caller may not read is left out.
    public func s3Triggers(function: String, caller: Caller) throws -> [S3Trigger] {
        let name = try FunctionRules.reference(function, accountID: account.accountID, region: account.region, allowQualifier: false).name
        let storage = account.storage
        return try account.read { db in
            try account.authorize(caller, "lambda:GetFunction", functionARN(name), db: db)
            _ = try requireFunction(name, db)
            var triggers: [S3Trigger] = []
            for bucket in try String.fetchAll(db, sql: "SELECT name FROM buckets WHERE notification IS NOT NULL ORDER BY name") {
                do {
                    try account.authorize(caller, "s3:GetBucketNotification", storage.bucketARN(bucket), db: db)
                } catch let error as EngineError where error.code == "AccessDenied" {
                    continue
                }
                triggers += try storage.storedNotification(bucket: bucket, db: db).lambdaFunctionConfigurations
                    .filter { invokes($0, name) }
                    .map { S3Trigger(bucket: bucket, rule: $0) }
            }
            return triggers.sorted { ($0.bucket, $0.configurationID) < ($1.bucket, $1.configurationID) }
        }
    }

    /// Adds an S3 trigger as the Lambda console does, in two calls made as the caller:
    ///
    /// 1. AddPermission: `s3.amazonaws.com` may invoke the function with `AWS:SourceArn` the bucket and
    ///    `AWS:SourceAccount` this account (statement id `lambda-UUID`), unless the function policy already
    ///    lets S3 invoke it for this bucket.
    /// 2. The bucket's notification configuration with one more rule (a new UUID as its id), saved with
    ///    PutBucketNotificationConfiguration, which refuses overlapping rules.
    ///
    /// When step 2 fails, the statement step 1 added is removed and step 2's error is thrown as it was.
    /// `events` are S3 event types (`s3:ObjectCreated:*`, ...); an empty prefix or suffix means none.
    /// The function must exist and the caller may read it (`lambda:GetFunction`).
    @discardableResult
    public func addS3Trigger(function: String, bucket: String, events: [String], prefix: String?, suffix: String?,
                             caller: Caller) throws -> S3Trigger {
        let name = try FunctionRules.reference(function, accountID: account.accountID, region: account.region, allowQualifier: false).name
        let storage = account.storage
        var uniqueEvents: [String] = []
        for event in events where !uniqueEvents.contains(event) { uniqueEvents.append(event) }
        let rule = LambdaFunctionConfiguration(id: account.ids.uuid(), functionARN: functionARN(name), events: uniqueEvents,
                                               prefix: prefix.flatMap { $0.isEmpty ? nil : $0 },
                                               suffix: suffix.flatMap { $0.isEmpty ? nil : $0 })
        try storage.validate(NotificationConfiguration(lambdaFunctionConfigurations: [rule]))
        let bucketARN = storage.bucketARN(bucket)
        let alreadyAllowed = try account.read { db -> Bool in
            try account.authorize(caller, "lambda:GetFunction", functionARN(name), db: db)
            _ = try requireFunction(name, db)
            _ = try storage.requireBucket(bucket, db)
            return try s3MayInvoke(name, bucketARN: bucketARN, db)
        }
        var addedStatementID: String?
        if !alreadyAllowed {
            let statementID = "lambda-" + account.ids.uuid()
            try addPermission(function: name, FunctionPermission(statementID: statementID, principal: Self.s3Principal,
                                                                 sourceARN: bucketARN, sourceAccount: account.accountID),
                              caller: caller)
            addedStatementID = statementID
        }
        do {
            var configuration = try storage.notificationConfiguration(bucket: bucket, caller: caller)
            configuration.lambdaFunctionConfigurations.append(rule)
            try storage.putNotificationConfiguration(bucket: bucket, configuration, caller: caller)
        } catch {
            if let addedStatementID { undo { try dropPermission(name, statementID: addedStatementID) } }
            throw error
        }
        return S3Trigger(bucket: bucket, rule: rule)
    }

    /// Removes the trigger: the bucket's notification rule `configurationID` that invokes this function,
    /// saved with PutBucketNotificationConfiguration as the caller. When no other rule of that bucket invokes
    /// the function, the statements `addS3Trigger` added for the bucket go too (RemovePermission as the caller,
    /// whose right to it is checked before anything changes).
    ///
    /// S3 has no call that deletes one rule, so there is no AWS error for a missing one; this throws S3's
    /// NoSuchConfiguration (404), the error its other per-id bucket configurations (analytics, inventory,
    /// metrics) give for an id the bucket does not have.
    public func removeS3Trigger(function: String, bucket: String, configurationID: String, caller: Caller) throws {
        let name = try FunctionRules.reference(function, accountID: account.accountID, region: account.region, allowQualifier: false).name
        let storage = account.storage
        var configuration = try storage.notificationConfiguration(bucket: bucket, caller: caller)
        guard let index = configuration.lambdaFunctionConfigurations.firstIndex(where: { $0.id == configurationID && invokes($0, name) })
        else {
            throw EngineError.noSuchConfiguration(
                "Bucket \(bucket) has no event notification with Id \(configurationID) that invokes function \(name).",
                resource: configurationID)
        }
        configuration.lambdaFunctionConfigurations.remove(at: index)
        let stillInvoked = configuration.lambdaFunctionConfigurations.contains { invokes($0, name) }
        let statementIDs = stillInvoked ? [] : try account.read { db -> [String] in
            let found = try triggerStatementIDs(name, bucketARN: storage.bucketARN(bucket), db)
            if !found.isEmpty { try account.authorize(caller, "lambda:RemovePermission", functionARN(name), db: db) }
            return found
        }
        try storage.putNotificationConfiguration(bucket: bucket, configuration, caller: caller)
        for statementID in statementIDs {
            do {
                try removePermission(function: name, statementID: statementID, caller: caller)
            } catch let error as EngineError where error.code == "ResourceNotFoundException" {
                // Removed meanwhile (or the function was deleted): nothing left to do.
            }
        }
    }

    // MARK: - Helpers

    /// Whether the rule invokes the function's unqualified or `$LATEST` ARN.
    func invokes(_ rule: LambdaFunctionConfiguration, _ name: String) -> Bool {
        rule.functionARN == functionARN(name) || rule.functionARN == functionARN(name, Self.latest)
    }

    /// Whether the function policy already lets S3 invoke the function for events of `bucketARN`: the
    /// decision the event dispatcher's call will get.
    func s3MayInvoke(_ name: String, bucketARN: String, _ db: Database) throws -> Bool {
        do {
            try account.authorize(Caller(identity: .service(Self.s3Principal)), "lambda:InvokeFunction", functionARN(name),
                                  context: ["aws:SourceArn": [bucketARN], "aws:SourceAccount": [account.accountID]], db: db)
            return true
        } catch let error as EngineError where error.code == "AccessDenied" {
            return false
        }
    }

    /// The ids of the statements `addS3Trigger` adds for `bucketARN`: `lambda-…`, letting `s3.amazonaws.com`
    /// invoke with that SourceArn and this account as SourceAccount.
    func triggerStatementIDs(_ name: String, bucketARN: String, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT sid, statement FROM function_permissions WHERE function_name = ? AND qualifier = '' ORDER BY id",
                         arguments: [name])
            .filter { row in
                let sid: String = row["sid"]
                let text: String = row["statement"]
                guard sid.hasPrefix("lambda-"),
                      let statement = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
                      let principal = statement["Principal"] as? [String: Any],
                      let condition = statement["Condition"] as? [String: Any]
                else { return false }
                let sourceARN = (condition["ArnLike"] as? [String: Any])?["AWS:SourceArn"] as? String
                let sourceAccount = (condition["StringEquals"] as? [String: Any])?["AWS:SourceAccount"] as? String
                return principal["Service"] as? String == Self.s3Principal
                    && statement["Action"] as? String == "lambda:InvokeFunction"
                    && sourceARN == bucketARN && sourceAccount == account.accountID
            }
            .map { $0["sid"] }
    }

    /// Removes a statement this engine added in a call that then failed (no caller: it is an undo).
    func dropPermission(_ name: String, statementID: String) throws {
        try account.write([.functions]) { db in
            try db.execute(sql: "DELETE FROM function_permissions WHERE function_name = ? AND qualifier = '' AND sid = ?",
                           arguments: [name, statementID])
            if db.changesCount > 0 { try bumpRevision(name, qualifier: "", db) }
        }
    }
}
