import Foundation
import GRDB

extension StorageService {
    /// UploadPartCopy: a part made of an object, or of `range` of it (`bytes=first-last`), streamed from the source's
    /// stored chunks. The caller needs `s3:GetObject` on the source and `s3:PutObject` on the upload's object.
    @discardableResult
    public func uploadPartCopy(bucket: String, key: String, uploadID: String, partNumber: Int, sourceBucket: String,
                               sourceKey: String, range: ByteRange? = nil, caller: Caller) throws -> UploadedPart {
        let span = try account.read { db -> StoredBodySource.Span in
            let source = try readableObject(bucket: sourceBucket, key: sourceKey, caller: caller, db: db)
            let bodyID = try Int64.fetchOne(db, sql: "SELECT body_id FROM objects WHERE bucket = ? AND key = ?",
                                            arguments: [sourceBucket, ObjectKey.bytes(sourceKey)])
            guard let range else { return StoredBodySource.Span(bodyID: bodyID, length: source.size) }
            guard source.size > 0 else { throw EngineError.invalidRange(size: 0) }
            let resolved = try range.resolve(size: source.size)
            return StoredBodySource.Span(bodyID: bodyID, start: resolved.lowerBound,
                                         length: resolved.upperBound - resolved.lowerBound + 1)
        }
        let source = StoredBodySource(storage: self, spans: [span],
                                      whenGone: .operationAborted("s3://\(sourceBucket)/\(sourceKey) changed while it was being copied"))
        return try uploadPart(bucket: bucket, key: key, uploadID: uploadID, partNumber: partNumber, body: source, caller: caller)
    }
}
