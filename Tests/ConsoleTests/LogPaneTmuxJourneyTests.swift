@testable import CloudEngine
import Foundation
import Testing

/// The live log pane in the real binary: events another process writes to the account appear on screen.
@Suite("Live log pane in tmux", .serialized)
struct LogPaneTmuxJourneyTests {
    /// The test's own process is the second process: it opens the account file the binary has open and writes
    /// to it, as a headless `overcast serve` or another console would.
    @Test("L, then events written by another process appear; g picks all groups and a new group shows up",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func otherProcessWrites() throws {
        for size in [(120, 40), (80, 24)] {
            var path = ""
            let session = try TmuxSession(width: size.0, height: size.1) { path = $0 }
            defer { session.close() }
            try session.waitFor("S3 › Buckets")
            session.keys("L")
            try session.waitFor("Live logs · all functions")
            try session.waitFor("Waiting for log events")
            let writer = try Account.open(path: path)
            try writer.logs.createLogGroup("/aws/lambda/remote", caller: .root)
            try writer.logs.createLogStream(group: "/aws/lambda/remote", stream: "2026/01/01/[$LATEST]c0ffee11", caller: .root)
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            try writer.logs.putLogEvents(group: "/aws/lambda/remote", stream: "2026/01/01/[$LATEST]c0ffee11", events: [
                InputLogEvent(timestamp: now, message: "[ERROR]\tsent from another process"),
                InputLogEvent(timestamp: now + 1, message: "REPORT RequestId: 1\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB"),
            ], caller: .root)
            try session.waitFor("sent from another process")
            try session.waitFor("REPORT 2.50 ms · billed 3 ms")
            try session.waitFor("remote·c0ffee")
            // Focus the pane, follow every group: a group made later by the other process appears too.
            session.keys("Tab")
            session.keys("g")
            try session.waitFor("All groups (and groups made later)")
            session.keys("Space")
            session.keys("Enter")
            try session.waitFor("following: all groups")
            try writer.logs.createLogGroup("/app/worker", caller: .root)
            try writer.logs.createLogStream(group: "/app/worker", stream: "w1", caller: .root)
            try writer.logs.putLogEvents(group: "/app/worker", stream: "w1", events: [
                InputLogEvent(timestamp: now + 2, message: "WARN new group says hi"),
            ], caller: .root)
            try session.waitFor("new group says hi")
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
        }
    }
}
