import GRDB

/// The tables of multipart uploads. Frozen once shipped: change them with a new migration.
enum MultipartSchema {
    static func v5(_ db: Database) throws {
        try db.execute(sql: """
            -- An upload in progress: what CreateMultipartUpload was told, kept for completion.
            -- `id` orders uploads of one key by initiation; `upload_id` is what clients see.
            CREATE TABLE multipart_uploads (
                id INTEGER PRIMARY KEY,
                upload_id TEXT NOT NULL UNIQUE,
                bucket TEXT NOT NULL REFERENCES buckets(name) ON DELETE CASCADE,
                key BLOB NOT NULL,
                content_type TEXT NOT NULL,
                metadata TEXT NOT NULL DEFAULT '{}',
                headers TEXT NOT NULL DEFAULT '{}',
                storage_class TEXT NOT NULL DEFAULT 'STANDARD',
                checksum_algorithm TEXT,
                initiator_arn TEXT NOT NULL,
                initiator_id TEXT NOT NULL,
                initiated_at REAL NOT NULL
            );
            CREATE INDEX multipart_uploads_by_key ON multipart_uploads(bucket, key, id);

            -- One uploaded part; its bytes are a committed body (NULL for an empty part).
            CREATE TABLE multipart_parts (
                upload INTEGER NOT NULL REFERENCES multipart_uploads(id) ON DELETE CASCADE,
                part_number INTEGER NOT NULL,
                size INTEGER NOT NULL,
                etag TEXT NOT NULL,
                checksums TEXT NOT NULL DEFAULT '{}',
                last_modified REAL NOT NULL,
                body_id INTEGER,
                PRIMARY KEY (upload, part_number)
            ) WITHOUT ROWID;

            -- A part's body goes with its row, however the row goes: replaced by a new part with
            -- the same number, aborted, completed, or with its bucket.
            CREATE TRIGGER multipart_parts_free_body AFTER DELETE ON multipart_parts
                WHEN old.body_id IS NOT NULL
                BEGIN DELETE FROM bodies WHERE id = old.body_id; END;
            """)
    }
}
