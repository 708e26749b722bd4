import Foundation

/// An object's metadata: everything HeadObject answers.
public struct ObjectInfo: Sendable, Equatable {
    public let bucket: String
    public let key: String
    public let size: Int64
    /// The MD5 of the body in lowercase hex, without the quotes S3 wraps it in.
    public let etag: String
    public let contentType: String
    /// User metadata (`x-amz-meta-*`), names lowercased as S3 stores them.
    public let metadata: [String: String]
    /// Other system headers kept with the object (Cache-Control, Content-Encoding, ...).
    public let headers: [String: String]
    public let storageClass: String
    public let lastModified: Date

    public init(bucket: String, key: String, size: Int64, etag: String, contentType: String,
                metadata: [String: String], headers: [String: String], storageClass: String, lastModified: Date) {
        self.bucket = bucket
        self.key = key
        self.size = size
        self.etag = etag
        self.contentType = contentType
        self.metadata = metadata
        self.headers = headers
        self.storageClass = storageClass
        self.lastModified = lastModified
    }

    /// The ETag as S3 sends it, in double quotes.
    public var quotedETag: String { "\"\(etag)\"" }
    public var arn: String { "arn:aws:s3:::\(bucket)/\(key)" }
    public var s3URI: String { "s3://\(bucket)/\(key)" }

    /// The storage classes S3 accepts on PutObject.
    public static let storageClasses: Set<String> = [
        "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
        "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_IR", "SNOW", "EXPRESS_ONEZONE",
    ]
}
