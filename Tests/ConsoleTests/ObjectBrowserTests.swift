import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

@Suite("Object browser")
struct ObjectBrowserTests {
    func photos() throws -> ConsoleFixture {
        let f = try ConsoleFixture(start: false)
        try f.bucket("photos", ["2024/cat.jpg": "meow", "2024/dog.jpg": "woof!", "readme.txt": "hello\nworld\n",
                                "big.bin": String(repeating: "x", count: 300)])
        f.harness.start()
        f.open(bucket: "photos")
        return f
    }

    @Test("Opening a bucket shows folders first as prefixes, then objects, in key order")
    func rootListing() throws {
        let f = try photos()
        #expect(f.state.buckets.browser?.table.rows.map(\.id) == ["2024/", "big.bin", "readme.txt"])
        #expect(f.state.buckets.browser?.table.rows.first?.cells.first == "2024/")
    }

    @Test("Enter on a folder opens it and Esc goes back up with the folder selected")
    func intoFolderAndUp() throws {
        let f = try photos()
        f.harness.press("enter")
        #expect(f.state.buckets.browser?.query.prefix == "2024/")
        #expect(f.state.buckets.browser?.table.rows.map { $0.cells[0] } == ["cat.jpg", "dog.jpg"])
        f.harness.press("esc")
        #expect(f.state.buckets.browser?.query.prefix == "")
        #expect(f.state.buckets.browser?.table.selectedID == "2024/")
    }

    @Test("Backspace, h and ← go up a folder as Esc does")
    func upKeys() throws {
        let f = try photos()
        for key: Key in ["backspace", "h", "left"] {
            f.harness.press("enter")
            #expect(f.state.buckets.browser?.query.prefix == "2024/")
            f.harness.press(key)
            #expect(f.state.buckets.browser?.query.prefix == "", "\(key) goes up")
            #expect(f.state.buckets.browser?.table.selectedID == "2024/")
        }
    }

    @Test("The order chosen with S is kept on entering and leaving a folder")
    func sortIsKept() throws {
        let f = try photos()
        f.harness.press("S")
        let sorted = f.state.buckets.browser?.table.query.sort
        #expect(sorted != nil)
        f.harness.press("G")
        f.harness.press("home")
        if let folder = f.state.buckets.browser?.table.rows.firstIndex(where: { $0.id == "2024/" }) {
            for _ in 0..<folder { f.harness.press("down") }
        }
        f.harness.press("enter")
        #expect(f.state.buckets.browser?.query.prefix == "2024/")
        #expect(f.state.buckets.browser?.table.query.sort == sorted)
        f.harness.press("esc")
        #expect(f.state.buckets.browser?.table.query.sort == sorted)
    }

    @Test("Esc at the bucket's root goes back to the bucket list")
    func backToList() throws {
        let f = try photos()
        f.harness.press("esc")
        #expect(f.state.buckets.screen == .list)
        #expect(f.state.buckets.bucketTable.selectedID == "photos")
    }

    @Test("q inside a bucket quits, as in lazygit (Esc is back)")
    func qQuits() throws {
        let f = try photos()
        f.harness.press("q")
        #expect(f.state.shouldQuit)
    }

    @Test("q typed in a form is text, not quit")
    func qInForm() throws {
        let f = try photos()
        f.harness.press("n")
        f.harness.type("q")
        #expect(!f.state.shouldQuit)
    }

    @Test("S sorts by size, and S again reverses")
    func sortBySize() throws {
        let f = try photos()
        f.harness.press("S")
        #expect(f.state.buckets.browser?.table.rows.map(\.id) == ["2024/", "readme.txt", "big.bin"])
        f.harness.press("S")
        #expect(f.state.buckets.browser?.table.rows.map(\.id) == ["2024/", "big.bin", "readme.txt"])
    }

    @Test("/ filters the folder by name and highlights nothing else")
    func filterObjects() throws {
        let f = try photos()
        f.harness.press("/")
        f.harness.type("READ")
        #expect(f.state.buckets.browser?.table.rows.map(\.id) == ["readme.txt"])
        f.harness.press("enter", "esc")
        #expect(f.state.buckets.browser?.table.rows.count == 3)
    }

    @Test("i shows key, size, ETag, content type, ARN and s3:// URI")
    func details() throws {
        let f = try photos()
        f.select("readme.txt")
        f.harness.press("i")
        let info = try #require(f.state.buckets.details?.info)
        #expect(info.key == "readme.txt")
        let screen = f.screen
        for text in ["readme.txt", "12 B (12 bytes)", "\"\(info.etag)\"", "text/plain", "arn:aws:s3:::photos/readme.txt",
                     "s3://photos/readme.txt", "No user metadata"] {
            #expect(screen.contains(text), "missing \(text)")
        }
    }

    @Test("Enter on an object previews it as text with line numbers")
    func previewText() throws {
        let f = try photos()
        f.select("readme.txt")
        f.harness.press("enter")
        let content = try #require(f.state.buckets.preview?.content)
        #expect(content.kind == .text)
        #expect(f.screen.contains("1 │ hello"))
        #expect(f.screen.contains("2 │ world"))
    }

    @Test("n creates a zero-byte folder object ending in /")
    func createFolder() throws {
        let f = try photos()
        f.harness.press("n")
        f.harness.type("reports")
        f.harness.press("enter")
        let info = try f.storage.headObject(bucket: "photos", key: "reports/", caller: .root)
        #expect(info.size == 0)
        #expect(f.state.buckets.browser?.table.selectedID == "reports/")
    }

    @Test("A folder name with / is refused in the form")
    func folderNameWithSlash() throws {
        let f = try photos()
        f.harness.press("n")
        f.harness.type("a/b")
        guard case .createFolder(let form) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(form.visibleError("name") == "Folder names can't contain “/”; create one folder at a time.")
    }

    @Test("Inside a folder its own marker object is not listed")
    func markerHidden() throws {
        let f = try photos()
        try f.storage.putObject(bucket: "photos", key: "2024/", body: DataBodySource(Data()), caller: .root)
        f.harness.press("enter")
        #expect(f.state.buckets.browser?.table.rows.map(\.id) == ["2024/cat.jpg", "2024/dog.jpg"])
    }

    @Test("Marking two objects and pressing x asks to delete 2 objects, and y deletes them")
    func deleteMarked() throws {
        let f = try photos()
        f.select("big.bin")
        f.harness.press("space", "space")
        f.harness.press("x")
        guard case .confirmDeleteObjects(let confirmation, _, let keys) = f.state.buckets.modal else {
            Issue.record("no confirmation"); return
        }
        #expect(keys.sorted() == ["big.bin", "readme.txt"])
        #expect(confirmation.message.hasPrefix("Delete 2 objects from s3://photos/?"))
        f.harness.press("y")
        #expect(try f.storage.listObjects(bucket: "photos", caller: .root).objects.map(\.key) == ["2024/cat.jpg", "2024/dog.jpg"])
        #expect(f.lastToast == "Deleted 2 objects from photos.")
    }

    @Test("Deleting a folder needs “permanently delete” typed, then removes everything under it")
    func deleteFolder() throws {
        let f = try photos()
        f.harness.press("x")
        f.harness.press("y")
        #expect(try f.storage.headBucket("photos", caller: .root).objectCount == 4)
        f.harness.press("ctrl+u")
        f.harness.type("permanently delete")
        f.harness.press("enter")
        #expect(try f.storage.listObjects(bucket: "photos", caller: .root).objects.map(\.key) == ["big.bin", "readme.txt"])
    }

    @Test("p on a folder says why it does nothing")
    func previewFolderDisabled() throws {
        let f = try photos()
        f.harness.press("p")
        #expect(f.state.buckets.preview == nil)
        #expect(f.lastToast == "Preview: select an object, not a folder.")
    }

    @Test("A bucket deleted by another process shows NoSuchBucket when the browser reloads")
    func bucketGone() throws {
        let f = try photos()
        _ = try f.storage.deleteObjects(bucket: "photos", keys: ["2024/cat.jpg", "2024/dog.jpg", "readme.txt", "big.bin"], caller: .root)
        try f.storage.deleteBucket("photos", caller: .root)
        f.harness.press("r")
        #expect(f.state.toasts.contains { $0.message == "NoSuchBucket: The specified bucket does not exist: photos" })
    }

    @Test("Previewing an object deleted meanwhile shows NoSuchKey in the preview")
    func previewGoneObject() throws {
        let f = try photos()
        f.select("readme.txt")
        try f.storage.deleteObject(bucket: "photos", key: "readme.txt", caller: .root)
        f.harness.press("p")
        #expect(f.screen.contains("✗ NoSuchKey: The specified key does not exist: s3://photos/readme.txt"))
    }

    @Test("Creating a folder in a bucket deleted meanwhile keeps the form and shows NoSuchBucket")
    func createFolderInGoneBucket() throws {
        let f = try photos()
        _ = try f.storage.deleteObjects(bucket: "photos", keys: ["2024/cat.jpg", "2024/dog.jpg", "readme.txt", "big.bin"], caller: .root)
        try f.storage.deleteBucket("photos", caller: .root)
        f.harness.press("n")
        f.harness.type("later")
        f.harness.press("enter")
        guard case .createFolder(let form) = f.state.buckets.modal else { Issue.record("form closed"); return }
        #expect(form.values.text("name") == "later")
        #expect(form.visibleError("name") == "NoSuchBucket: The specified bucket does not exist: photos")
    }
}
