import Foundation
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
}
