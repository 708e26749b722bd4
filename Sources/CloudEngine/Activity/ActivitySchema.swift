import GRDB

/// The activity trail's table. Frozen once shipped: change it with a new migration.
enum ActivitySchema {
    static func v8(_ db: Database) throws {
        try db.execute(sql: """
            -- One row per authorization decision; times are milliseconds since the epoch. Rows arrive in time
            -- order, so id order is time order and no time index is kept. Each index costs every flush (the trail's
            -- whole cost to a put), so only the principal's and the user name's are kept; other lookups walk newest first.
            CREATE TABLE activity_events (
                id INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL,
                event_time INTEGER NOT NULL,
                principal_arn TEXT NOT NULL,
                principal_kind TEXT NOT NULL,
                user_name TEXT,
                role_name TEXT,
                access_key_id TEXT,
                action TEXT NOT NULL,
                event_source TEXT NOT NULL,
                event_name TEXT NOT NULL,
                resource TEXT NOT NULL,
                resource_type TEXT,
                read_only INTEGER NOT NULL,
                decision TEXT NOT NULL,
                statements TEXT,
                origin TEXT NOT NULL,
                origin_detail TEXT,
                user_agent TEXT,
                request_id TEXT,
                error_code TEXT,
                error_message TEXT
            );
            CREATE INDEX activity_by_principal ON activity_events(principal_arn, id);
            CREATE INDEX activity_by_user ON activity_events(user_name, id);
            """)
    }
}
