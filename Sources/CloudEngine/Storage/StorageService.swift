import Foundation
import GRDB

/// S3 in the account: buckets, objects, listings and bucket configuration.
///
/// Every method takes the caller and is authorized inside the transaction that does the work.
public struct StorageService: Sendable {
    let account: Account

    /// Chunk size of stored bodies; a body of up to `inlineLimit` bytes is written in one transaction.
    static let chunkSize = 1 << 20
    static let inlineLimit = 8 << 20

    // MARK: - Buckets

    /// CreateBucket. Fails with InvalidBucketName (naming the rule) or BucketAlreadyOwnedByYou.
    @discardableResult
    public func createBucket(_ name: String, region: String? = nil, caller: Caller) throws -> Bucket {
        if let rule = BucketName.violation(name) { throw EngineError.invalidBucketName(name, rule: rule) }
        let now = account.clock.now()
        let bucketRegion = region ?? account.region
        guard bucketRegion == account.region || AWSRegion.isKnown(bucketRegion) else {
            throw EngineError(code: "InvalidLocationConstraint", httpStatus: 400,
                              message: "The specified location-constraint is not valid: \(bucketRegion) is not an AWS Region.",
                              resource: name)
        }
        return try account.write([.buckets]) { db in
            try account.authorize(caller, "s3:CreateBucket", bucketARN(name), db: db)
            if try bucketExists(name, db) { throw EngineError.bucketAlreadyOwnedByYou(name) }
            try db.execute(sql: "INSERT INTO buckets(name, region, created_at) VALUES (?, ?, ?)",
                           arguments: [name, bucketRegion, now.timeIntervalSince1970])
            return Bucket(name: name, region: bucketRegion, createdAt: now, objectCount: 0, totalSize: 0)
        }
    }

    /// DeleteBucket. Refuses a bucket that still holds objects (BucketNotEmpty).
    public func deleteBucket(_ name: String, caller: Caller) throws {
        try account.write([.buckets]) { db in
            let bucket = try requireBucket(name, db)
            try account.authorize(caller, "s3:DeleteBucket", bucketARN(name), db: db)
            if bucket.objectCount > 0 { throw EngineError.bucketNotEmpty(name, objectCount: bucket.objectCount) }
            try db.execute(sql: "DELETE FROM buckets WHERE name = ?", arguments: [name])
        }
    }

    /// HeadBucket (authorized as `s3:ListBucket`, as AWS does).
    public func headBucket(_ name: String, caller: Caller) throws -> Bucket {
        try account.read { db in
            let bucket = try requireBucket(name, db)
            try account.authorize(caller, "s3:ListBucket", bucketARN(name), db: db)
            return bucket
        }
    }

    /// ListBuckets, by name.
    public func listBuckets(caller: Caller) throws -> [Bucket] {
        try account.read { db in
            try account.authorize(caller, "s3:ListAllMyBuckets", "*", db: db)
            return try Row.fetchAll(db, sql: "SELECT * FROM buckets ORDER BY name").map(Self.bucket(from:))
        }
    }

    // MARK: - Shared helpers

    func bucketARN(_ name: String) -> String { "arn:aws:s3:::\(name)" }
    func objectARN(_ bucket: String, _ key: String) -> String { "arn:aws:s3:::\(bucket)/\(key)" }

    func bucketExists(_ name: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM buckets WHERE name = ?", arguments: [name]) ?? false
    }

    func requireBucket(_ name: String, _ db: Database) throws -> Bucket {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM buckets WHERE name = ?"), arguments: [name]) else {
            throw EngineError.noSuchBucket(name)
        }
        return Self.bucket(from: row)
    }

    static func bucket(from row: Row) -> Bucket {
        Bucket(name: row["name"], region: row["region"],
               createdAt: Date(timeIntervalSince1970: row["created_at"]),
               objectCount: row["object_count"], totalSize: row["total_size"])
    }
}
