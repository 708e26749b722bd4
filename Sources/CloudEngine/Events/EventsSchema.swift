import GRDB

/// The S3 event outbox (`v1-events`): one row per event and destination function, written in the
/// transaction that changed the object, and drained by `S3EventDispatcher`.
enum EventsSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                created_at REAL NOT NULL,
                event TEXT NOT NULL,
                function_arn TEXT NOT NULL,
                bucket_arn TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
                last_error TEXT,
                request_id TEXT
            );
            CREATE INDEX event_outbox_due ON event_outbox(next_attempt_at, id) WHERE state = 'pending';
            CREATE INDEX event_outbox_bucket ON event_outbox(bucket_arn, id);
            CREATE TABLE event_sequence (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                value INTEGER NOT NULL
            );
            """)
    }
}
