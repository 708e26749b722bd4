import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// Files that are not an account this Overcast may open are refused before SQLite touches them.
@Suite("Refused account files are left untouched")
final class AccountFileRefusalTests {
    let folder = ScratchFolder()

    func path(_ name: String = "account.sqlite") -> String { folder.path(name) }

    /// A closed account, made by this Overcast.
    func makeAccount() throws -> String {
        _ = try Account.open(path: path(), options: AccountOptions(clock: ManualClock(), ids: SeededIDGenerator()))
        return path()
    }

    /// Changes a closed database with a plain SQLite connection, as another program would.
    func alter(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test("A text file: not a database, and no -wal, -shm or -journal appears beside it")
    func textFile() throws {
        try Data("name,size\nreport.csv,12\n".utf8).write(to: URL(fileURLWithPath: path("notes.csv")))
        let before = try UntouchedFile(path("notes.csv"))
        #expect(throws: AccountFileError.notADatabase(path: path("notes.csv"))) {
            try Account.open(path: path("notes.csv"))
        }
        #expect(throws: AccountFileError.notADatabase(path: path("notes.csv"))) {
            try Account.openForReading(path: path("notes.csv"))
        }
        try before.expectUnchanged()
    }

    @Test("A file that starts like SQLite but is too short to be one is reported as damaged")
    func truncatedSQLite() throws {
        try Data("SQLite format 3\0 and then nothing".utf8).write(to: URL(fileURLWithPath: path()))
        let before = try UntouchedFile(path())
        let error = AccountFileError.corrupt(path: path(), detail: "it is only 33 bytes long, too short for a SQLite database")
        #expect(throws: error) { try Account.open(path: path()) }
        #expect(error.description == "\(path()) is damaged (it is only 33 bytes long, too short for a SQLite database). Overcast left it untouched. Restore it from a backup (`sqlite3 \(path()) .recover` may rescue part of it), or move it away and start a new account.")
        try before.expectUnchanged()
    }

    @Test("Another program's SQLite database (rollback journal): not an account")
    func foreignRollbackDatabase() throws {
        try alter(path(), "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('mine')")
        let before = try UntouchedFile(path())
        #expect(throws: AccountFileError.notAnAccount(path: path())) { try Account.open(path: path()) }
        #expect(throws: AccountFileError.notAnAccount(path: path())) { try Account.openForReading(path: path()) }
        try before.expectUnchanged()
    }

    @Test("Another program's SQLite database in WAL mode: not an account, and no -wal or -shm is made for it")
    func foreignWALDatabase() throws {
        try alter(path(), "PRAGMA journal_mode = WAL; CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('mine')")
        #expect(UntouchedFile.companions(of: path()).isEmpty)
        let before = try UntouchedFile(path())
        #expect(throws: AccountFileError.notAnAccount(path: path())) { try Account.open(path: path()) }
        #expect(throws: AccountFileError.notAnAccount(path: path())) { try Account.openForReading(path: path()) }
        try before.expectUnchanged()
    }

    @Test("Another program's SQLite database with an application id of its own: not an account")
    func foreignApplicationID() throws {
        try alter(path(), "PRAGMA application_id = 1234")
        let before = try UntouchedFile(path())
        #expect(throws: AccountFileError.notAnAccount(path: path())) { try Account.open(path: path()) }
        try before.expectUnchanged()
    }

    @Test("An account whose header carries a newer schema version is refused from the header alone")
    func newerSchemaVersion() throws {
        let account = try makeAccount()
        try alter(account, "PRAGMA user_version = \(AccountSchema.version + 1)")
        let before = try UntouchedFile(account)
        let error = AccountFileError.newerSchemaVersion(path: account, version: AccountSchema.version + 1,
                                                        known: AccountSchema.version)
        #expect(throws: error) { try Account.open(path: account) }
        #expect(throws: error) { try Account.openForReading(path: account) }
        #expect(error.description == "\(account) was written by a newer version of Overcast (its schema version is \(AccountSchema.version + 1); this version knows up to \(AccountSchema.version)). Upgrade Overcast to open it; the file was left untouched.")
        try before.expectUnchanged()
    }

    @Test("An account recording a migration this Overcast does not know is refused, naming it, and left untouched")
    func unknownMigration() throws {
        let account = try makeAccount()
        try alter(account, "INSERT INTO grdb_migrations(identifier) VALUES ('v9-future')")
        let before = try UntouchedFile(account)
        let error = AccountFileError.newerVersion(path: account, unknownMigrations: ["v9-future"])
        #expect(throws: error) { try Account.open(path: account) }
        #expect(throws: error) { try Account.openForReading(path: account) }
        #expect(error.description.contains("newer version of Overcast") && error.description.contains("v9-future"))
        try before.expectUnchanged()
    }

    @Test("Opening an account stamps its schema version in the header, where the next open reads it")
    func stampsSchemaVersion() throws {
        let account = try makeAccount()
        let header = try #require(FileHandle(forReadingAtPath: account)?.readData(ofLength: 100))
        #expect(header[60..<64].reduce(0) { $0 << 8 | Int($1) } == AccountSchema.version)
    }

    @Test("A blank SQLite file carrying another program's user_version gets this Overcast's version")
    func blankFileVersionReplaced() throws {
        try alter(path(), "PRAGMA user_version = 99")
        _ = try Account.open(path: path())
        let reopened = try Account.open(path: path())
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == AccountSchema.version)
    }
}
