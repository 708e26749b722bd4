import Foundation

/// A bucket as the console and the API list it.
public struct Bucket: Sendable, Equatable {
    public let name: String
    public let region: String
    public let createdAt: Date
    public let objectCount: Int
    public let totalSize: Int64

    public init(name: String, region: String, createdAt: Date, objectCount: Int, totalSize: Int64) {
        self.name = name
        self.region = region
        self.createdAt = createdAt
        self.objectCount = objectCount
        self.totalSize = totalSize
    }

    public var arn: String { "arn:aws:s3:::\(name)" }
}
