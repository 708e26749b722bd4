import GRDB
import Testing
@testable import CloudEngine

/// SQLite's failures while an account is opened reach the user worded for the account file.
@Suite("SQLite failures at open")
struct AccountFileErrorTests {
    let path = "/data/account.sqlite"

    func worded(_ code: ResultCode, _ message: String) -> String {
        AccountFileError(DatabaseError(resultCode: code, message: message), path: path).description
    }

    @Test("Busy: another process kept the lock; try again")
    func busy() {
        #expect(worded(.SQLITE_BUSY, "database is locked") == "Cannot open the account file /data/account.sqlite: another process kept it locked for 30 seconds (database is locked). Try again when that process is done writing.")
    }

    @Test("Corrupt and not-a-database: the file is damaged, in SQLite's words")
    func corrupt() {
        #expect(worded(.SQLITE_CORRUPT, "database disk image is malformed").hasPrefix("/data/account.sqlite is damaged (SQLite reports: database disk image is malformed). Overcast left it untouched."))
        #expect(worded(.SQLITE_NOTADB, "file is not a database").hasPrefix("/data/account.sqlite is damaged (SQLite reports: file is not a database)."))
    }

    @Test("Read-only: which files need write permission")
    func readOnly() {
        #expect(worded(.SQLITE_READONLY, "attempt to write a readonly database") == "Cannot open the account file /data/account.sqlite: SQLite may not write to it (attempt to write a readonly database). Check that you may write the file, its -wal and -shm files, and its folder.")
    }

    @Test("Full disk: free some space")
    func full() {
        #expect(worded(.SQLITE_FULL, "database or disk is full") == "Cannot open the account file /data/account.sqlite: the disk is full (database or disk is full). Free some space and try again.")
    }

    @Test("Anything else: SQLite's own words, and where to look")
    func other() {
        #expect(worded(.SQLITE_IOERR, "disk I/O error") == "Cannot open the account file /data/account.sqlite: SQLite reports: disk I/O error. Check the file, its folder and the disk, or choose another file with --db.")
    }
}
