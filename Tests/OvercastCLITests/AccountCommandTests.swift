import Foundation
import GRDB
import Testing

@Suite("overcast: the account file from the command line")
struct AccountCommandTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    @Test("--version prints the version")
    func version() throws {
        let run = try OvercastProcess.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("--help explains where the account file lives")
    func help() throws {
        let run = try OvercastProcess.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--db"))
        #expect(run.stdout.contains("OVERCAST_DB"))
    }

    @Test("info creates the account in the chosen file, then finds the same account again")
    func infoCreatesThenReopens() throws {
        let db = folder.path("nested/dir/account.sqlite")
        let first = try OvercastProcess.run(["info", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))
        let id = first.stdout.split(separator: "\n").first { $0.hasPrefix("Account") }
        let second = try OvercastProcess.run(["info", "--db", db])
        #expect(second.stdout.split(separator: "\n").first { $0.hasPrefix("Account") } == id)
        #expect(first.stdout.contains("us-east-1"))
    }

    @Test("OVERCAST_DB chooses the file when --db is not given")
    func environmentVariable() throws {
        let db = folder.path("from-env.sqlite")
        let run = try OvercastProcess.run(["info"], environment: ["OVERCAST_DB": db])
        #expect(run.status == 0)
        #expect(run.stdout.contains(db))
    }

    @Test("The default file is under XDG_DATA_HOME")
    func xdgDefault() throws {
        let data = folder.path("xdg")
        let run = try OvercastProcess.run(["info"], environment: ["XDG_DATA_HOME": data, "OVERCAST_DB": ""])
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: data + "/overcast/account.sqlite"))
    }

    @Test("A file that is not an account is refused, with what to do, and left untouched")
    func refusesForeignFile() throws {
        let path = try folder.file("notes.txt", "my precious notes\n")
        let run = try OvercastProcess.run(["info", "--db", path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("is not an Overcast account"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my precious notes\n")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("info prints the account, region, file, buckets and log groups, one per line")
    func infoOutput() throws {
        let db = folder.path("account.sqlite")
        let run = try OvercastProcess.run(["info", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.first?.hasPrefix("Account     ") == true)
        #expect(Array(lines.dropFirst()) == [
            "Region      us-east-1", "File        \(db)", "Buckets     0 (0 objects)", "Log groups  0",
        ])
    }

    @Test("info reads the account while another process holds its write lock")
    func infoWhileWriteLockHeld() throws {
        let db = folder.path("account.sqlite")
        let first = try OvercastProcess.run(["info", "--db", db])
        try #require(first.status == 0, "\(first.stderr)")
        let holder = try DatabaseQueue(path: db)
        let during = try holder.writeWithoutTransaction { connection in
            try connection.execute(sql: "BEGIN IMMEDIATE")
            defer { try? connection.execute(sql: "ROLLBACK") }
            return try OvercastProcess.run(["info", "--db", db])
        }
        #expect(during.status == 0, "\(during.stderr)")
        #expect(during.stdout == first.stdout)
    }

    @Test("A directory given as the account file is named, with the path to give instead")
    func refusesDirectory() throws {
        let run = try OvercastProcess.run(["info", "--db", folder.url.path])
        #expect(run.status == 1)
        #expect(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == "Error: \(folder.url.path) is a directory, not a file. Give --db the path of the account file itself, e.g. \(folder.url.path)/account.sqlite.")
    }

    @Test("A FIFO given as the account file is named, and overcast does not wait on it")
    func refusesFIFO() throws {
        let fifo = folder.path("pipe")
        try #require(mkfifo(fifo, 0o600) == 0)
        let run = try OvercastProcess.run(["info", "--db", fifo])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(fifo) is a FIFO (named pipe), not a file. An account lives in a regular file: choose another path with --db."))
    }

    @Test("A dangling symbolic link is named with where it points")
    func refusesDanglingLink() throws {
        let link = folder.path("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/nonexistent/account.sqlite")
        let run = try OvercastProcess.run(["info", "--db", link])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(link) is a symbolic link to /nonexistent/account.sqlite, which does not exist."))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent"))
    }

    @Test("An account with a dropped table is refused, naming what is missing, and left as it was")
    func refusesDamagedAccount() throws {
        let db = folder.path("account.sqlite")
        try #require(try OvercastProcess.run(["info", "--db", db]).status == 0)
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { try $0.execute(sql: "DROP TABLE log_events") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let run = try OvercastProcess.run(["info", "--db", db])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(db) is an Overcast account, but it is damaged: it is missing index log_events_by_group, index log_events_by_stream, table log_events."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
    }

    @Test("An account file the user may not read says so, whose it is, and what to do",
          .enabled(if: OvercastProcess.canDropPrivileges))
    func unreadableAccount() throws {
        let db = folder.path("account.sqlite")
        try #require(try OvercastProcess.run(["info", "--db", db]).status == 0)
        try #require(chmod(db, 0o200) == 0)
        let run = try OvercastProcess.runUnprivileged(["info", "--db", db])
        #expect(run.status == 1)
        let user = OvercastProcess.unprivilegedUser
        #expect(run.stderr.contains("Cannot open the account file \(db): you (\(user)) may not read it: it is --w-------"))
        let fix = geteuid() == 0
            ? "Ask root to give you access (or run `sudo chown \(user) \(db)`), or choose another file with --db."
            : "Run `chmod u+r \(db)`."
        #expect(run.stderr.contains(fix))
    }

    @Test("An account in a folder the user may not write says SQLite needs its -wal and -shm there",
          .enabled(if: OvercastProcess.canDropPrivileges))
    func unwritableFolder() throws {
        let db = folder.path("account.sqlite")
        try #require(try OvercastProcess.run(["info", "--db", db]).status == 0)
        try #require(chmod(folder.url.path, 0o555) == 0)
        defer { chmod(folder.url.path, 0o755) }
        let run = try OvercastProcess.runUnprivileged(["info", "--db", db])
        #expect(run.status == 1)
        let user = OvercastProcess.unprivilegedUser
        #expect(run.stderr.contains("you (\(user)) may not create files in its folder \(folder.url.path) (dr-xr-xr-x"))
        #expect(run.stderr.contains("and SQLite keeps \(db)-wal and \(db)-shm there while the account is open."))
    }

    @Test("The console refuses an account file the user may only read, before the screen starts",
          .enabled(if: OvercastProcess.canDropPrivileges))
    func consoleNeedsWriteAccess() throws {
        let db = folder.path("account.sqlite")
        try #require(try OvercastProcess.run(["info", "--db", db]).status == 0)
        try #require(chmod(db, 0o444) == 0)
        let run = try OvercastProcess.runUnprivileged(["--db", db])
        #expect(run.status == 1)
        let user = OvercastProcess.unprivilegedUser
        #expect(run.stderr.contains("you (\(user)) may read it but not write to it: it is -r--r--r--"))
    }
}
