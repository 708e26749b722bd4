import GRDB

/// The account's migrations, in the order they were shipped.
///
/// A shipped migration is never edited: add a new one at the end instead.
/// Each is plain SQL so it does not change when today's record types do.
enum AccountSchema {
    /// Marks the file as an Overcast account (`PRAGMA application_id`), "OVCT".
    static let applicationID: Int32 = 0x4F56_4354

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-account") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE account (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE change_counters (
                    topic TEXT PRIMARY KEY,
                    version INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v1-storage", migrate: StorageSchema.v1)
        migrator.registerMigration("v1-logs", migrate: LogsSchema.v1)
        migrator.registerMigration("v1-iam", migrate: IAMSchema.v1)
        migrator.registerMigration("v1-functions", migrate: FunctionsSchema.v1)
        migrator.registerMigration("v1-events", migrate: EventsSchema.v1)
        migrator.registerMigration("v2-function-test-events", migrate: FunctionsSchema.v2TestEvents)
        migrator.registerMigration("v3-invocation-lifecycle", migrate: FunctionsSchema.v3InvocationLifecycle)
        migrator.registerMigration("v4-function-ephemeral-storage", migrate: FunctionsSchema.v4EphemeralStorage)
        migrator.registerMigration("v5-s3-multipart-uploads", migrate: MultipartSchema.v5)
        migrator.registerMigration("v6-function-urls", migrate: FunctionsSchema.v6FunctionURLs)
        migrator.registerMigration("v7-log-group-tags", migrate: LogsSchema.v2GroupTags)
        migrator.registerMigration("v8-activity", migrate: ActivitySchema.v8)
        return migrator
    }

    /// The schema version this Overcast writes: how many migrations it knows.
    static var version: Int { migrator.migrations.count }

    /// Records `version` in the header (`PRAGMA user_version`) once the migrations have run.
    ///
    /// `AccountFileCheck` reads it with a plain read before anything opens the
    /// file, so a file a newer Overcast wrote is refused without SQLite
    /// creating files beside it. A version is never lowered: a newer Overcast
    /// may have opened the file meanwhile. `replacing` is for a file that was
    /// blank when opened, whose user_version some other program may have set.
    static func stampVersion(_ db: Database, replacing: Bool) throws {
        let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if current < version || (replacing && current != version) {
            try db.execute(sql: "PRAGMA user_version = \(version)")
        }
    }
}
