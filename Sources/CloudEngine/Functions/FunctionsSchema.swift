import GRDB

/// The Functions (Lambda) tables, migration `v1-functions`. Plain SQL, frozen once shipped.
///
/// - `functions`: one row per function, its `$LATEST` configuration.
/// - `function_versions`: published versions, a frozen copy of the configuration.
/// - `function_code_files`: the code, one row per file, for `$LATEST` and each published version.
/// - `function_permissions`: the statements AddPermission added, per qualifier (`''` is the unqualified function).
/// - `layers`, `layer_versions`, `layer_version_files`: layers and their immutable versions.
/// - `function_invocations`: what the runtime reports about each invocation.
///
/// Migration `v2-function-test-events` adds `function_test_events`: the console's saved test events.
/// Migration `v3-invocation-lifecycle` lets an invocation be recorded when it starts (`Running`, with the
/// process running it) and marked `Interrupted` when that process ended before it finished.
enum FunctionsSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE functions (
                name TEXT PRIMARY KEY,
                runtime TEXT NOT NULL,
                handler TEXT NOT NULL,
                role TEXT NOT NULL,
                memory_size INTEGER NOT NULL,
                timeout INTEGER NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                environment TEXT NOT NULL DEFAULT '{}',
                layers TEXT NOT NULL DEFAULT '[]',
                code_sha256 TEXT NOT NULL,
                code_size INTEGER NOT NULL,
                last_modified REAL NOT NULL,
                state TEXT NOT NULL DEFAULT 'Active',
                revision_id TEXT NOT NULL,
                next_version INTEGER NOT NULL DEFAULT 1,
                created_at REAL NOT NULL
            );
            CREATE TABLE function_versions (
                function_name TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                runtime TEXT NOT NULL,
                handler TEXT NOT NULL,
                role TEXT NOT NULL,
                memory_size INTEGER NOT NULL,
                timeout INTEGER NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                environment TEXT NOT NULL DEFAULT '{}',
                layers TEXT NOT NULL DEFAULT '[]',
                code_sha256 TEXT NOT NULL,
                code_size INTEGER NOT NULL,
                last_modified REAL NOT NULL,
                state TEXT NOT NULL DEFAULT 'Active',
                revision_id TEXT NOT NULL,
                PRIMARY KEY (function_name, version)
            );
            CREATE TABLE function_code_files (
                id INTEGER PRIMARY KEY,
                function_name TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
                version TEXT NOT NULL,
                path TEXT NOT NULL,
                content BLOB NOT NULL,
                UNIQUE (function_name, version, path)
            );
            CREATE TABLE function_permissions (
                id INTEGER PRIMARY KEY,
                function_name TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
                qualifier TEXT NOT NULL DEFAULT '',
                sid TEXT NOT NULL,
                statement TEXT NOT NULL,
                UNIQUE (function_name, qualifier, sid)
            );
            CREATE TABLE layers (
                name TEXT PRIMARY KEY,
                next_version INTEGER NOT NULL DEFAULT 1,
                created_at REAL NOT NULL
            );
            CREATE TABLE layer_versions (
                layer_name TEXT NOT NULL REFERENCES layers(name) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                compatible_runtimes TEXT NOT NULL DEFAULT '[]',
                license_info TEXT,
                code_sha256 TEXT NOT NULL,
                code_size INTEGER NOT NULL,
                created_at REAL NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (layer_name, version)
            );
            CREATE TABLE layer_version_files (
                id INTEGER PRIMARY KEY,
                layer_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                path TEXT NOT NULL,
                content BLOB NOT NULL,
                UNIQUE (layer_name, version, path),
                FOREIGN KEY (layer_name, version) REFERENCES layer_versions(layer_name, version) ON DELETE CASCADE
            );
            CREATE TABLE function_invocations (
                id INTEGER PRIMARY KEY,
                request_id TEXT NOT NULL UNIQUE,
                function_name TEXT NOT NULL,
                version TEXT NOT NULL,
                started_at REAL NOT NULL,
                duration_ms REAL NOT NULL,
                billed_duration_ms INTEGER NOT NULL,
                memory_size INTEGER NOT NULL,
                max_memory_used_mb INTEGER NOT NULL,
                init_duration_ms REAL,
                status TEXT NOT NULL CHECK (status IN ('Success', 'Error', 'Timeout')),
                error_type TEXT,
                error_message TEXT,
                payload_preview TEXT,
                response_preview TEXT,
                log_stream TEXT
            );
            CREATE INDEX function_invocations_by_function ON function_invocations(function_name, id);
            """)
    }

    /// `v2-function-test-events`: saved test events, keyed by function and event name, removed with their
    /// function (the cascade on `functions.name`).
    static func v2TestEvents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE function_test_events (
                function_name TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
                name TEXT NOT NULL,
                payload TEXT NOT NULL,
                last_modified REAL NOT NULL,
                PRIMARY KEY (function_name, name)
            ) WITHOUT ROWID;
            """)
    }

    /// `v3-invocation-lifecycle`: `function_invocations` gains the `Running` and `Interrupted` statuses and
    /// `runner`, the process running the invocation (boot id, pid and start time). SQLite cannot change a
    /// CHECK constraint in place, so the table is rebuilt.
    static func v3InvocationLifecycle(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE function_invocations_v3 (
                id INTEGER PRIMARY KEY,
                request_id TEXT NOT NULL UNIQUE,
                function_name TEXT NOT NULL,
                version TEXT NOT NULL,
                started_at REAL NOT NULL,
                duration_ms REAL NOT NULL,
                billed_duration_ms INTEGER NOT NULL,
                memory_size INTEGER NOT NULL,
                max_memory_used_mb INTEGER NOT NULL,
                init_duration_ms REAL,
                status TEXT NOT NULL CHECK (status IN ('Running', 'Success', 'Error', 'Timeout', 'Interrupted')),
                error_type TEXT,
                error_message TEXT,
                payload_preview TEXT,
                response_preview TEXT,
                log_stream TEXT,
                runner TEXT
            );
            INSERT INTO function_invocations_v3 (id, request_id, function_name, version, started_at, duration_ms,
                billed_duration_ms, memory_size, max_memory_used_mb, init_duration_ms, status, error_type, error_message,
                payload_preview, response_preview, log_stream)
                SELECT id, request_id, function_name, version, started_at, duration_ms, billed_duration_ms, memory_size,
                    max_memory_used_mb, init_duration_ms, status, error_type, error_message, payload_preview,
                    response_preview, log_stream
                FROM function_invocations;
            DROP TABLE function_invocations;
            ALTER TABLE function_invocations_v3 RENAME TO function_invocations;
            CREATE INDEX function_invocations_by_function ON function_invocations(function_name, id);
            CREATE INDEX function_invocations_running ON function_invocations(status) WHERE status = 'Running';
            """)
    }

    /// `v4-function-ephemeral-storage`: each function and published version keeps its `/tmp` size in MB
    /// (Lambda's `EphemeralStorage.Size`); existing ones get Lambda's default, 512.
    static func v4EphemeralStorage(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE functions ADD COLUMN ephemeral_storage INTEGER NOT NULL DEFAULT 512;
            ALTER TABLE function_versions ADD COLUMN ephemeral_storage INTEGER NOT NULL DEFAULT 512;
            """)
    }
}
