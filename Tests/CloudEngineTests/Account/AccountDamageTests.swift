import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// An account that lost part of its schema, or that SQLite cannot read, is refused and left as it was.
@Suite("Damaged account files")
final class AccountDamageTests {
    let folder = ScratchFolder()
    let path: String

    init() throws {
        path = folder.path()
        let account = try Account.open(path: path, options: AccountOptions(clock: ManualClock(), ids: SeededIDGenerator()))
        try account.storage.createBucket("kept", caller: .root)
        try account.logs.createLogGroup("/kept", caller: .root)
    }

    /// Changes the closed account with a plain SQLite connection, as a user with `sqlite3` might.
    func alter(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// Overwrites `count` bytes at `offset` in the closed account file.
    func scribble(at offset: Int, count: Int, byte: UInt8) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(repeating: byte, count: count))
        try handle.close()
    }

    func expectRefused(_ error: AccountFileError, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try UntouchedFile(path)
        #expect(throws: error, sourceLocation: sourceLocation) { try Account.open(path: path) }
        try before.expectUnchanged(sourceLocation: sourceLocation)
        #expect(throws: error, sourceLocation: sourceLocation) { try Account.openForReading(path: path) }
        try before.expectUnchanged(sourceLocation: sourceLocation)
    }

    @Test("A dropped table is named with the indexes that went with it, and nothing is recreated")
    func droppedTable() throws {
        try alter("DROP TABLE log_events")
        let error = AccountFileError.damaged(path: path, missing: [
            "index log_events_by_group", "index log_events_by_stream", "table log_events",
        ])
        try expectRefused(error)
        #expect(error.description == "\(path) is an Overcast account, but it is damaged: it is missing index log_events_by_group, index log_events_by_stream, table log_events. Overcast left it untouched rather than guess how to repair it. Restore it from a backup, or move it away and start a new account.")
    }

    @Test("A dropped index is named")
    func droppedIndex() throws {
        try alter("DROP INDEX event_outbox_due")
        try expectRefused(.damaged(path: path, missing: ["index event_outbox_due"]))
    }

    @Test("A lost record of an applied migration is named (the migrator would run it again)")
    func lostMigrationRecord() throws {
        try alter("DELETE FROM grdb_migrations WHERE identifier = 'v1-logs'")
        try expectRefused(.damaged(path: path, missing: ["the record of migration v1-logs"]))
    }

    @Test("A dropped migrations table is named")
    func droppedMigrationsTable() throws {
        try alter("DROP TABLE grdb_migrations")
        try expectRefused(.damaged(path: path, missing: ["table grdb_migrations"]))
    }

    @Test("An account an older Overcast wrote is not damaged: it lacks only what later migrations add")
    func olderAccountIsNotDamaged() throws {
        let older = folder.path("older.sqlite")
        let migrations = AccountSchema.migrator.migrations
        let previous = try #require(migrations.dropLast().last)
        do {
            let queue = try DatabaseQueue(path: older)
            try AccountSchema.migrator.migrate(queue, upTo: previous)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO account(singleton, account_id, region, created_at) VALUES (1, '210987654321', 'eu-west-1', 0)")
            }
            try queue.close()
        }
        let reader = try Account.openForReading(path: older)
        #expect(reader.accountID == "210987654321")
        #expect(try reader.storage.listBuckets(caller: .root).isEmpty)
        #expect(try reader.read { db in try AccountSchema.migrator.hasCompletedMigrations(db) } == false,
                "reading must not migrate")
        let upgraded = try Account.open(path: older)
        #expect(try upgraded.read { db in try AccountSchema.migrator.hasCompletedMigrations(db) })
    }

    @Test("A file SQLite finds malformed is reported with SQLite's words and left untouched")
    func malformedSchemaPage() throws {
        // Page 1's b-tree header (sqlite_master) starts at byte 100.
        try scribble(at: 100, count: 50, byte: 0)
        let error = AccountFileError.corrupt(path: path, detail: "SQLite reports: database disk image is malformed")
        try expectRefused(error)
        #expect(error.description == "\(path) is damaged (SQLite reports: database disk image is malformed). Overcast left it untouched. Restore it from a backup (`sqlite3 \(path) .recover` may rescue part of it), or move it away and start a new account.")
    }

    @Test("A malformed table found later, while reading, says the account file is damaged")
    func malformedTablePage() throws {
        let (rootPage, pageSize) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'buckets'") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        try #require(rootPage > 1 && pageSize > 0)
        try scribble(at: (rootPage - 1) * pageSize, count: 16, byte: 0xFF)
        let account = try Account.openForReading(path: path)
        #expect(throws: EngineError(code: "InternalError", httpStatus: 500, message: "The account file \(path) is damaged (SQLite reports: database disk image is malformed). Restore it from a backup (`sqlite3 \(path) .recover` may rescue part of it).")) {
            try account.storage.listBuckets(caller: .root)
        }
    }
}
