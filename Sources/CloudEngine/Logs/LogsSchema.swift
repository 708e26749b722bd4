import GRDB

/// The CloudWatch Logs tables. Frozen once shipped: change them with a new migration.
enum LogsSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE log_groups (
                name TEXT PRIMARY KEY,
                created_at INTEGER NOT NULL,
                retention_days INTEGER,
                stored_bytes INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;

            CREATE TABLE log_streams (
                group_name TEXT NOT NULL REFERENCES log_groups(name) ON DELETE CASCADE,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                first_event_at INTEGER,
                last_event_at INTEGER,
                last_ingestion_at INTEGER,
                stored_bytes INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (group_name, name)
            ) WITHOUT ROWID;

            -- Times are milliseconds since the epoch, as CloudWatch Logs keeps them.
            -- Events are ordered by timestamp, then by arrival (id).
            CREATE TABLE log_events (
                id INTEGER PRIMARY KEY,
                group_name TEXT NOT NULL,
                stream_name TEXT NOT NULL,
                timestamp INTEGER NOT NULL,
                ingested_at INTEGER NOT NULL,
                message TEXT NOT NULL,
                FOREIGN KEY (group_name, stream_name) REFERENCES log_streams(group_name, name) ON DELETE CASCADE
            );
            CREATE INDEX log_events_by_stream ON log_events(group_name, stream_name, timestamp, id);
            CREATE INDEX log_events_by_group ON log_events(group_name, timestamp, id);
            """)
    }

    /// Tags on log groups (TagLogGroup, TagResource), removed with their group.
    static func v2GroupTags(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE log_group_tags (
                group_name TEXT NOT NULL REFERENCES log_groups(name) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (group_name, key)
            ) WITHOUT ROWID;
            """)
    }
}
