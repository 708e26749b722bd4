import Foundation
import GRDB

extension StorageService {
    /// What a streamed body came to: its row (nil when empty), its length and its MD5 in hex.
    struct WrittenBody {
        var bodyID: Int64?
        var size: Int64
        var md5Hex: String
    }

    /// Streams `source` into a new body of `chunkSize` chunks with bounded memory and hands it to `commit`,
    /// inside the transaction that makes it visible (PutObject's object row, UploadPart's part row).
    ///
    /// A body under `inlineLimit` is written in that one transaction. A larger one first runs `check` (so a call
    /// that cannot succeed fails before the bytes stream), then goes into a `pending` body in `inlineLimit`
    /// transactions, and the last one marks it committed and calls `commit`. A failure frees the pending body;
    /// a crash leaves it to `discardAbandonedUploads`.
    func writeBody<T>(_ source: some ObjectBodySource, progress: ((Int64) -> Void)? = nil, topics: Set<ChangeTopic>,
                      check: (Database) throws -> Void, commit: (Database, WrittenBody) throws -> T) throws -> T {
        var reader = ChunkReader(source: source, chunkSize: Self.chunkSize, progress: progress)
        var firstChunks: [Data] = []
        var buffered = 0
        while buffered < Self.inlineLimit, let chunk = try reader.next() {
            firstChunks.append(chunk)
            buffered += chunk.count
        }
        if buffered < Self.inlineLimit {
            let written = WrittenBody(bodyID: nil, size: reader.totalBytes, md5Hex: reader.md5Hex())
            return try account.write(topics) { db in
                var body = written
                body.bodyID = try insertBody(state: "committed", chunks: firstChunks, db: db)
                return try commit(db, body)
            }
        }
        reader.hashInBackground()
        let bulk = account.beginBulkWrite()
        defer { bulk.end() }
        guard let bodyID = try account.write([], { db -> Int64? in
            try check(db)
            try bulk.apply(db)
            return try insertBody(state: "pending", chunks: firstChunks, db: db)
        }) else {
            throw EngineError.internalError("A large body started with no bytes.")
        }
        firstChunks.removeAll()
        do {
            var seq = Int(buffered / Self.chunkSize)
            var batch: [Data] = []
            func flush() throws {
                guard !batch.isEmpty else { return }
                let pending = batch
                let start = seq - pending.count
                try account.write([]) { db in try insertChunks(pending, bodyID: bodyID, firstSeq: start, db: db) }
                batch.removeAll(keepingCapacity: true)
            }
            while let chunk = try reader.next() {
                batch.append(chunk)
                seq += 1
                if batch.count * Self.chunkSize >= Self.inlineLimit { try flush() }
            }
            try flush()
            let written = WrittenBody(bodyID: bodyID, size: reader.totalBytes, md5Hex: reader.md5Hex())
            return try account.write(topics) { db in
                try db.execute(sql: "UPDATE bodies SET state = 'committed', owner_pid = NULL WHERE id = ?", arguments: [bodyID])
                return try commit(db, written)
            }
        } catch {
            _ = try? account.write([]) { db in try db.execute(sql: "DELETE FROM bodies WHERE id = ?", arguments: [bodyID]) }
            throw error
        }
    }
}
