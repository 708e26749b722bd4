import Foundation
import GRDB

/// A row of `multipart_uploads`.
struct MultipartUploadRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "multipart_uploads"

    var id: Int64?
    var uploadID: String
    var bucket: String
    /// The key's UTF-8 bytes, so uploads sort as S3 sorts keys.
    var key: Data
    var contentType: String
    var metadata: String
    var headers: String
    var storageClass: String
    var checksumAlgorithm: String?
    var initiatorARN: String
    var initiatorID: String
    var initiatedAt: Double

    enum CodingKeys: String, CodingKey {
        case id, bucket, key, metadata, headers
        case uploadID = "upload_id"
        case contentType = "content_type"
        case storageClass = "storage_class"
        case checksumAlgorithm = "checksum_algorithm"
        case initiatorARN = "initiator_arn"
        case initiatorID = "initiator_id"
        case initiatedAt = "initiated_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var keyText: String { ObjectKey.string(key) }

    var upload: MultipartUpload {
        MultipartUpload(bucket: bucket, key: keyText, uploadID: uploadID, initiatorARN: initiatorARN, initiatorID: initiatorID,
                        storageClass: storageClass, checksumAlgorithm: checksumAlgorithm,
                        initiated: Date(timeIntervalSince1970: initiatedAt))
    }
}

/// A row of `multipart_parts`.
struct MultipartPartRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "multipart_parts"

    var upload: Int64
    var partNumber: Int
    var size: Int64
    var etag: String
    /// `x-amz-checksum-*` headers the part came with, as JSON (name → base64 value).
    var checksums: String
    var lastModified: Double
    var bodyID: Int64?

    enum CodingKeys: String, CodingKey {
        case upload, size, etag, checksums
        case partNumber = "part_number"
        case lastModified = "last_modified"
        case bodyID = "body_id"
    }

    var part: UploadedPart {
        UploadedPart(partNumber: partNumber, size: size, etag: etag, checksums: ObjectMetadataInput.decode(checksums),
                     lastModified: Date(timeIntervalSince1970: lastModified))
    }
}
