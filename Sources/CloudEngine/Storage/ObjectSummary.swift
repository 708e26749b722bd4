import Foundation

/// One object in a listing: what ListObjectsV2 returns under `Contents`.
public struct ObjectSummary: Sendable, Equatable {
    public let key: String
    public let size: Int64
    public let etag: String
    public let storageClass: String
    public let lastModified: Date

    public init(key: String, size: Int64, etag: String, storageClass: String, lastModified: Date) {
        self.key = key
        self.size = size
        self.etag = etag
        self.storageClass = storageClass
        self.lastModified = lastModified
    }
}
