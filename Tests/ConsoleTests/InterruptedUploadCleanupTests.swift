@testable import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// An upload interrupted in an earlier session (its process died) is cleaned up after the console opens, with a word.
@Suite("Interrupted uploads")
struct InterruptedUploadCleanupTests {
    @Test("The console opens at once, then frees what a dead upload left, saying so")
    func cleansUpAfterOpening() throws {
        let f = try ConsoleFixture(start: false)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let chunk = Data(repeating: 1, count: 1024 * 1024)
        try f.account.write([]) { db in
            try db.execute(sql: "INSERT INTO bodies(state, owner_pid, chunk_size, created_at) VALUES ('pending', ?, ?, 0)",
                           arguments: [Int64(finished.processIdentifier), chunk.count])
            let body = db.lastInsertedRowID
            for seq in 0..<40 {
                try db.execute(sql: "INSERT INTO chunks(body_id, seq, data) VALUES (?, ?, ?)", arguments: [body, seq, chunk])
            }
        }
        f.harness.start()
        let messages = f.harness.state.toasts.map(\.message)
        #expect(messages.contains("Cleaning up an upload interrupted earlier (40.0 MiB)…"))
        #expect(messages.contains("Cleaned up an interrupted upload: 40.0 MiB freed."))
        #expect(try f.account.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM chunks") } == 0)
        #expect(try f.account.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM bodies") } == 0)
        #expect(try f.account.spaceReport().freePages == 0)
    }

    @Test("Opening an account for the console leaves a dead upload for the console to clean up")
    func openLeavesItForTheConsole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-cleanup-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("account.sqlite").path
        let first = try Account.open(path: path)
        try first.write([]) { db in
            try db.execute(sql: "INSERT INTO bodies(state, owner_pid, chunk_size, created_at) VALUES ('pending', 999999999, 1, 0)")
        }
        var options = AccountOptions()
        options.discardsAbandonedUploadsAtOpen = false
        let second = try Account.open(path: path, options: options)
        #expect(try second.storage.abandonedUploads().bodies.count == 1)
        #expect(try second.storage.discardAbandonedUploads() == 0)
        #expect(try second.storage.abandonedUploads().bodies.isEmpty)
    }
}
