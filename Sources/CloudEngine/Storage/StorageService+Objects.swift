import Foundation
import GRDB

extension StorageService {
    // MARK: - PutObject

    /// PutObject, streamed from `body` with bounded memory.
    ///
    /// The object becomes visible only when all its chunks and its metadata
    /// commit in one transaction; a crash or an error before that leaves the
    /// previous version (or no object) untouched.
    @discardableResult
    public func putObject(bucket: String, key: String, body: some ObjectBodySource,
                          options: PutObjectOptions = PutObjectOptions(), caller: Caller) throws -> ObjectInfo {
        try ObjectKey.validate(key)
        let meta = try ObjectMetadataInput(options: options, key: key)
        return try writeBody(body, progress: options.progress, topics: [.objects, .buckets], check: { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:PutObject", objectARN(bucket, key), db: db)
        }, commit: { db, written in
            try commitObject(bucket: bucket, key: key, bodyID: written.bodyID, size: written.size,
                             etag: written.md5Hex, meta: meta, caller: caller, db: db)
        })
    }

    /// Writes the object row over any previous version and frees the old body, in the caller's transaction.
    func commitObject(bucket: String, key: String, bodyID: Int64?, size: Int64, etag: String,
                      meta: ObjectMetadataInput, caller: Caller, event: S3ObjectEvent = .put, db: Database) throws -> ObjectInfo {
        _ = try requireBucket(bucket, db)
        try account.authorize(caller, "s3:PutObject", objectARN(bucket, key), db: db)
        let keyBytes = ObjectKey.bytes(key)
        let previous = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT size, body_id FROM objects WHERE bucket = ? AND key = ?"), arguments: [bucket, keyBytes])
        let now = account.clock.now()
        try db.cachedStatement(sql: """
            INSERT INTO objects(bucket, key, size, etag, content_type, metadata, headers, storage_class, last_modified, body_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(bucket, key) DO UPDATE SET size = excluded.size, etag = excluded.etag,
                content_type = excluded.content_type, metadata = excluded.metadata, headers = excluded.headers,
                storage_class = excluded.storage_class, last_modified = excluded.last_modified, body_id = excluded.body_id
            """).execute(arguments: [bucket, keyBytes, size, etag, meta.contentType, meta.metadataJSON, meta.headersJSON,
                                     meta.storageClass, now.timeIntervalSince1970, bodyID])
        let countDelta = previous == nil ? 1 : 0
        let sizeDelta = size - (previous?["size"] ?? 0)
        try db.cachedStatement(sql: "UPDATE buckets SET object_count = object_count + ?, total_size = total_size + ? WHERE name = ?")
            .execute(arguments: [countDelta, sizeDelta, bucket])
        if let oldBody: Int64 = previous?["body_id"] {
            try db.cachedStatement(sql: "DELETE FROM bodies WHERE id = ?").execute(arguments: [oldBody])
        }
        try S3EventOutbox.record(db: db, account: account, caller: caller, bucket: bucket, key: key, size: size, etag: etag,
                                 event: event)
        return ObjectInfo(bucket: bucket, key: key, size: size, etag: etag, contentType: meta.contentType,
                          metadata: meta.metadata, headers: meta.headers, storageClass: meta.storageClass, lastModified: now)
    }

    /// Inserts a body and its first chunks; an empty body has no row at all (nil).
    func insertBody(state: String, chunks: [Data], db: Database) throws -> Int64? {
        guard !chunks.isEmpty else { return nil }
        try db.cachedStatement(sql: "INSERT INTO bodies(state, owner_pid, chunk_size, created_at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [state, state == "pending" ? Int64(getpid()) : nil, Self.chunkSize,
                                 account.clock.now().timeIntervalSince1970])
        let bodyID = db.lastInsertedRowID
        try insertChunks(chunks, bodyID: bodyID, firstSeq: 0, db: db)
        return bodyID
    }

    func insertChunks(_ chunks: [Data], bodyID: Int64, firstSeq: Int, db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO chunks(body_id, seq, data) VALUES (?, ?, ?)")
        for (offset, chunk) in chunks.enumerated() {
            try statement.execute(arguments: [bodyID, firstSeq + offset, chunk])
        }
    }

    /// What uploads whose process died left behind: their bodies and the bytes of their chunks.
    public func abandonedUploads() throws -> (bodies: [Int64], bytes: Int64) {
        try account.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, owner_pid FROM bodies WHERE state = 'pending'")
            let dead = rows.filter { row in
                let pid: Int64 = row["owner_pid"] ?? 0
                return kill(pid_t(pid), 0) != 0 && errno == ESRCH
            }.map { $0["id"] as Int64 }
            guard !dead.isEmpty else { return ([], 0) }
            let list = dead.map(String.init).joined(separator: ",")
            let bytes = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(length(data)), 0) FROM chunks WHERE body_id IN (\(list))") ?? 0
            return (dead, bytes)
        }
    }

    /// Frees bodies left pending by processes that died mid-upload, 16 chunks (16 MiB) per transaction so other
    /// writers interleave, and returns the bytes freed. Opening the account runs it unless told not to.
    @discardableResult
    public func discardAbandonedUploads() throws -> Int64 {
        let (bodies, bytes) = try abandonedUploads()
        for body in bodies {
            while try account.write([], { db -> Bool in
                try db.execute(sql: """
                    DELETE FROM chunks WHERE body_id = ? AND seq IN (SELECT seq FROM chunks WHERE body_id = ? ORDER BY seq LIMIT 16)
                    """, arguments: [body, body])
                return db.changesCount > 0
            }) {}
            try account.write([]) { db in
                try db.execute(sql: "DELETE FROM bodies WHERE id = ? AND state = 'pending'", arguments: [body])
            }
        }
        return bytes
    }

    // MARK: - GetObject / HeadObject

    /// HeadObject. A missing key is NoSuchKey (404) for a caller allowed `s3:ListBucket`, AccessDenied (403) otherwise.
    public func headObject(bucket: String, key: String, caller: Caller) throws -> ObjectInfo {
        try account.read { db in try readableObject(bucket: bucket, key: key, caller: caller, db: db) }
    }

    /// GetObject, streamed: `sink` receives the body (or the range) in pieces of at most one chunk.
    ///
    /// The whole read sees one snapshot, so a concurrent overwrite never mixes two versions.
    /// Throw from `sink` to stop early.
    @discardableResult
    public func getObject(bucket: String, key: String, range: ByteRange? = nil, caller: Caller,
                          sink: (Data) throws -> Void) throws -> ObjectInfo {
        try getObject(bucket: bucket, key: key, range: range, caller: caller, begin: { _ in }) { bytes in
            try sink(Data(bytes))
        }
    }

    /// GetObject for a server: `begin` learns the object (and may throw to refuse it, e.g. a failed precondition)
    /// before the first byte; `bytes` then sees each piece where SQLite holds it, without a copy, valid only
    /// during the call. One snapshot throughout.
    @discardableResult
    public func getObject(bucket: String, key: String, range: ByteRange? = nil, caller: Caller,
                          begin: (ObjectInfo) throws -> Void, bytes: (UnsafeRawBufferPointer) throws -> Void) throws -> ObjectInfo {
        try account.read { db in
            let info = try readableObject(bucket: bucket, key: key, caller: caller, db: db)
            guard info.size > 0 else {
                if range != nil { throw EngineError.invalidRange(size: 0) }
                try begin(info)
                return info
            }
            let span = try range?.resolve(size: info.size) ?? 0...(info.size - 1)
            try begin(info)
            guard let bodyID = try Int64.fetchOne(
                db, sql: "SELECT body_id FROM objects WHERE bucket = ? AND key = ?", arguments: [bucket, ObjectKey.bytes(key)])
            else { return info }
            let chunk = Int64(Self.chunkSize)
            let first = span.lowerBound / chunk
            let last = span.upperBound / chunk
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT seq, data FROM chunks WHERE body_id = ? AND seq BETWEEN ? AND ? ORDER BY seq"),
                arguments: [bodyID, first, last])
            var expected = first
            while let row = try rows.next() {
                let seq: Int64 = row[0]
                guard seq == expected else { break }
                expected += 1
                let chunkStart = seq * chunk
                try row.withUnsafeData(atIndex: 1) { data in
                    guard let data else { return }
                    let from = Int(max(span.lowerBound, chunkStart) - chunkStart)
                    let to = Int(min(span.upperBound, chunkStart + Int64(data.count) - 1) - chunkStart)
                    try data.withUnsafeBytes { raw in try bytes(UnsafeRawBufferPointer(rebasing: raw[from...to])) }
                }
            }
            guard expected == last + 1 else {
                throw EngineError.internalError("Object s3://\(bucket)/\(key) is missing part \(expected) of its body.")
            }
            return info
        }
    }

    /// Reads the whole body into memory: for small objects and tests only.
    public func getObjectData(bucket: String, key: String, range: ByteRange? = nil, caller: Caller) throws -> Data {
        var result = Data()
        try getObject(bucket: bucket, key: key, range: range, caller: caller) { result.append($0) }
        return result
    }

    func readableObject(bucket: String, key: String, caller: Caller, db: Database) throws -> ObjectInfo {
        _ = try requireBucket(bucket, db)
        try account.authorize(caller, "s3:GetObject", objectARN(bucket, key), db: db)
        if let info = try objectInfo(bucket: bucket, key: key, db: db) { return info }
        // AWS answers 404 only to callers who may list the bucket; others get 403.
        try account.authorize(caller, "s3:ListBucket", bucketARN(bucket), db: db)
        throw EngineError.noSuchKey(bucket: bucket, key: key)
    }

    func objectInfo(bucket: String, key: String, db: Database) throws -> ObjectInfo? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM objects WHERE bucket = ? AND key = ?", arguments: [bucket, ObjectKey.bytes(key)])
        else { return nil }
        return ObjectInfo(bucket: bucket, key: key, size: row["size"], etag: row["etag"], contentType: row["content_type"],
                          metadata: ObjectMetadataInput.decode(row["metadata"]), headers: ObjectMetadataInput.decode(row["headers"]),
                          storageClass: row["storage_class"], lastModified: Date(timeIntervalSince1970: row["last_modified"]))
    }

    // MARK: - DeleteObject

    /// DeleteObject. Deleting a key that does not exist succeeds, as on S3. Returns whether an object was removed.
    @discardableResult
    public func deleteObject(bucket: String, key: String, caller: Caller) throws -> Bool {
        try account.write([.objects, .buckets]) { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:DeleteObject", objectARN(bucket, key), db: db)
            return try removeObject(bucket: bucket, key: key, caller: caller, db: db)
        }
    }

    /// DeleteObjects: each key is authorized and deleted on its own; failures are returned per key, as S3 does.
    public func deleteObjects(bucket: String, keys: [String], caller: Caller) throws -> [String: EngineError] {
        try account.write([.objects, .buckets]) { db in
            _ = try requireBucket(bucket, db)
            var failures: [String: EngineError] = [:]
            for key in keys {
                do {
                    try account.authorize(caller, "s3:DeleteObject", objectARN(bucket, key), db: db)
                    try removeObject(bucket: bucket, key: key, caller: caller, db: db)
                } catch let error as EngineError {
                    failures[key] = error
                }
            }
            return failures
        }
    }

    @discardableResult
    func removeObject(bucket: String, key: String, caller: Caller, db: Database) throws -> Bool {
        let keyBytes = ObjectKey.bytes(key)
        guard let row = try Row.fetchOne(
            db, sql: "SELECT size, body_id FROM objects WHERE bucket = ? AND key = ?", arguments: [bucket, keyBytes])
        else { return false }
        try db.execute(sql: "DELETE FROM objects WHERE bucket = ? AND key = ?", arguments: [bucket, keyBytes])
        try db.execute(sql: "UPDATE buckets SET object_count = object_count - 1, total_size = total_size - ? WHERE name = ?",
                       arguments: [row["size"] as Int64, bucket])
        if let bodyID: Int64 = row["body_id"] {
            try db.execute(sql: "DELETE FROM bodies WHERE id = ?", arguments: [bodyID])
        }
        try S3EventOutbox.record(db: db, account: account, caller: caller, bucket: bucket, key: key, size: row["size"], etag: nil,
                                 event: .delete)
        return true
    }

    // MARK: - CopyObject

    /// CopyObject within the account. `replaceMetadata` nil keeps the source's metadata (directive COPY).
    @discardableResult
    public func copyObject(sourceBucket: String, sourceKey: String, bucket: String, key: String,
                           replaceMetadata: PutObjectOptions? = nil, caller: Caller) throws -> ObjectInfo {
        try ObjectKey.validate(key)
        return try account.write([.objects, .buckets]) { db in
            let source = try readableObject(bucket: sourceBucket, key: sourceKey, caller: caller, db: db)
            _ = try requireBucket(bucket, db)
            if sourceBucket == bucket && sourceKey == key && replaceMetadata == nil {
                throw EngineError(code: "InvalidRequest", httpStatus: 400,
                                  message: "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.")
            }
            let meta = try replaceMetadata.map { try ObjectMetadataInput(options: $0, key: key) }
                ?? ObjectMetadataInput(copying: source)
            let sourceBody = try Int64.fetchOne(
                db, sql: "SELECT body_id FROM objects WHERE bucket = ? AND key = ?",
                arguments: [sourceBucket, ObjectKey.bytes(sourceKey)])
            var newBody: Int64?
            if let sourceBody {
                try db.execute(sql: "INSERT INTO bodies(state, chunk_size, created_at) VALUES ('committed', ?, ?)",
                               arguments: [Self.chunkSize, account.clock.now().timeIntervalSince1970])
                let id = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO chunks(body_id, seq, data) SELECT ?, seq, data FROM chunks WHERE body_id = ?",
                               arguments: [id, sourceBody])
                newBody = id
            }
            return try commitObject(bucket: bucket, key: key, bodyID: newBody, size: source.size, etag: source.etag,
                                    meta: meta, caller: caller, event: .copy, db: db)
        }
    }
}
