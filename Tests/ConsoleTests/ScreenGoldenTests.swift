import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// Every screen of the buckets issue, at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Screens")
struct ScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    /// Builds the screen with `setup` at each size and compares it with `Snapshots/ScreenGoldenTests/<name>_<W>x<H>.txt`.
    func golden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (ConsoleFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try ConsoleFixture(size: size, start: false)
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    func sample(_ f: ConsoleFixture) throws {
        try f.bucket("photos", ["2024/cat.jpg": "meow", "2024/dog.jpg": "woof!", "readme.txt": "hello\nworld\n",
                                "data.json": #"{"name":"overcast","tags":["s3","local"],"size":3}"#,
                                "sales.csv": "region,total\nnorth,10\nsouth,7\n", "logo.bin": "\u{0}\u{1}PNG\u{7F}"])
        f.clock.advance(by: 3600)
        try f.bucket("analytics-raw")
        try f.bucket("empty-bucket")
        f.harness.start()
    }

    func browser(_ f: ConsoleFixture) throws {
        try sample(f)
        f.open(bucket: "photos")
    }

    @Test func bucketList() throws { try golden("bucketList") { try sample($0) } }

    @Test func emptyList() throws { try golden("emptyList") { $0.harness.start() } }

    @Test func createFormWithFailingRule() throws {
        try golden("createFormWithFailingRule") { f in
            f.harness.start()
            f.harness.press("n")
            f.harness.type("My_Bucket")
        }
    }

    @Test func deleteRefusal() throws {
        try golden("deleteRefusal") { f in
            try sample(f)
            f.open(bucket: "photos")
            f.harness.press("esc", "x", "y")
        }
    }

    @Test func emptyAndDeleteConfirmation() throws {
        try golden("emptyAndDeleteConfirmation") { f in
            try sample(f)
            f.open(bucket: "photos")
            f.harness.press("esc", "x", "e")
            f.harness.type("pho")
        }
    }

    @Test func objectsAtRoot() throws { try golden("objectsAtRoot") { try browser($0) } }

    @Test func objectsInFolder() throws {
        try golden("objectsInFolder") { f in
            try browser(f)
            f.harness.press("enter")
        }
    }

    @Test func objectDetails() throws {
        try golden("objectDetails") { f in
            try browser(f)
            f.select("readme.txt")
            f.harness.press("i")
        }
    }

    @Test func previewText() throws {
        try golden("previewText") { f in
            try browser(f)
            f.select("readme.txt")
            f.harness.press("p")
        }
    }

    @Test func previewJSON() throws {
        try golden("previewJSON") { f in
            try browser(f)
            f.select("data.json")
            f.harness.press("enter")
        }
    }

    @Test func previewCSV() throws {
        try golden("previewCSV") { f in
            try browser(f)
            f.select("sales.csv")
            f.harness.press("p")
        }
    }

    @Test func previewBinary() throws {
        try golden("previewBinary") { f in
            try browser(f)
            f.select("logo.bin")
            f.harness.press("p")
        }
    }

    @Test func uploadForm() throws {
        try golden("uploadForm") { f in
            try browser(f)
            f.harness.press("u")
            f.harness.type("exports/sales-2024.csv")
        }
    }

    @Test func uploadInProgress() throws {
        try golden("uploadInProgress") { f in
            try browser(f)
            f.harness.autoSettle = false
            f.harness.press("u")
            f.harness.type("exports")
            f.harness.press("enter")
            f.harness.send(.buckets(.transferPlanned(id: 1, files: [
                TransferFile(localPath: "/data/exports/a.csv", key: "exports/a.csv", size: 4 << 20),
                TransferFile(localPath: "/data/exports/b.csv", key: "exports/b.csv", size: 12 << 20),
            ])))
            f.harness.send(.buckets(.transferFileFinished(id: 1, fileIndex: 0)))
            f.harness.send(.buckets(.transferProgressed(id: 1, fileIndex: 1, bytes: 3 << 20)))
            f.harness.send(.ticked(now: f.state.now + 2))
        }
    }

    @Test func downloadForm() throws {
        try golden("downloadForm") { f in
            try browser(f)
            f.harness.update { $0.workingDirectory = "/home/learner" }
            f.select("readme.txt")
            f.harness.press("w")
        }
    }

    @Test func overwriteConfirmation() throws {
        try golden("overwriteConfirmation") { f in
            try browser(f)
            f.select("readme.txt")
            f.harness.press("w")
            f.harness.send(.buckets(.downloadTargetChecked(DownloadRequest(
                id: 1, bucket: "photos", key: "readme.txt", localPath: "/home/learner/readme.txt",
                workingDirectory: "/home/learner"), exists: true)))
        }
    }

    @Test func createFolder() throws {
        try golden("createFolder") { f in
            try browser(f)
            f.harness.press("n")
            f.harness.type("reports")
        }
    }

    @Test func deleteConfirmationCountsMarked() throws {
        try golden("deleteConfirmationCountsMarked") { f in
            try browser(f)
            f.select("data.json")
            f.harness.press("space", "space", "space")
            f.harness.press("x")
        }
    }

    @Test func filterWithHighlightedMatches() throws {
        try golden("filterWithHighlightedMatches") { f in
            try browser(f)
            f.harness.press("/")
            f.harness.type("a")
        }
    }

    @Test func helpOverlay() throws {
        try golden("helpOverlay") { f in
            try browser(f)
            f.harness.press("?")
        }
    }

    @Test func commandLineWithCompletion() throws {
        try golden("commandLineWithCompletion") { f in
            try sample(f)
            f.harness.press(":")
            f.harness.type("l")
        }
    }

    @Test func unavailableService() throws {
        try golden("unavailableService") { f in
            try sample(f)
            f.harness.press(":")
            f.harness.type("lambda")
            f.harness.press("enter")
        }
    }

    @Test func terminalTooSmall() throws {
        let f = try ConsoleFixture(size: Size(width: 70, height: 20))
        assertScreen(f.harness.screen, named: "terminalTooSmall_70x20", roles: true)
    }

    @Test func logPaneShown() throws {
        try golden("logPaneShown") { f in
            try sample(f)
            f.harness.press("L")
        }
    }
}
