import Foundation
import GRDB

/// Bucket and object settings Overcast does not model but clients ask about (the aws CLI and the SDKs read them
/// before or after other calls): versioning never enabled, the owner's FULL_CONTROL ACL, no tags, SSE-S3.
/// Each answer is still authorized with its IAM action, so a caller refused it sees AccessDenied as on S3.
extension StorageService {
    /// The read-only settings and their IAM actions.
    public enum FixedBucketSetting: String, Sendable {
        case versioning = "s3:GetBucketVersioning"
        case acl = "s3:GetBucketAcl"
        case tagging = "s3:GetBucketTagging"
        case encryption = "s3:GetEncryptionConfiguration"
    }

    /// Authorizes reading `setting` of `bucket` (NoSuchBucket, AccessDenied); for tagging, NoSuchTagSet follows,
    /// since a bucket never has tags here.
    public func readFixedSetting(_ setting: FixedBucketSetting, bucket: String, caller: Caller) throws {
        try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, setting.rawValue, bucketARN(bucket), db: db)
        }
        if setting == .tagging {
            throw EngineError(code: "NoSuchTagSet", httpStatus: 404, message: "The TagSet does not exist", resource: bucket)
        }
    }

    /// GetObjectAcl: authorized as `s3:GetObjectAcl`; NoSuchKey when the object is missing.
    public func readObjectACL(bucket: String, key: String, caller: Caller) throws {
        try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:GetObjectAcl", objectARN(bucket, key), db: db)
            guard try objectInfo(bucket: bucket, key: key, db: db) != nil else { throw EngineError.noSuchKey(bucket: bucket, key: key) }
        }
    }
}
