import Foundation
import GRDB

extension StorageService {
    /// Loads many zero-byte objects in one transaction, for benchmarks that need a bucket of a million keys.
    ///
    /// Not part of the S3 surface: it skips authorization and per-object events on purpose.
    @_spi(Benchmarks)
    public func bulkLoadEmptyObjects(bucket: String, keys: some Sequence<String>) throws {
        let now = account.clock.now().timeIntervalSince1970
        try account.write([.objects, .buckets]) { db in
            _ = try requireBucket(bucket, db)
            let insert = try db.makeStatement(sql: """
                INSERT INTO objects(bucket, key, size, etag, content_type, last_modified, body_id)
                VALUES (?, ?, 0, 'd41d8cd98f00b204e9800998ecf8427e', 'application/octet-stream', ?, NULL)
                ON CONFLICT(bucket, key) DO NOTHING
                """)
            for key in keys {
                try insert.execute(arguments: [bucket, ObjectKey.bytes(key), now])
            }
            try db.execute(sql: "UPDATE buckets SET object_count = (SELECT count(*) FROM objects WHERE bucket = ?) WHERE name = ?",
                           arguments: [bucket, bucket])
        }
    }
}
