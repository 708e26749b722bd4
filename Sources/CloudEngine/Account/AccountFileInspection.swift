import GRDB

/// Judges an account file with SQLite, reading only, before it is opened for work.
///
/// Runs after `AccountFileCheck` for a file that is, or may be, an Overcast
/// account: its header cannot show a dropped table, a migration this Overcast
/// does not know, or pages SQLite cannot read.
enum AccountFileInspection {
    enum Verdict: Equatable {
        /// No schema and no application id yet (the header was out of date, or another Overcast has only just made the file).
        case blank
        /// An account this Overcast can open: its schema has everything its migrations made.
        case account
    }

    /// Opens a connection only to judge `path`, judges the file and closes it, leaving nothing beside it.
    ///
    /// The connection is read-only when the `-wal` holds pages: a writable one
    /// closing last would checkpoint them into the file. Otherwise it is
    /// writable but `query_only`: SQLite creates `-wal` and `-shm` to read a WAL
    /// file, and only a writable connection closing last removes them again.
    static func run(path: String, walHasPages: Bool) throws -> Verdict {
        var config = Configuration()
        config.label = "overcast.inspection"
        config.busyMode = .timeout(30)
        if walHasPages {
            config.readonly = true
        } else {
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        }
        return try AccountFileError.translating(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in try judge(db, path: path) }
        }
    }

    /// Decides what `db` holds; throws `AccountFileError` for a file that must not be opened.
    static func judge(_ db: Database, path: String) throws -> Verdict {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        guard applicationID == AccountSchema.applicationID else {
            let hasSchema = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master)") ?? true
            if applicationID == 0 && !hasSchema { return .blank }
            throw AccountFileError.notAnAccount(path: path)
        }
        let applied = try AccountSchema.migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(AccountSchema.migrator.migrations).sorted()
        if !unknown.isEmpty {
            throw AccountFileError.newerVersion(path: path, unknownMigrations: unknown)
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > AccountSchema.version {
            throw AccountFileError.newerSchemaVersion(path: path, version: version, known: AccountSchema.version)
        }
        let missing = try AccountSchema.missingParts(applied: applied, present: SchemaObject.all(in: db))
        if !missing.isEmpty {
            throw AccountFileError.damaged(path: path, missing: missing)
        }
        return .account
    }
}
