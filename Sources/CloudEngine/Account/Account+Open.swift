import Foundation
import GRDB

extension Account {
    /// Opens the account in `path`, creating the file (and its folder) when it does not exist.
    ///
    /// A file that is not an Overcast account, or that a newer Overcast wrote,
    /// is refused with `AccountFileError` and left exactly as it was.
    public static func open(path: String, options: AccountOptions = AccountOptions()) throws -> Account {
        let url = URL(fileURLWithPath: path)
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw AccountFileError.unreachable(path: path, reason: "cannot create its folder (\(error.localizedDescription))")
        }
        if let size = (try? fileManager.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 {
            try inspectExistingFile(path: path)
        }

        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
            try AccountSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw AccountFileError.unreachable(path: path, reason: error.message ?? error.description)
        }
        let info = try loadOrCreateInfo(pool, path: path, options: options)
        let account = Account(path: path, info: info, database: pool, options: options)
        try account.storage.discardAbandonedUploads()
        try account.functions.markInterruptedInvocations()
        return account
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        config.label = "overcast"
        config.prepareDatabase { db in
            // 8 KiB pages: half the WAL frames of 4 KiB for large bodies, at no cost to small puts.
            // Takes effect only when the file is created (a no-op on an existing account).
            try db.execute(sql: "PRAGMA page_size = 8192")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            // Fewer, larger checkpoints: each one syncs, and large bodies stream through the WAL.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Account.autoCheckpointPages)")
        }
        return config
    }

    /// Refuses a file that is not ours, or is newer than us, without writing to it.
    private static func inspectExistingFile(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AccountFileError.unreachable(path: path, reason: "it cannot be read (check its permissions)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw AccountFileError.notADatabase(path: path)
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if appID != AccountSchema.applicationID {
                    if appID == 0 && tableCount == 0 { return }
                    throw AccountFileError.notAnAccount(path: path)
                }
                let applied = try AccountSchema.migrator.appliedIdentifiers(db)
                let known = Set(AccountSchema.migrator.migrations)
                let unknown = applied.subtracting(known).sorted()
                if !unknown.isEmpty {
                    throw AccountFileError.newerVersion(path: path, unknownMigrations: unknown)
                }
            }
            try queue.close()
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { throw AccountFileError.notADatabase(path: path) }
            throw AccountFileError.unreachable(path: path, reason: error.message ?? error.description)
        }
    }

    private static func loadOrCreateInfo(_ pool: DatabasePool, path: String, options: AccountOptions) throws -> AccountInfo {
        do {
            return try pool.write { db in
                if let row = try Row.fetchOne(db, sql: "SELECT account_id, region, created_at FROM account WHERE singleton = 1") {
                    return AccountInfo(accountID: row["account_id"], region: row["region"],
                                       createdAt: Date(timeIntervalSince1970: row["created_at"]))
                }
                let accountID = options.accountID ?? newAccountID(options.ids)
                let created = options.clock.now()
                try db.execute(
                    sql: "INSERT INTO account(singleton, account_id, region, created_at) VALUES (1, ?, ?, ?)",
                    arguments: [accountID, options.region, created.timeIntervalSince1970])
                try IAMService.createRootAccessKey(accountID: accountID, ids: options.ids, now: created, db)
                return AccountInfo(accountID: accountID, region: options.region, createdAt: created)
            }
        } catch let error as DatabaseError {
            throw AccountFileError.unreachable(path: path, reason: error.message ?? error.description)
        }
    }

    /// Twelve digits, never starting with 0, as AWS account ids look.
    static func newAccountID(_ ids: any IDGenerator) -> String {
        let digits = ids.randomBytes(12).map { Int($0) % 10 }
        let first = digits[0] == 0 ? 1 : digits[0]
        return ([first] + digits.dropFirst()).map(String.init).joined()
    }
}
