import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// Opening an account file that another connection is using: its newest pages are in the -wal, or it holds the write lock.
@Suite("Account files in use elsewhere")
final class AccountInUseTests {
    let folder = ScratchFolder()

    func path(_ name: String = "account.sqlite") -> String { folder.path(name) }

    func options(_ accountID: String = "123456789012") -> AccountOptions {
        AccountOptions(clock: ManualClock(), ids: SeededIDGenerator(), accountID: accountID)
    }

    /// The big-endian integer at `offset` in the file's header, as a plain read sees it.
    func headerInteger(_ path: String, at offset: Int) throws -> Int {
        let header = try #require(FileHandle(forReadingAtPath: path)?.readData(ofLength: 100))
        return header[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }

    func walSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    @Test("A just-made account, still open, whose header does not yet say it is ours, opens with its data")
    func freshAccountStillOpen() throws {
        let first = try Account.open(path: path(), options: options())
        try first.storage.createBucket("in-the-wal", caller: .root)
        // Everything after the switch to WAL, the application id included, is still in the -wal.
        try #require(try headerInteger(path(), at: 68) == 0)
        try #require(walSize(path()) > 0)

        let second = try Account.open(path: path(), options: options("999999999999"))
        #expect(second.accountID == "123456789012")
        #expect(try second.storage.listBuckets(caller: .root).map(\.name) == ["in-the-wal"])
        let reader = try Account.openForReading(path: path())
        #expect(try reader.storage.listBuckets(caller: .root).map(\.name) == ["in-the-wal"])
    }

    @Test("Committed data not yet copied from the -wal into the file is there when the account is opened again")
    func uncheckpointedData() throws {
        _ = try Account.open(path: path(), options: options())
        let first = try Account.open(path: path(), options: options())
        try first.storage.createBucket("not-checkpointed", caller: .root)
        try #require(walSize(path()) > 0)
        let second = try Account.open(path: path())
        #expect(try second.storage.listBuckets(caller: .root).map(\.name) == ["not-checkpointed"])
    }

    @Test("Reading works while another connection holds the write lock")
    func readsWhileWriteLockHeld() throws {
        do {
            let account = try Account.open(path: path(), options: options())
            try account.storage.createBucket("seen", caller: .root)
            try account.logs.createLogGroup("/seen", caller: .root)
        }
        let holder = try DatabaseQueue(path: path())
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            // The lock is really held: another writer is turned away at once.
            var immediate = Configuration()
            immediate.busyMode = .immediateError
            let other = try DatabaseQueue(path: path(), configuration: immediate)
            #expect(throws: DatabaseError.self) {
                try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
            }
            try other.close()

            let reader = try Account.openForReading(path: path())
            #expect(reader.accountID == "123456789012")
            #expect(try reader.storage.listBuckets(caller: .root).map(\.name) == ["seen"])
            #expect(try reader.logs.describeLogGroups(caller: .root).items.map(\.name) == ["/seen"])
        }
    }

    @Test("Reading changes nothing in the account file")
    func readingWritesNothing() throws {
        do { _ = try Account.open(path: path(), options: options()) }
        let before = try UntouchedFile(path())
        do {
            let reader = try Account.openForReading(path: path())
            _ = try reader.storage.listBuckets(caller: .root)
        }
        // A read-only connection may leave SQLite's empty -wal and -shm behind; the account itself is as it was.
        try before.expectUnchanged(companionsAllowed: true)
        #expect(walSize(path()) == 0)
    }

    @Test("Opening for reading where there is no account yet creates one, as opening to work does")
    func readingCreatesOnFirstUse() throws {
        let reader = try Account.openForReading(path: path("new/account.sqlite"), options: options())
        #expect(reader.accountID == "123456789012")
        #expect(try Account.open(path: path("new/account.sqlite")).accountID == "123456789012")
    }

    @Test("A write through an account opened for reading says how it was opened")
    func writeThroughReader() throws {
        do { _ = try Account.open(path: path(), options: options()) }
        let reader = try Account.openForReading(path: path())
        #expect(throws: EngineError(code: "InternalError", httpStatus: 500, message: "The account \(path()) was opened only for reading (Account.openForReading); open it with Account.open to change it.")) {
            try reader.storage.createBucket("nope", caller: .root)
        }
    }

    @Test("Another program's WAL database, open with pages in its -wal, is refused and neither file changes")
    func foreignDatabaseInUse() throws {
        var config = Configuration()
        config.journalMode = .wal
        let other = try DatabaseQueue(path: path("foreign.db"), configuration: config)
        try other.write { db in try db.execute(sql: "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('mine')") }
        try #require(walSize(path("foreign.db")) > 0)
        let main = try UntouchedFile(path("foreign.db"))
        let wal = try UntouchedFile(path("foreign.db") + "-wal")
        #expect(throws: AccountFileError.notAnAccount(path: path("foreign.db"))) { try Account.open(path: path("foreign.db")) }
        #expect(throws: AccountFileError.notAnAccount(path: path("foreign.db"))) {
            try Account.openForReading(path: path("foreign.db"))
        }
        try main.expectUnchanged(companionsAllowed: true)
        try wal.expectUnchanged()
        try other.close()
    }

    @Test("A newer Overcast's account still open, its new version only in the -wal, is refused")
    func newerAccountInUse() throws {
        do { _ = try Account.open(path: path(), options: options()) }
        let newer = try DatabaseQueue(path: path())
        try newer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = \(AccountSchema.version + 1)") }
        try #require(try headerInteger(path(), at: 60) == AccountSchema.version, "the header should not show it yet")
        let error = AccountFileError.newerSchemaVersion(path: path(), version: AccountSchema.version + 1, known: AccountSchema.version)
        #expect(throws: error) { try Account.open(path: path()) }
        #expect(throws: error) { try Account.openForReading(path: path()) }
        try newer.close()
    }
}
