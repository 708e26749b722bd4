import Foundation
import GRDB

extension Account {
    /// Opens the account in `path` to work in it, creating the file (and its folder) when it does not exist.
    ///
    /// The path is judged before it is opened for writing (`AccountFileCheck`,
    /// then `AccountFileInspection`): anything that is not an Overcast account
    /// this version can use (another file, a folder, a newer Overcast's
    /// account, a damaged one) is refused with `AccountFileError` and left
    /// exactly as it was, with nothing created beside it.
    public static func open(path: String, options: AccountOptions = AccountOptions()) throws -> Account {
        let check = try AccountFileCheck.run(path: path, access: .readWrite)
        var verdict = AccountFileInspection.Verdict.blank
        switch check.state {
        case .absent: try createFolder(of: path)
        case .blank: break
        case .account, .undecided: verdict = try AccountFileInspection.run(path: path, walHasPages: check.walHasPages)
        }
        let pool = try AccountFileError.translating(path: path) {
            let pool = try DatabasePool(path: path, configuration: configuration())
            try AccountSchema.migrator.migrate(pool)
            return pool
        }
        let info = try loadOrCreateInfo(pool, path: path, options: options, wasBlank: verdict == .blank)
        let account = Account(path: path, info: info, database: pool, options: options, isNew: verdict == .blank)
        if options.discardsAbandonedUploadsAtOpen { try account.storage.discardAbandonedUploads() }
        try account.functions.markInterruptedInvocations()
        return account
    }

    /// Opens the account in `path` only to read it: another process writing, or holding the write lock, does not hold it up.
    ///
    /// A read-only WAL connection needs no lock to read, so nothing here
    /// migrates, writes or changes the journal mode. When there is no account
    /// at the path yet it is created as `open` does: that takes the write lock,
    /// but only on first use.
    public static func openForReading(path: String, options: AccountOptions = AccountOptions()) throws -> Account {
        let check = try AccountFileCheck.run(path: path, access: .readOnly)
        guard check.state == .account || check.state == .undecided,
              try AccountFileInspection.run(path: path, walHasPages: check.walHasPages) == .account else {
            return try open(path: path, options: options)
        }
        let pool = try AccountFileError.translating(path: path) {
            try DatabasePool(path: path, configuration: readOnlyConfiguration())
        }
        let found = try AccountFileError.translating(path: path) { try pool.read(fetchInfo) }
        guard let info = found else {
            // Its creator stopped between migrating and writing the account row: finish the job as `open` would.
            try? pool.close()
            return try open(path: path, options: options)
        }
        return Account(path: path, info: info, database: pool, options: options, openedForReading: true)
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
            // Free pages can be given back a slice at a time (Account+Compaction); like the page size this
            // takes effect only when the file is created, and `overcast compact` converts older accounts.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            // Fewer, larger checkpoints: each one syncs, and large bodies stream through the WAL.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Account.autoCheckpointPages)")
        }
        return config
    }

    /// Read-only connections: they set no pragma that would write, and never wait for the write lock.
    static func readOnlyConfiguration() -> Configuration {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        config.label = "overcast.read-only"
        return config
    }

    private static func createFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AccountFileError.unreachable(path: path, reason: "cannot create its folder (\(error.localizedDescription))")
        }
    }

    private static func fetchInfo(_ db: Database) throws -> AccountInfo? {
        guard let row = try Row.fetchOne(db, sql: "SELECT account_id, region, created_at FROM account WHERE singleton = 1") else {
            return nil
        }
        return AccountInfo(accountID: row["account_id"], region: row["region"],
                           createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }

    private static func loadOrCreateInfo(_ pool: DatabasePool, path: String, options: AccountOptions,
                                         wasBlank: Bool) throws -> AccountInfo {
        try AccountFileError.translating(path: path) {
            try pool.write { db in
                try AccountSchema.stampVersion(db, replacing: wasBlank)
                if let info = try fetchInfo(db) { return info }
                let accountID = options.accountID ?? newAccountID(options.ids)
                let created = options.clock.now()
                try db.execute(
                    sql: "INSERT INTO account(singleton, account_id, region, created_at) VALUES (1, ?, ?, ?)",
                    arguments: [accountID, options.region, created.timeIntervalSince1970])
                try IAMService.createRootAccessKey(accountID: accountID, ids: options.ids, now: created, db)
                return AccountInfo(accountID: accountID, region: options.region, createdAt: created)
            }
        }
    }

    /// Twelve digits, never starting with 0, as AWS account ids look.
    static func newAccountID(_ ids: any IDGenerator) -> String {
        let digits = ids.randomBytes(12).map { Int($0) % 10 }
        let first = digits[0] == 0 ? 1 : digits[0]
        return ([first] + digits.dropFirst()).map(String.init).joined()
    }
}
