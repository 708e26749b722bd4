import Foundation
import GRDB

/// One simulated AWS account, kept in one SQLite file.
///
/// Holds the database, the injected clock and id source, the authorizer that
/// decides every call, and the change feed. Services hang off it
/// (`account.storage`, `account.logs`); none of them opens the database itself.
public final class Account: Sendable {
    public let path: String
    public let info: AccountInfo
    public let clock: any EngineClock
    public let ids: any IDGenerator
    public let authorizer: any Authorizer
    public let changes: ChangeFeed
    let database: DatabasePool
    /// Opened with `openForReading`: its connections are read-only, so a write fails.
    let openedForReading: Bool
    let bulkWrites = BulkWriteCounter()
    /// The function runtime's shared state: one worker pool (made on first invocation), role sessions, Event invocations.
    public let functionRuntime = FunctionRuntimeState()
    /// Where this process serves the account's AWS-compatible endpoint, if it does: function workers get it as
    /// `AWS_ENDPOINT_URL`, so a handler's `boto3.client("s3")` reaches the account as its execution role.
    public let endpoint = EndpointAddress()
    /// The S3 event dispatcher's timer and settings; `events` delivers the outbox.
    public let eventDelivery = S3EventDeliveryState()
    /// The background sweep that deletes log events past their group's retention.
    public let logRetention = LogRetentionSchedule()
    /// Keeps every authorization decision, written in batches off the request path (`activity` reads them).
    public let activityRecorder: ActivityRecorder

    /// Made by this open: there was no account at the path (a mistyped `--db` lands here too, so front ends say so).
    public let isNew: Bool

    init(path: String, info: AccountInfo, database: DatabasePool, options: AccountOptions,
         openedForReading: Bool = false, isNew: Bool = false) {
        self.isNew = isNew
        self.path = path
        self.info = info
        self.database = database
        self.openedForReading = openedForReading
        self.clock = options.clock
        self.ids = options.ids
        self.authorizer = options.authorizer ?? IAMAuthorizer(clock: options.clock)
        self.changes = ChangeFeed()
        self.activityRecorder = ActivityRecorder(isEnabled: options.recordsActivity && !openedForReading,
                                                 window: options.activityWindow)
    }

    public var accountID: String { info.accountID }
    public var region: String { info.region }

    public var storage: StorageService { StorageService(account: self) }
    public var logs: LogsService { LogsService(account: self) }
    public var iam: IAMService { IAMService(account: self) }
    public var sts: STSService { STSService(account: self) }
    public var functions: FunctionsService { FunctionsService(account: self) }
    public var events: S3EventDispatcher { S3EventDispatcher(account: self) }
    public var activity: ActivityService { ActivityService(account: self) }

    // MARK: - Transactions

    /// Runs `body` in one write transaction, then tells observers (here and in other processes) that `topics` changed.
    func write<T>(_ topics: Set<ChangeTopic>, _ body: (Database) throws -> T) throws -> T {
        let result = try translatingDatabaseErrors {
            try database.write { db -> T in
                let value = try body(db)
                try Self.bump(topics, in: db)
                return value
            }
        }
        changes.announce(topics)
        return result
    }

    /// Runs `body` in one read transaction: a consistent snapshot, never blocked by writers.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingDatabaseErrors { try database.read(body) }
    }

    /// Asks the authorizer; throws AccessDenied when the call is not allowed.
    func authorize(_ caller: Caller, _ action: String, _ resource: String,
                   context: [String: [String]] = [:], db: Database) throws {
        let request = AuthorizationRequest(caller: caller, action: action, resource: resource, context: context)
        let verdict = try authorizer.verdict(request, account: info, db: db)
        activityRecorder.record(ActivityDraft(time: clock.now(), request: request, decision: verdict.decision,
                                              denial: verdict.denial), account: self)
        if let denial = verdict.denial { throw denial }
    }

    static func bump(_ topics: Set<ChangeTopic>, in db: Database) throws {
        for topic in topics {
            try db.cachedStatement(
                sql: "INSERT INTO change_counters(topic, version) VALUES (?, 1) ON CONFLICT(topic) DO UPDATE SET version = version + 1"
            ).execute(arguments: [topic.rawValue])
        }
    }

    /// Turns SQLite failures into errors that say what happened to the account file.
    func translatingDatabaseErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if openedForReading && error.resultCode == .SQLITE_READONLY {
                throw EngineError(code: "InternalError", httpStatus: 500,
                                  message: "The account \(path) was opened only for reading (Account.openForReading); open it with Account.open to change it.")
            }
            throw EngineError.databaseFailure(error, path: path)
        }
    }

    /// Checks the database file's structure (`PRAGMA integrity_check`); returns "ok" when sound.
    public func integrityCheck() throws -> String {
        try read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }
}

extension EngineError {
    static func databaseFailure(_ error: DatabaseError, path: String) -> EngineError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return EngineError(code: "ServiceUnavailable", httpStatus: 503,
                               message: "The account file \(path) stayed busy (another process is writing to it); try again.")
        case .SQLITE_FULL:
            return EngineError(code: "InternalError", httpStatus: 500,
                               message: "The disk holding \(path) is full; free some space and try again. Nothing was changed.")
        case .SQLITE_READONLY:
            return EngineError(code: "InternalError", httpStatus: 500,
                               message: "The account file \(path) is read-only; check its permissions.")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return EngineError(code: "InternalError", httpStatus: 500,
                               message: "The account file \(path) is damaged (SQLite reports: \(error.message ?? "database disk image is malformed")). Restore it from a backup (`sqlite3 \(path) .recover` may rescue part of it).")
        default:
            return EngineError(code: "InternalError", httpStatus: 500,
                               message: "The account database failed: \(error.message ?? error.description)")
        }
    }
}
