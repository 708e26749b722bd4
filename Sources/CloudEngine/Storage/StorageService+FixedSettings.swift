import Foundation
import GRDB

/// Bucket settings Overcast does not model but clients read (the aws CLI, the SDKs, Terraform's bucket refresh):
/// versioning never enabled, the owner's FULL_CONTROL ACL, SSE-S3, no tags, CORS, website, lifecycle and so on.
/// Each answer is still authorized with its IAM action, so a caller refused it sees AccessDenied as on S3.
extension StorageService {
    /// The read-only settings, by the query sub-resource that names them (`?versioning`).
    public enum FixedBucketSetting: String, Sendable, CaseIterable {
        case versioning, acl, encryption, accelerate, requestPayment, logging, ownershipControls
        case tagging, cors, website, lifecycle, replication, objectLock = "object-lock", publicAccessBlock

        /// The IAM action that reads it.
        public var action: String {
            switch self {
            case .versioning: "s3:GetBucketVersioning"
            case .acl: "s3:GetBucketAcl"
            case .encryption: "s3:GetEncryptionConfiguration"
            case .accelerate: "s3:GetAccelerateConfiguration"
            case .requestPayment: "s3:GetBucketRequestPayment"
            case .logging: "s3:GetBucketLogging"
            case .ownershipControls: "s3:GetBucketOwnershipControls"
            case .tagging: "s3:GetBucketTagging"
            case .cors: "s3:GetBucketCORS"
            case .website: "s3:GetBucketWebsite"
            case .lifecycle: "s3:GetLifecycleConfiguration"
            case .replication: "s3:GetReplicationConfiguration"
            case .objectLock: "s3:GetBucketObjectLockConfiguration"
            case .publicAccessBlock: "s3:GetBucketPublicAccessBlock"
            }
        }

        /// S3's error for a bucket that has none of the setting; nil for settings answered with their default.
        func absent(_ bucket: String) -> EngineError? {
            let (code, message): (String, String)
            switch self {
            case .versioning, .acl, .encryption, .accelerate, .requestPayment, .logging, .ownershipControls: return nil
            case .tagging: (code, message) = ("NoSuchTagSet", "The TagSet does not exist")
            case .cors: (code, message) = ("NoSuchCORSConfiguration", "The CORS configuration does not exist")
            case .website: (code, message) = ("NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration")
            case .lifecycle: (code, message) = ("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")
            case .replication: (code, message) = ("ReplicationConfigurationNotFoundError", "The replication configuration was not found")
            case .objectLock: (code, message) = ("ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket")
            case .publicAccessBlock:
                (code, message) = ("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
            }
            return EngineError(code: code, httpStatus: 404, message: message, resource: bucket)
        }
    }

    /// Authorizes reading `setting` of `bucket` (NoSuchBucket, AccessDenied), then throws S3's "not configured"
    /// error for settings a bucket here never has (NoSuchTagSet, NoSuchCORSConfiguration, …).
    public func readFixedSetting(_ setting: FixedBucketSetting, bucket: String, caller: Caller) throws {
        try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, setting.action, bucketARN(bucket), db: db)
        }
        if let absent = setting.absent(bucket) { throw absent }
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
