import Foundation
import GRDB

extension StorageService {
    /// Part numbers S3 accepts.
    public static let partNumbers = 1...10_000
    /// Every part but the last must be at least 5 MiB.
    public static let minimumPartSize: Int64 = 5 << 20

    // MARK: - CreateMultipartUpload

    /// CreateMultipartUpload: remembers the object's content type, metadata, headers and storage class for completion.
    public func createMultipartUpload(bucket: String, key: String, options: PutObjectOptions = PutObjectOptions(),
                                      checksumAlgorithm: String? = nil, caller: Caller) throws -> MultipartUpload {
        try ObjectKey.validate(key)
        let meta = try ObjectMetadataInput(options: options, key: key)
        let uploadID = account.ids.string(64, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._")
        return try account.write([]) { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:PutObject", objectARN(bucket, key), db: db)
            var record = MultipartUploadRecord(
                id: nil, uploadID: uploadID, bucket: bucket, key: ObjectKey.bytes(key), contentType: meta.contentType,
                metadata: meta.metadataJSON, headers: meta.headersJSON, storageClass: meta.storageClass,
                checksumAlgorithm: checksumAlgorithm?.uppercased(), initiatorARN: caller.arn(accountID: account.accountID),
                initiatorID: caller.principalID(accountID: account.accountID),
                initiatedAt: account.clock.now().timeIntervalSince1970)
            try record.insert(db)
            return record.upload
        }
    }

    // MARK: - UploadPart

    /// UploadPart, streamed like PutObject. A part replaces an earlier one with the same number (and frees its bytes).
    /// `checksums` are the `x-amz-checksum-*` headers the front end verified, kept to be given back.
    @discardableResult
    public func uploadPart(bucket: String, key: String, uploadID: String, partNumber: Int, body: some ObjectBodySource,
                           checksums: [String: String] = [:], caller: Caller) throws -> UploadedPart {
        guard Self.partNumbers.contains(partNumber) else { throw EngineError.invalidPartNumber(partNumber) }
        let check = { (db: Database) throws -> MultipartUploadRecord in
            try requireUpload(bucket: bucket, key: key, uploadID: uploadID, action: "s3:PutObject", caller: caller, db: db)
        }
        return try writeBody(body, topics: [], check: { db in _ = try check(db) }, commit: { db, written in
            let upload = try check(db)
            guard let uploadRow = upload.id else { throw EngineError.noSuchUpload(uploadID) }
            // The old part's row goes first; the trigger frees its body.
            try db.execute(sql: "DELETE FROM multipart_parts WHERE upload = ? AND part_number = ?", arguments: [uploadRow, partNumber])
            let record = MultipartPartRecord(
                upload: uploadRow, partNumber: partNumber, size: written.size, etag: written.md5Hex,
                checksums: ObjectMetadataInput.encode(checksums), lastModified: account.clock.now().timeIntervalSince1970,
                bodyID: written.bodyID)
            try record.insert(db)
            return record.part
        })
    }

    // MARK: - AbortMultipartUpload

    /// AbortMultipartUpload: the upload and its parts' bytes are gone; its id is NoSuchUpload from then on.
    public func abortMultipartUpload(bucket: String, key: String, uploadID: String, caller: Caller) throws {
        try account.write([]) { db in
            let upload = try requireUpload(bucket: bucket, key: key, uploadID: uploadID, action: "s3:AbortMultipartUpload",
                                           caller: caller, db: db)
            _ = try upload.delete(db)
        }
    }

    // MARK: - Shared

    /// The upload `uploadID` of `bucket`/`key`, once the caller is allowed `action` on the object.
    /// An id of another key is NoSuchUpload, as on S3.
    func requireUpload(bucket: String, key: String, uploadID: String, action: String, caller: Caller,
                       db: Database) throws -> MultipartUploadRecord {
        _ = try requireBucket(bucket, db)
        try account.authorize(caller, action, objectARN(bucket, key), db: db)
        guard let upload = try MultipartUploadRecord.filter(Column("upload_id") == uploadID).fetchOne(db),
              upload.bucket == bucket, upload.key == ObjectKey.bytes(key)
        else { throw EngineError.noSuchUpload(uploadID) }
        return upload
    }
}

extension ObjectMetadataInput {
    /// What CreateMultipartUpload stored, for the object its completion makes.
    init(upload: MultipartUploadRecord) {
        contentType = upload.contentType
        metadata = Self.decode(upload.metadata)
        headers = Self.decode(upload.headers)
        storageClass = upload.storageClass
    }
}
