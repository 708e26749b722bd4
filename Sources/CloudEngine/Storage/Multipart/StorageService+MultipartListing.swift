import Foundation
import GRDB

extension StorageService {
    // MARK: - ListParts

    /// ListParts: the parts after `partNumberMarker`, in order, at most `maxParts` (1…1,000).
    public func listParts(bucket: String, key: String, uploadID: String, partNumberMarker: Int = 0, maxParts: Int = 1000,
                          caller: Caller) throws -> PartListing {
        try account.read { db in
            let upload = try requireUpload(bucket: bucket, key: key, uploadID: uploadID, action: "s3:ListMultipartUploadParts",
                                           caller: caller, db: db)
            let limit = min(max(maxParts, 0), 1000)
            let rows = try MultipartPartRecord
                .filter(Column("upload") == upload.id && Column("part_number") > partNumberMarker)
                .order(Column("part_number"))
                .limit(limit + 1)
                .fetchAll(db)
            let page = rows.prefix(limit).map(\.part)
            let truncated = rows.count > limit
            return PartListing(upload: upload.upload, parts: page,
                               nextPartNumberMarker: truncated ? page.last?.partNumber ?? partNumberMarker : nil)
        }
    }

    // MARK: - ListMultipartUploads

    /// ListMultipartUploads: uploads in progress by key (UTF-8 byte order), then by when they began; with a
    /// delimiter, keys that go on past it after the prefix are rolled up into common prefixes, each counted once.
    public func listMultipartUploads(bucket: String, _ request: ListUploadsRequest = ListUploadsRequest(),
                                     caller: Caller) throws -> UploadListing {
        try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:ListBucketMultipartUploads", bucketARN(bucket), db: db)
            let limit = min(max(request.maxUploads, 0), 1000)
            let prefix = ObjectKey.bytes(request.prefix)
            var sql = "SELECT * FROM multipart_uploads WHERE bucket = ? AND substr(key, 1, ?) = ?"
            var arguments: StatementArguments = [bucket, prefix.count, prefix]
            if let keyMarker = request.keyMarker.map(ObjectKey.bytes) {
                let markerRow = try request.uploadIDMarker.flatMap {
                    try Int64.fetchOne(db, sql: "SELECT id FROM multipart_uploads WHERE upload_id = ? AND bucket = ? AND key = ?",
                                       arguments: [$0, bucket, keyMarker])
                }
                sql += " AND (key > ? OR (key = ? AND id > ?))"
                arguments += [keyMarker, keyMarker, markerRow ?? Int64.max]
            }
            sql += " ORDER BY key, id"
            var uploads: [MultipartUpload] = []
            var prefixes: [String] = []
            var last: (key: String, uploadID: String?)?
            var truncated = false
            let skipInside = request.delimiter.flatMap { delimiter in
                request.keyMarker.flatMap { $0.hasSuffix(delimiter) && $0.hasPrefix(request.prefix) ? $0 : nil }
            }
            let cursor = try MultipartUploadRecord.fetchCursor(db, sql: sql, arguments: arguments)
            while let record = try cursor.next() {
                let key = record.keyText
                if let skipInside, key.hasPrefix(skipInside) { continue }
                if let rolled = Self.commonPrefix(of: key, prefix: request.prefix, delimiter: request.delimiter) {
                    if prefixes.last == rolled { continue }
                    if uploads.count + prefixes.count == limit { truncated = true; break }
                    prefixes.append(rolled)
                    last = (rolled, nil)
                } else {
                    if uploads.count + prefixes.count == limit { truncated = true; break }
                    uploads.append(record.upload)
                    last = (key, record.uploadID)
                }
            }
            return UploadListing(uploads: uploads, commonPrefixes: prefixes, nextKeyMarker: truncated ? last?.key : nil,
                                 nextUploadIDMarker: truncated ? last?.uploadID : nil, isTruncated: truncated)
        }
    }

    /// The common prefix `key` rolls up into: up to and including the first `delimiter` after `prefix`; nil when none.
    static func commonPrefix(of key: String, prefix: String, delimiter: String?) -> String? {
        guard let delimiter, !delimiter.isEmpty, key.hasPrefix(prefix) else { return nil }
        let rest = key.dropFirst(prefix.count)
        guard let found = rest.range(of: delimiter) else { return nil }
        return prefix + String(rest[..<found.upperBound])
    }
}
