import Crypto
import Foundation
import GRDB

extension StorageService {
    // MARK: - CompleteMultipartUpload

    /// CompleteMultipartUpload: the listed parts, in order, become the object (over any earlier version), with
    /// S3's multipart ETag `hex(md5(part md5s…))-N`, and the upload is gone.
    ///
    /// The parts' bytes are copied into one new body of `chunkSize` chunks (parts need not be a whole number of
    /// chunks) in bounded transactions, as a large PutObject streams; the object appears only in the last one,
    /// which also checks that nobody aborted the upload or replaced a part meanwhile.
    @discardableResult
    public func completeMultipartUpload(bucket: String, key: String, uploadID: String, parts: [CompletedPart],
                                        caller: Caller) throws -> ObjectInfo {
        guard !parts.isEmpty else {
            throw EngineError(code: "MalformedXML", httpStatus: 400,
                              message: "The XML you provided was not well-formed or did not validate against our published schema (CompleteMultipartUpload names no parts).")
        }
        for (earlier, later) in zip(parts, parts.dropFirst()) where later.partNumber <= earlier.partNumber {
            throw EngineError.invalidPartOrder()
        }
        let (upload, chosen) = try account.read { db in
            let upload = try requireUpload(bucket: bucket, key: key, uploadID: uploadID, action: "s3:PutObject", caller: caller, db: db)
            return (upload, try chosenParts(parts, upload: upload, db: db))
        }
        var digests = Data()
        for part in chosen { digests.append(contentsOf: Hex.bytes(part.etag) ?? []) }
        let etag = Hex.lowercase(Insecure.MD5.hash(data: digests)) + "-\(chosen.count)"
        let totalSize = chosen.reduce(Int64(0)) { $0 + $1.size }
        let meta = ObjectMetadataInput(upload: upload)
        // A chunk gone means the upload was aborted (or completed) meanwhile.
        let source = StoredBodySource(storage: self, spans: chosen.map { StoredBodySource.Span(bodyID: $0.bodyID, length: $0.size) },
                                      whenGone: EngineError.noSuchUpload(uploadID))
        return try writeBody(source, topics: [.objects, .buckets], check: { db in
            _ = try requireUpload(bucket: bucket, key: key, uploadID: uploadID, action: "s3:PutObject", caller: caller, db: db)
        }, commit: { db, written in
            let current = try requireUpload(bucket: bucket, key: key, uploadID: uploadID, action: "s3:PutObject", caller: caller, db: db)
            guard try chosenParts(parts, upload: current, db: db).map(\.bodyID) == chosen.map(\.bodyID), written.size == totalSize else {
                throw EngineError.operationAborted("a part of upload \(uploadID) changed while it was being completed")
            }
            let info = try commitObject(bucket: bucket, key: key, bodyID: written.bodyID, size: written.size, etag: etag,
                                        meta: meta, caller: caller, event: .completeMultipartUpload, db: db)
            // The parts' rows go with the upload; the trigger frees their bodies.
            _ = try current.delete(db)
            return info
        })
    }

    /// The stored parts `parts` names, checked as S3 checks them: each must exist with that ETag (InvalidPart),
    /// and each but the last must be at least 5 MiB (EntityTooSmall).
    private func chosenParts(_ parts: [CompletedPart], upload: MultipartUploadRecord, db: Database) throws -> [MultipartPartRecord] {
        let stored = try MultipartPartRecord.filter(Column("upload") == upload.id).fetchAll(db)
        let byNumber = Dictionary(stored.map { ($0.partNumber, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen: [MultipartPartRecord] = []
        for (index, wanted) in parts.enumerated() {
            let etag = wanted.etag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
            guard let part = byNumber[wanted.partNumber], part.etag == etag else { throw EngineError.invalidPart(wanted.partNumber) }
            if index < parts.count - 1, part.size < Self.minimumPartSize {
                throw EngineError.entityTooSmall(partNumber: part.partNumber, size: part.size)
            }
            chosen.append(part)
        }
        return chosen
    }
}
