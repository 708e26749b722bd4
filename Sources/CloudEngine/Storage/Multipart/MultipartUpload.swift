import Foundation

/// A multipart upload in progress, as ListMultipartUploads and ListParts describe it.
public struct MultipartUpload: Sendable, Equatable {
    public let bucket: String
    public let key: String
    public let uploadID: String
    /// Who created it: an ARN, and the id S3 shows as the initiator's `ID`.
    public let initiatorARN: String
    public let initiatorID: String
    public let storageClass: String
    /// The checksum algorithm CreateMultipartUpload named (`CRC32`, …), if any.
    public let checksumAlgorithm: String?
    public let initiated: Date
}

/// One uploaded part.
public struct UploadedPart: Sendable, Equatable {
    public let partNumber: Int
    public let size: Int64
    /// The part's MD5 in lowercase hex, without quotes.
    public let etag: String
    /// The `x-amz-checksum-*` headers it came with (name → value), given back by UploadPart and ListParts.
    public let checksums: [String: String]
    public let lastModified: Date
}

/// A part as CompleteMultipartUpload names it.
public struct CompletedPart: Sendable, Equatable {
    public var partNumber: Int
    /// With or without the double quotes S3 wraps ETags in.
    public var etag: String

    public init(partNumber: Int, etag: String) {
        self.partNumber = partNumber
        self.etag = etag
    }
}

/// One page of ListParts.
public struct PartListing: Sendable {
    public let upload: MultipartUpload
    public let parts: [UploadedPart]
    /// When truncated, the `part-number-marker` of the next page.
    public let nextPartNumberMarker: Int?
    public var isTruncated: Bool { nextPartNumberMarker != nil }
}

/// One page of ListMultipartUploads.
public struct UploadListing: Sendable {
    public let uploads: [MultipartUpload]
    public let commonPrefixes: [String]
    /// When truncated, the markers of the next page.
    public let nextKeyMarker: String?
    public let nextUploadIDMarker: String?
    public let isTruncated: Bool
}

/// What ListMultipartUploads takes.
public struct ListUploadsRequest: Sendable {
    public var prefix: String
    public var delimiter: String?
    public var keyMarker: String?
    public var uploadIDMarker: String?
    /// 1…1,000.
    public var maxUploads: Int

    public init(prefix: String = "", delimiter: String? = nil, keyMarker: String? = nil, uploadIDMarker: String? = nil,
                maxUploads: Int = 1000) {
        self.prefix = prefix
        self.delimiter = delimiter
        self.keyMarker = keyMarker
        self.uploadIDMarker = uploadIDMarker
        self.maxUploads = maxUploads
    }
}
