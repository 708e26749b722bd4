import GRDB

/// The storage tables. Frozen once shipped: change them with a new migration.
enum StorageSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE buckets (
                name TEXT PRIMARY KEY,
                region TEXT NOT NULL,
                created_at REAL NOT NULL,
                object_count INTEGER NOT NULL DEFAULT 0,
                total_size INTEGER NOT NULL DEFAULT 0,
                policy TEXT,
                notification TEXT
            ) WITHOUT ROWID;

            -- An object's bytes. 'pending' while a large upload streams in; only a
            -- 'committed' body is referenced by an object row.
            CREATE TABLE bodies (
                id INTEGER PRIMARY KEY,
                state TEXT NOT NULL CHECK (state IN ('pending', 'committed')),
                owner_pid INTEGER,
                chunk_size INTEGER NOT NULL,
                created_at REAL NOT NULL
            );

            CREATE TABLE chunks (
                body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (body_id, seq)
            );

            -- Keys are BLOBs so that they sort as S3 sorts them: by UTF-8 bytes.
            CREATE TABLE objects (
                bucket TEXT NOT NULL REFERENCES buckets(name) ON DELETE CASCADE,
                key BLOB NOT NULL,
                size INTEGER NOT NULL,
                etag TEXT NOT NULL,
                content_type TEXT NOT NULL,
                metadata TEXT NOT NULL DEFAULT '{}',
                headers TEXT NOT NULL DEFAULT '{}',
                storage_class TEXT NOT NULL DEFAULT 'STANDARD',
                last_modified REAL NOT NULL,
                -- No foreign key: bodies are only ever freed by the code that swaps them
                -- out, and a key here would need an index that every put must update.
                body_id INTEGER,
                PRIMARY KEY (bucket, key)
            ) WITHOUT ROWID;
            """)
    }
}
