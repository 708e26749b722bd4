import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// `w` on marked objects or on a folder: everything under them, into a local folder, keys kept as paths.
@Suite("Downloading several objects and folders")
struct DownloadManyTests {
    func bucket(_ objects: [String: String]) throws -> ConsoleFixture {
        let f = try ConsoleFixture()
        try f.bucket("data", objects)
        f.refresh()
        f.open(bucket: "data")
        return f
    }

    @Test("w on a folder saves every object under it, made folders included")
    func folder() throws {
        let f = try bucket(["reports/2026/jan.csv": "a", "reports/2026/feb.csv": "bb", "reports/readme.txt": "ccc", "other.txt": "x"])
        f.select("reports/")
        f.harness.press("w")
        guard case .download(let form) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(form.form.title == "Download 1 folder from s3://data/")
        f.harness.press("ctrl+u")
        let target = f.folder.appendingPathComponent("saved/here").path
        f.harness.type(target)
        f.harness.press("enter")
        #expect(try String(contentsOfFile: target + "/reports/2026/feb.csv", encoding: .utf8) == "bb")
        #expect(try String(contentsOfFile: target + "/reports/readme.txt", encoding: .utf8) == "ccc")
        #expect(!FileManager.default.fileExists(atPath: target + "/other.txt"))
        #expect(f.lastToast == "Downloaded 3 files (6 B) from s3://data/ into \(target)")
    }

    @Test("w with marked objects saves the marked ones")
    func marked() throws {
        let f = try bucket(["a.txt": "1", "b.txt": "22", "c.txt": "333"])
        f.select("a.txt")
        f.harness.press("space")
        f.select("c.txt")
        f.harness.press("space", "w")
        guard case .download(let form) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(form.form.title == "Download 2 objects from s3://data/")
        f.harness.press("enter")
        #expect(try String(contentsOf: f.folder.appendingPathComponent("a.txt"), encoding: .utf8) == "1")
        #expect(try String(contentsOf: f.folder.appendingPathComponent("c.txt"), encoding: .utf8) == "333")
        #expect(!FileManager.default.fileExists(atPath: f.folder.appendingPathComponent("b.txt").path))
    }

    @Test("Existing files are replaced only after saying so")
    func overwriteAsks() throws {
        let f = try bucket(["docs/a.txt": "new", "docs/b.txt": "new"])
        try f.localFile("docs/a.txt", "old")
        f.select("docs/")
        f.harness.press("w", "enter")
        guard case .confirmOverwrite(let confirmation, _) = f.state.buckets.modal else { Issue.record("no question"); return }
        #expect(confirmation.message == "1 of the 2 files already exist in \(f.folder.path). Replace them?")
        f.harness.press("n")
        #expect(try String(contentsOf: f.folder.appendingPathComponent("docs/a.txt"), encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: f.folder.appendingPathComponent("docs/b.txt").path))
    }

    @Test("A file where the folder should be is refused in the form, with what was typed kept")
    func targetIsAFile() throws {
        let f = try bucket(["docs/a.txt": "x"])
        let file = try f.localFile("plain", "not a folder")
        f.select("docs/")
        f.harness.press("w", "ctrl+u")
        f.harness.type(file)
        f.harness.press("enter")
        guard case .download(let form) = f.state.buckets.modal else { Issue.record("form closed"); return }
        #expect(form.form.values.text("path") == file)
        #expect(form.form.visibleError("path")?.hasPrefix("\(file) is a file") == true)
    }

    @Test("A key that would climb out of the folder is refused, and nothing is written")
    func climbingKey() throws {
        let f = try bucket(["docs/ok.txt": "fine", "docs/../../escape.txt": "bad"])
        f.select("docs/")
        f.harness.press("w", "enter")
        guard case .download(let form) = f.state.buckets.modal else { Issue.record("form closed"); return }
        #expect(form.form.visibleError("path")?.contains("would be saved outside") == true)
        #expect(!FileManager.default.fileExists(atPath: f.folder.appendingPathComponent("docs/ok.txt").path))
    }

    @Test("Deleting objects in the console gives their space back to the disk")
    func deletingReclaims() throws {
        let big = String(repeating: "x", count: 200_000)
        let f = try bucket(Dictionary(uniqueKeysWithValues: (0..<20).map { ("f\($0).bin", big) }))
        let full = try f.account.spaceReport()
        for index in 0..<20 {
            f.select("f\(index).bin")
            f.harness.press("space")
        }
        f.harness.press("x", "y")
        #expect(try f.storage.listObjects(bucket: "data", caller: .root).objects.isEmpty)
        let after = try f.account.spaceReport()
        #expect(after.freePages == 0)
        #expect(after.fileBytes + after.walBytes < full.fileBytes + full.walBytes)
    }
}
