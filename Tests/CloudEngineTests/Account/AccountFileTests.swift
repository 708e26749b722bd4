import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// Opening, reopening and refusing account files. (Kept here, beside `TestAccount`, because it tests what that helper relies on.)
@Suite("Account file")
final class AccountFileTests {
    let folder = ScratchFolder()

    func path(_ name: String = "account.sqlite") -> String { folder.path(name) }

    func options(accountID: String? = "123456789012", region: String = "us-east-1") -> AccountOptions {
        AccountOptions(clock: ManualClock(), ids: SeededIDGenerator(), region: region, accountID: accountID)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test("Opening a path in folders that do not exist creates them and the file")
    func createsFolderAndFile() throws {
        let nested = folder.path("deep/er/account.sqlite")
        let account = try Account.open(path: nested, options: options())
        #expect(exists(nested))
        #expect(account.path == nested)
        #expect(try account.integrityCheck() == "ok")
    }

    @Test("A new account takes the given id and region and the clock's time")
    func newAccountInfo() throws {
        let clock = ManualClock()
        let account = try Account.open(path: path(), options: AccountOptions(
            clock: clock, ids: SeededIDGenerator(), region: "eu-west-1", accountID: "210987654321"))
        #expect(account.info == AccountInfo(accountID: "210987654321", region: "eu-west-1", createdAt: clock.now()))
    }

    @Test("Without an id, a new account gets twelve digits not starting with 0")
    func generatedAccountID() throws {
        let account = try Account.open(path: path(), options: options(accountID: nil))
        #expect(account.accountID.count == 12)
        #expect(account.accountID.allSatisfy { $0.isNumber })
        #expect(account.accountID.first != "0")
    }

    @Test("Reopening keeps the account id and region, whatever the options say")
    func reopenKeepsIdentity() throws {
        do {
            let first = try Account.open(path: path(), options: options(accountID: "111122223333", region: "ap-south-1"))
            try first.storage.createBucket("kept", caller: .root)
        }
        let again = try Account.open(path: path(), options: options(accountID: "999999999999", region: "us-west-2"))
        #expect(again.accountID == "111122223333")
        #expect(again.region == "ap-south-1")
        #expect(try again.storage.listBuckets(caller: .root).map(\.name) == ["kept"])
    }

    @Test("An empty file is made into an account")
    func emptyFile() throws {
        _ = FileManager.default.createFile(atPath: path(), contents: Data())
        let account = try Account.open(path: path(), options: options())
        #expect(account.accountID == "123456789012")
    }

    @Test("A SQLite file with no tables and no application id is made into an account")
    func blankSQLite() throws {
        do {
            let queue = try DatabaseQueue(path: path())
            try queue.write { db in try db.execute(sql: "PRAGMA user_version = 7") }
            try queue.close()
        }
        #expect(try bytes(path()).count > 0)
        let account = try Account.open(path: path(), options: options())
        #expect(try account.storage.listBuckets(caller: .root).isEmpty)
    }

    @Test("A file that is not SQLite is refused as notADatabase and left unchanged")
    func notADatabase() throws {
        let original = Data("name,size\nreport.csv,12\n".utf8)
        try original.write(to: URL(fileURLWithPath: path()))
        #expect(throws: AccountFileError.notADatabase(path: path())) { try Account.open(path: path(), options: options()) }
        #expect(try bytes(path()) == original)
        #expect(AccountFileError.notADatabase(path: path()).description.contains("it is not a SQLite database"))
    }

    @Test("A SQLite database from another app is refused as notAnAccount and left byte-identical")
    func notAnAccount() throws {
        do {
            let queue = try DatabaseQueue(path: path())
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('mine')")
            }
            try queue.close()
        }
        let before = try bytes(path())
        #expect(throws: AccountFileError.notAnAccount(path: path())) { try Account.open(path: path(), options: options()) }
        #expect(try bytes(path()) == before)
        #expect(!exists(path() + "-wal"))
        #expect(!exists(path() + "-shm"))
        #expect(AccountFileError.notAnAccount(path: path()).description.contains("Overcast left it untouched"))
    }

    @Test("An account written by a newer Overcast is refused as newerVersion, naming the unknown migrations")
    func newerVersion() throws {
        do { _ = try Account.open(path: path(), options: options()) }
        do {
            let queue = try DatabaseQueue(path: path())
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9-future')") }
            try queue.close()
        }
        let before = try bytes(path())
        #expect(throws: AccountFileError.newerVersion(path: path(), unknownMigrations: ["v9-future"])) {
            try Account.open(path: path(), options: options())
        }
        #expect(try bytes(path()) == before)
        let message = AccountFileError.newerVersion(path: path(), unknownMigrations: ["v9-future"]).description
        #expect(message.contains("newer version of Overcast") && message.contains("v9-future"))
    }
}

@Suite("Where the account file lives")
struct AccountLocationTests {
    let full = ["OVERCAST_DB": "/env/db.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"]

    @Test("--db wins over everything")
    func flagFirst() {
        #expect(AccountLocation.resolve(flag: "/flag.sqlite", environment: full) == "/flag.sqlite")
    }

    @Test("OVERCAST_DB comes next")
    func environmentVariable() {
        #expect(AccountLocation.resolve(flag: nil, environment: full) == "/env/db.sqlite")
    }

    @Test("An empty --db is no flag")
    func emptyFlag() {
        #expect(AccountLocation.resolve(flag: "", environment: full) == "/env/db.sqlite")
    }

    @Test("Then $XDG_DATA_HOME/overcast/account.sqlite")
    func xdg() {
        #expect(AccountLocation.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"])
                == "/xdg/overcast/account.sqlite")
    }

    @Test("Then ~/.local/share/overcast/account.sqlite")
    func home() {
        #expect(AccountLocation.resolve(flag: nil, environment: ["HOME": "/home/ann"])
                == "/home/ann/.local/share/overcast/account.sqlite")
    }

    @Test("Empty variables are skipped")
    func emptyVariables() {
        #expect(AccountLocation.resolve(flag: nil, environment: ["OVERCAST_DB": "", "XDG_DATA_HOME": "", "HOME": "/home/ann"])
                == "/home/ann/.local/share/overcast/account.sqlite")
    }
}

@Suite("Change feed")
struct ChangeFeedTests {
    let env: TestAccount

    init() throws {
        env = try TestAccount()
    }

    func recording(_ body: () throws -> Void) rethrows -> [AccountChange] {
        let seen = Collected<AccountChange>()
        let subscription = env.account.changes.subscribe { seen.append($0) }
        defer { subscription.cancel() }
        try body()
        return seen.values
    }

    @Test("Creating a bucket announces buckets")
    func bucketTopic() throws {
        let changes = try recording { try env.storage.createBucket("bkt", caller: .root) }
        #expect(changes == [AccountChange(topics: [.buckets], external: false)])
    }

    @Test("Putting an object announces objects and buckets")
    func objectTopics() throws {
        try env.storage.createBucket("bkt", caller: .root)
        let changes = try recording { try env.storage.put("bkt", "k") }
        #expect(changes == [AccountChange(topics: [.objects, .buckets], external: false)])
    }

    @Test("Log writes announce logs")
    func logsTopic() throws {
        let changes = try recording { try env.logs.createLogGroup("g", caller: .root) }
        #expect(changes == [AccountChange(topics: [.logs], external: false)])
    }

    @Test("A failed write announces nothing")
    func failedWrite() throws {
        let changes = recording { _ = try? env.storage.deleteObject(bucket: "ghost", key: "k", caller: .root) }
        #expect(changes.isEmpty)
    }

    @Test("A cancelled subscription hears nothing more")
    func cancelled() throws {
        let seen = Collected<AccountChange>()
        let subscription = env.account.changes.subscribe { seen.append($0) }
        subscription.cancel()
        try env.storage.createBucket("bkt", caller: .root)
        #expect(seen.values.isEmpty)
    }
}

@Suite("Changes made by another process")
struct ExternalChangeTests {
    let env: TestAccount
    let other: Account

    init() throws {
        env = try TestAccount()
        other = try env.reopen()
    }

    @Test("A second account on the same file sees the first one's writes as external changes")
    func seesExternalWrites() throws {
        try env.storage.createBucket("bkt", caller: .root)
        let monitor = ExternalChangeMonitor(account: other)
        monitor.pollNow()
        let seen = Collected<AccountChange>()
        let subscription = other.changes.subscribe { seen.append($0) }
        defer { subscription.cancel() }
        try env.storage.put("bkt", "k")
        #expect(monitor.pollNow() == [.objects, .buckets])
        #expect(seen.values == [AccountChange(topics: [.objects, .buckets], external: true)])
        #expect(try other.storage.text("bkt", "k") == "x")
    }

    @Test("Polling again with no new writes reports nothing")
    func quietAfterward() throws {
        let monitor = ExternalChangeMonitor(account: other)
        monitor.pollNow()
        try env.logs.createLogGroup("g", caller: .root)
        #expect(monitor.pollNow() == [.logs])
        #expect(monitor.pollNow().isEmpty)
    }

    @Test("The first poll reports writes made since the monitor was created")
    func firstPollSeesWrites() throws {
        let monitor = ExternalChangeMonitor(account: other)
        try env.storage.createBucket("bkt", caller: .root)
        #expect(monitor.pollNow() == [.buckets])
    }

    @Test("Topics changed before the monitor's first look are not reported later")
    func noStaleTopics() throws {
        try env.logs.createLogGroup("g", caller: .root)
        try env.storage.createBucket("bkt", caller: .root)
        let monitor = ExternalChangeMonitor(account: other)
        monitor.pollNow()
        try env.storage.put("bkt", "k")
        #expect(monitor.pollNow() == [.objects, .buckets])
    }

    @Test("An account's own writes are not external to it")
    func ownWritesNotExternal() throws {
        let monitor = ExternalChangeMonitor(account: other)
        monitor.pollNow()
        try other.storage.createBucket("mine", caller: .root)
        #expect(monitor.pollNow().isEmpty)
    }
}
