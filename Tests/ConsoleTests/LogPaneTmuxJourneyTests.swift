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

    static let venvPython: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".venv/bin/python3")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    /// A headless `overcast serve` on the same file, and boto3 putting events through it: what a program under test
    /// does while someone watches the console.
    @Test("Events put through a headless `overcast serve` on the same file appear in the pane",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil && venvPython != nil, "needs tmux and the project's .venv (boto3)"))
    func throughServe() throws {
        for size in [(120, 40), (80, 24)] {
            var path = ""
            let session = try TmuxSession(width: size.0, height: size.1) { path = $0 }
            defer { session.close() }
            try session.waitFor("S3 › Buckets")
            session.keys("L")
            try session.waitFor("Waiting for log events")
            let server = Process()
            server.executableURL = try TmuxSession.overcastBinary()
            server.arguments = ["serve", "--db", path, "--port", "0"]
            let output = Pipe()
            server.standardOutput = output
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            var banner = ""
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !banner.contains("AWS_SECRET_ACCESS_KEY=") || !banner.contains("REGION") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                banner += String(decoding: chunk, as: UTF8.self)
            }
            var environment = ProcessInfo.processInfo.environment
            for line in banner.split(separator: "\n") {
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].hasPrefix("AWS_") { environment[String(parts[0])] = String(parts[1]) }
            }
            let script = """
                import boto3, time
                c = boto3.client("logs")
                c.create_log_group(logGroupName="/aws/lambda/served")
                c.create_log_stream(logGroupName="/aws/lambda/served", logStreamName="2026/12/02/[$LATEST]5e7ed0")
                now = int(time.time() * 1000)
                c.put_log_events(logGroupName="/aws/lambda/served", logStreamName="2026/12/02/[$LATEST]5e7ed0",
                                 logEvents=[{"timestamp": now, "message": "[WARNING]\\tput through serve"}])
                """
            let python = Process()
            python.executableURL = Self.venvPython
            python.arguments = ["-c", script]
            python.environment = environment
            try python.run()
            python.waitUntilExit()
            #expect(python.terminationStatus == 0, "boto3 could not put the events")
            try session.waitFor("put through serve")
            try session.waitFor("served·5e7ed0")
            session.keys("q")
            let (status, _) = try session.waitForExit()
            #expect(status == 0)
        }
    }
}
