import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

@Suite("Upload and download")
struct TransferTests {
    func inBucket() throws -> ConsoleFixture {
        let f = try ConsoleFixture(start: false)
        try f.bucket("data")
        f.harness.start()
        f.open(bucket: "data")
        return f
    }

    func upload(_ f: ConsoleFixture, path: String) {
        f.harness.press("u")
        f.harness.type(path)
        f.harness.press("enter")
    }

    @Test("u, a file's path and Enter upload it and list it with its size")
    func uploadFile() throws {
        let f = try inBucket()
        try f.localFile("sales.csv", "region,total\nnorth,10\n")
        upload(f, path: "sales.csv")
        let info = try f.storage.headObject(bucket: "data", key: "sales.csv", caller: .root)
        #expect(info.size == 22)
        #expect(info.contentType == "text/csv")
        #expect(f.state.buckets.browser?.table.selectedRow?.cells[0...1] == ["sales.csv", "22 B"])
        #expect(f.lastToast == "Uploaded sales.csv (22 B) to s3://data/")
    }

    @Test("Uploading a folder keeps the relative keys of every file in it")
    func uploadFolder() throws {
        let f = try inBucket()
        try f.localFile("site/index.html", "<h1>hi</h1>")
        try f.localFile("site/css/main.css", "h1{}")
        upload(f, path: f.folder.appendingPathComponent("site").path)
        let keys = try f.storage.listObjects(bucket: "data", caller: .root).objects.map(\.key)
        #expect(keys == ["site/css/main.css", "site/index.html"])
        #expect(try f.storage.headObject(bucket: "data", key: "site/css/main.css", caller: .root).contentType == "text/css")
        #expect(f.lastToast == "Uploaded 2 files (15 B) to s3://data/")
    }

    @Test("The upload goes under the prefix typed in the form")
    func uploadWithPrefix() throws {
        let f = try inBucket()
        try f.localFile("a.txt", "A")
        f.harness.press("u")
        f.harness.type("a.txt")
        f.harness.press("down")
        f.harness.type("in/")
        f.harness.press("enter")
        #expect(try f.storage.headObject(bucket: "data", key: "in/a.txt", caller: .root).size == 1)
    }

    @Test("A missing path gives the form back with a clear message")
    func missingPath() throws {
        let f = try inBucket()
        upload(f, path: "nope.csv")
        guard case .upload(let upload) = f.state.buckets.modal else { Issue.record("form not shown"); return }
        #expect(upload.form.values.text("path") == "nope.csv")
        #expect(upload.form.visibleError("path") == "\(f.folder.path)/nope.csv does not exist. Check the path and try again.")
    }

    @Test("A special file (a FIFO) is refused with a clear message")
    func specialFile() throws {
        let f = try inBucket()
        let fifo = f.folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        upload(f, path: "pipe")
        guard case .upload(let upload) = f.state.buckets.modal else { Issue.record("form not shown"); return }
        #expect(upload.form.visibleError("path") == "\(fifo) is not a regular file (a device, socket or pipe) and cannot be uploaded.")
    }

    @Test("An unreadable file is refused with a clear message")
    func unreadableFile() throws {
        guard getuid() != 0 else { return } // root reads everything
        let f = try inBucket()
        let path = try f.localFile("secret.txt", "x")
        chmod(path, 0)
        upload(f, path: "secret.txt")
        guard case .upload(let upload) = f.state.buckets.modal else { Issue.record("form not shown"); return }
        #expect(upload.form.visibleError("path") == "\(path) cannot be read: permission denied.")
    }

    @Test("Tab completes a local path and lists the matches")
    func pathCompletion() throws {
        let f = try inBucket()
        try f.localFile("report-2024.csv", "x")
        try f.localFile("report-2025.csv", "y")
        f.harness.press("u")
        f.harness.type("rep")
        f.harness.press("tab")
        guard case .upload(let upload) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(upload.form.values.text("path") == "report-202")
        #expect(upload.form.fields[0].help == "2 matches: report-2024.csv  report-2025.csv")
    }

    @Test("Tab completes while there is something to complete, then moves on to the next field")
    func tabCompletesThenMovesOn() throws {
        let f = try inBucket()
        try f.localFile("unique-name.csv", "x")
        f.harness.press("u")
        f.harness.type("uniq")
        f.harness.press("tab")
        guard case .upload(let completed) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(completed.form.values.text("path") == "unique-name.csv")
        #expect(completed.form.focus == 0)
        f.harness.press("tab")
        guard case .upload(let moved) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(moved.form.focus == 1, "nothing left to complete: Tab moves to the key prefix")
        f.harness.type("x")
        guard case .upload(let typed) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(typed.form.values.text("path") == "unique-name.csv", "what is typed next goes to the prefix, not the path")
    }

    @Test("The content type is guessed from the path as it is typed")
    func contentTypeGuess() throws {
        let f = try inBucket()
        f.harness.press("u")
        f.harness.type("photo.png")
        guard case .upload(let upload) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(upload.form.values.text("contentType") == "image/png")
    }

    @Test("Esc during an upload cancels it and stores nothing")
    func cancelUpload() throws {
        let f = try inBucket()
        try f.localFile("big.bin", String(repeating: "z", count: 3 << 20))
        f.harness.autoSettle = false
        f.harness.press("u")
        f.harness.type("big.bin")
        f.harness.press("enter")
        #expect(f.state.buckets.transfer != nil)
        f.harness.press("esc")
        f.harness.settle()
        #expect(f.state.buckets.transfer == nil)
        #expect(throws: EngineError.self) { try f.storage.headObject(bucket: "data", key: "big.bin", caller: .root) }
        #expect(f.lastToast == "Upload cancelled: 0 of 1 file uploaded; big.bin was not changed.")
    }

    @Test("w downloads the object to the path in the form")
    func download() throws {
        let f = try inBucket()
        try f.storage.putObject(bucket: "data", key: "notes.txt", body: DataBodySource(Data("remember".utf8)), caller: .root)
        f.refresh()
        f.select("notes.txt")
        f.harness.press("w")
        f.harness.press("enter")
        let written = try String(contentsOf: f.folder.appendingPathComponent("notes.txt"), encoding: .utf8)
        #expect(written == "remember")
        #expect(f.lastToast.hasPrefix("Downloaded s3://data/notes.txt (8 B) to "))
    }

    @Test("Downloading over an existing file asks first, and n leaves it alone")
    func overwriteDeclined() throws {
        let f = try inBucket()
        try f.storage.putObject(bucket: "data", key: "notes.txt", body: DataBodySource(Data("new".utf8)), caller: .root)
        let path = try f.localFile("notes.txt", "old")
        f.refresh()
        f.select("notes.txt")
        f.harness.press("w", "enter")
        guard case .confirmOverwrite(let confirmation, _) = f.state.buckets.modal else { Issue.record("no question"); return }
        #expect(confirmation.message == "\(path) already exists. Replace it with s3://data/notes.txt?")
        f.harness.press("n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }

    @Test("Downloading over an existing file replaces it after y")
    func overwriteAccepted() throws {
        let f = try inBucket()
        try f.storage.putObject(bucket: "data", key: "notes.txt", body: DataBodySource(Data("new".utf8)), caller: .root)
        let path = try f.localFile("notes.txt", "old")
        f.refresh()
        f.select("notes.txt")
        f.harness.press("w", "enter", "y")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test("Downloading into a folder that does not exist is refused in the form")
    func downloadMissingFolder() throws {
        let f = try inBucket()
        try f.storage.putObject(bucket: "data", key: "notes.txt", body: DataBodySource(Data("x".utf8)), caller: .root)
        f.refresh()
        f.select("notes.txt")
        f.harness.press("w", "ctrl+u")
        f.harness.type("/no/such/folder/notes.txt")
        f.harness.press("enter")
        guard case .download(let download) = f.state.buckets.modal else { Issue.record("form closed"); return }
        #expect(download.form.visibleError("path") == "The folder /no/such/folder does not exist. Create it first or choose another path.")
    }
}
