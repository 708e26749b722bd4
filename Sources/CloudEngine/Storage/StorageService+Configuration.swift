import Foundation
import GRDB
import IAMPolicy

extension StorageService {
    // MARK: - Notifications

    /// PutBucketNotificationConfiguration. Refuses unknown event types, bad filters and overlapping rules, as S3 does.
    ///
    /// `checkingDestinations` also refuses rules whose function does not exist in the account, as S3 does
    /// ("Unable to validate the following destination configurations"). The endpoint always asks for it;
    /// in-process callers may set rules up before their functions.
    public func putNotificationConfiguration(bucket: String, _ configuration: NotificationConfiguration,
                                             checkingDestinations: Bool = false, caller: Caller) throws {
        try validate(configuration)
        let text = try String(decoding: JSONEncoder().encode(configuration), as: UTF8.self)
        try account.write([.buckets]) { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:PutBucketNotification", bucketARN(bucket), db: db)
            if checkingDestinations { try checkDestinations(configuration, db: db) }
            try db.execute(sql: "UPDATE buckets SET notification = ? WHERE name = ?",
                           arguments: [configuration.isEmpty ? nil : text, bucket])
        }
    }

    /// GetBucketNotificationConfiguration; an empty configuration when none is set.
    public func notificationConfiguration(bucket: String, caller: Caller) throws -> NotificationConfiguration {
        try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:GetBucketNotification", bucketARN(bucket), db: db)
            return try storedNotification(bucket: bucket, db: db)
        }
    }

    func storedNotification(bucket: String, db: Database) throws -> NotificationConfiguration {
        guard let text = try String.fetchOne(db, sql: "SELECT notification FROM buckets WHERE name = ?", arguments: [bucket]),
              let data = text.data(using: .utf8) else { return NotificationConfiguration() }
        return (try? JSONDecoder().decode(NotificationConfiguration.self, from: data)) ?? NotificationConfiguration()
    }

    /// What PutBucketNotificationConfiguration refuses: rules without events or with unknown ones,
    /// destinations that are not functions, repeated ids and overlapping rules (InvalidArgument).
    func validate(_ configuration: NotificationConfiguration) throws {
        var ids = Set<String>()
        for rule in configuration.lambdaFunctionConfigurations {
            if rule.events.isEmpty {
                throw EngineError.invalidArgument("Each notification configuration needs at least one event type.")
            }
            for event in rule.events where !S3EventNames.all.contains(event) {
                throw EngineError.invalidArgument("The event is not supported for notifications: \(event). Use one of \(S3EventNames.all.joined(separator: ", ")).")
            }
            if !rule.functionARN.hasPrefix("arn:aws:lambda:") {
                throw EngineError.invalidArgument("The destination ARN \(rule.functionARN) is not a Lambda function ARN.")
            }
            if !ids.insert(rule.id).inserted {
                throw EngineError.invalidArgument("Two notification configurations have the same Id: \(rule.id).")
            }
        }
        let rules = configuration.lambdaFunctionConfigurations
        for (index, first) in rules.enumerated() {
            for second in rules[(index + 1)...] where Self.overlap(first, second) {
                throw EngineError.invalidArgument("Configurations overlap. Configurations on the same bucket cannot share a common event type (\(first.id) and \(second.id)).")
            }
        }
    }

    /// InvalidArgument naming the first rule whose function is not in this account.
    func checkDestinations(_ configuration: NotificationConfiguration, db: Database) throws {
        for rule in configuration.lambdaFunctionConfigurations {
            // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
            let parts = rule.functionARN.split(separator: ":", omittingEmptySubsequences: false)
            let exists = try parts.count >= 7 && parts[4] == account.accountID && parts[5] == "function"
                && (Bool.fetchOne(db, sql: "SELECT 1 FROM functions WHERE name = ?", arguments: [String(parts[6])]) ?? false)
            if !exists {
                throw EngineError.invalidArgument("Unable to validate the following destination configurations: \(rule.functionARN) (no such function in account \(account.accountID)).",
                                                  resource: rule.functionARN)
            }
        }
    }

    /// S3's rule: two configurations overlap when they share an event type and their prefix and suffix filters can both match one key.
    static func overlap(_ a: LambdaFunctionConfiguration, _ b: LambdaFunctionConfiguration) -> Bool {
        let sharesEvent = a.events.contains { x in b.events.contains { y in S3EventNames.overlap(x, y) } }
        guard sharesEvent else { return false }
        let prefixesOverlap = { (x: String?, y: String?) -> Bool in
            guard let x, let y, !x.isEmpty, !y.isEmpty else { return true }
            return x.hasPrefix(y) || y.hasPrefix(x)
        }
        let suffixesOverlap = { (x: String?, y: String?) -> Bool in
            guard let x, let y, !x.isEmpty, !y.isEmpty else { return true }
            return x.hasSuffix(y) || y.hasSuffix(x)
        }
        return prefixesOverlap(a.prefix, b.prefix) && suffixesOverlap(a.suffix, b.suffix)
    }

    // MARK: - Bucket policy

    /// PutBucketPolicy. The document must be JSON with a Statement; the IAM evaluator reads it on every call.
    public func putBucketPolicy(bucket: String, policy: String, caller: Caller) throws {
        try BucketPolicyCheck.validate(policy, bucket: bucket)
        try account.write([.buckets]) { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:PutBucketPolicy", bucketARN(bucket), db: db)
            try db.execute(sql: "UPDATE buckets SET policy = ? WHERE name = ?", arguments: [policy, bucket])
        }
    }

    /// GetBucketPolicy; NoSuchBucketPolicy when none is set.
    public func bucketPolicy(bucket: String, caller: Caller) throws -> String {
        try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:GetBucketPolicy", bucketARN(bucket), db: db)
            guard let policy = try String.fetchOne(db, sql: "SELECT policy FROM buckets WHERE name = ?", arguments: [bucket]) else {
                throw EngineError.noSuchBucketPolicy(bucket)
            }
            return policy
        }
    }

    /// GetBucketPolicyStatus: whether the bucket policy grants anything to everyone (`"*"`) without a condition.
    public func bucketPolicyIsPublic(bucket: String, caller: Caller) throws -> Bool {
        try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:GetBucketPolicyStatus", bucketARN(bucket), db: db)
            guard let policy = try String.fetchOne(db, sql: "SELECT policy FROM buckets WHERE name = ?", arguments: [bucket]) else {
                throw EngineError.noSuchBucketPolicy(bucket)
            }
            guard let document = try? PolicyDocument(parsing: policy, kind: .resource) else { return false }
            return document.statements.contains { statement in
                guard statement.effect == .allow, statement.conditions.isEmpty, let principal = statement.principal,
                      !principal.isNegated else { return false }
                return principal.isWildcard || principal.aws.contains("*")
            }
        }
    }

    /// DeleteBucketPolicy; succeeds when there is none, as S3 does.
    public func deleteBucketPolicy(bucket: String, caller: Caller) throws {
        try account.write([.buckets]) { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:DeleteBucketPolicy", bucketARN(bucket), db: db)
            try db.execute(sql: "UPDATE buckets SET policy = NULL WHERE name = ?", arguments: [bucket])
        }
    }
}

/// The checks S3 makes on a bucket policy: its size, then the IAM policy grammar for resource policies.
enum BucketPolicyCheck {
    /// S3 limits a bucket policy to 20 KB.
    static let maxBytes = 20 * 1024

    static func validate(_ policy: String, bucket: String) throws {
        if policy.utf8.count > maxBytes {
            throw EngineError(code: "PolicyTooLarge", httpStatus: 400,
                              message: "Policies must be less than 20 KB (this one is \(policy.utf8.count) bytes).")
        }
        let document: PolicyDocument
        do {
            document = try PolicyDocument(parsing: policy, kind: .resource)
        } catch {
            throw EngineError.malformedPolicy(error.message)
        }
        // S3 refuses a statement whose resources are all outside the bucket.
        for statement in document.statements {
            guard let element = statement.resources, !element.isNegated else { continue }
            let patterns = element.patterns
            let inBucket = patterns.contains { covers(bucket: bucket, pattern: $0) }
            if !inBucket {
                throw EngineError.malformedPolicy("Policy has invalid resource: \(patterns.joined(separator: ", ")) is not in bucket \(bucket)")
            }
        }
    }

    /// Whether an ARN pattern can name the bucket or something in it.
    static func covers(bucket: String, pattern: String) -> Bool {
        let bucketARN = "arn:aws:s3:::" + bucket
        if pattern == "*" || pattern == bucketARN || pattern.hasPrefix(bucketARN + "/") { return true }
        return pattern.hasPrefix("arn:aws:s3:::") && pattern.contains("*")
    }
}
