import Foundation
import TestSupport
import Testing

/// The real `overcast` binary in tmux: the journey a person takes, the exit status, and the terminal given back.
@Suite("Real binary in tmux", .serialized)
struct TmuxJourneyTests {
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("Create a bucket, upload a file into it, see it listed with its size, quit cleanly",
          .enabled(if: tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func journey() throws {
        for size in [(120, 40), (80, 24)] {
            let session = try TmuxSession(width: size.0, height: size.1)
            defer { session.close() }
            let file = try session.write("hello.txt", "hello from tmux\n")
            try session.waitFor("S3 › Buckets")
            session.command("buckets")
            try session.waitFor("Buckets (0)")
            try session.createBucket("journey-bucket")
            try session.waitFor("journey-bucket")
            session.keys("Enter")
            try session.waitFor("This bucket is empty")
            session.keys("u")
            try session.waitFor("Upload to s3://journey-bucket/")
            session.text(file)
            session.keys("Enter")
            // The listing can show the object before the transfer dialog closes (the change feed is faster than
            // the transfer's last message); q is not a quit key while a transfer runs, so wait for its toast.
            try session.waitFor("Uploaded hello.txt")
            try session.waitFor { $0.contains("hello.txt") && $0.contains("16 B") }
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
        }
    }
}

extension TmuxJourneyTests {
    static let hasPython = ProcessInfo.processInfo.environment["PATH", default: "/usr/bin"].split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

    @Test("Create a function from the S3 template, add a trigger, upload in Buckets, read the key in its logs",
          .enabled(if: tmuxPath != nil && hasPython, "needs tmux and python3"))
    func functionJourney() throws {
        for size in [(120, 40), (80, 24)] {
            let session = try TmuxSession(width: size.0, height: size.1)
            defer { session.close() }
            let file = try session.write("sales report.csv", "region,total\nnorth,10\n")
            try session.waitFor("S3 › Buckets")
            try session.createBucket("trigger-bucket")
            session.command("functions")
            try session.waitFor("Functions (0)")
            session.keys("n")
            try session.waitFor("Create function")
            session.text("s3-printer")
            session.keys("Tab", "Tab", "Tab", "Tab", "Space")
            try session.waitFor("print the S3 event")
            session.keys("Enter")
            try session.waitFor("unquote_plus")
            session.keys("4")
            try session.waitFor("No triggers")
            session.keys("n")
            try session.waitFor("Add S3 trigger")
            session.keys("Tab", "Tab", "Tab", "Tab", "Space", "Enter")
            try session.waitFor("s3:ObjectCreated:*")
            session.command("buckets")
            try session.waitFor("trigger-bucket")
            session.keys("Enter")
            try session.waitFor("This bucket is empty")
            session.keys("u")
            try session.waitFor("Upload to s3://trigger-bucket/")
            session.text(file)
            session.keys("Enter")
            try session.waitFor("Uploaded sales report.csv")
            // The live log pane shows the function's output without leaving Buckets.
            session.keys("L")
            try session.waitFor { $0.contains("Live logs · all functions") && $0.contains("ObjectCreated:Put s3://trigger-b") }
            session.keys("L")
            // :functions shows the list, with the function that was open selected; Enter opens it again.
            session.command("functions")
            try session.waitFor("s3-printer")
            session.keys("Enter")
            try session.waitFor("1 Code")
            session.keys("5")
            // The S3 event is delivered in the background; the tab refreshes when the invocation is recorded.
            try session.waitFor { $0.contains("Success") && $0.contains("Invocations") }
            session.keys("Enter")
            try session.waitFor("START RequestId")
            // The invocation's lines open in the Log groups panel at its START line; G follows the end of the stream,
            // where the key is printed; f gives the events the whole screen and t hides the times, so the line fits at 80.
            try session.waitFor("Log events")
            session.keys("G", "f", "t")
            try session.waitFor("ObjectCreated:Put s3://trigger-bucket/sales report.csv (22 bytes)")
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
        }
    }
}

/// A private tmux server (its own socket) running the real binary in one pane of a fixed size.
final class TmuxSession {
    let socket = "overcast-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let folder: URL
    let deadline: TimeInterval = 20

    /// `environment` is added to the binary's (an `EDITOR` that edits without a terminal, say); `prepare` gets the
    /// account file's path before the binary starts, to set a scene the journey needs.
    init(width: Int, height: Int, environment: [String: String] = [:], prepare: ((String) throws -> Void)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try prepare?(folder.appendingPathComponent("account.sqlite").path)
        let binary = try Self.overcastBinary()
        let term = Self.hasTerminfo("tmux-256color") ? "tmux-256color" : "screen-256color"
        // The shell writes the exit status to a file: tmux 3.3 does not always report `pane_dead_status`.
        let extra = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\" " }.joined()
        let command = "sh -c 'env SWIFT_BACKTRACE=interactive=no TERM=\(term) OVERCAST_DB=\(folder.path)/account.sqlite \(extra)"
            // A free port for the console's endpoint: journeys may run side by side.
            + "\(binary.path) --endpoint-port 0; echo $? > \(folder.path)/exit-status'"
        try run(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), "-c", folder.path])
        try run(["set-option", "-t", "t", "remain-on-exit", "on"])
        try run(["respawn-pane", "-k", "-t", "t", command])
        serverPID = pid_t(try run(["display-message", "-p", "#{pid}"], capture: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The tmux server's pid, so `close` can end it even if `kill-server` does not reach it.
    private var serverPID: pid_t = 0

    func close() {
        _ = try? run(["kill-server"])
        // Seen on this machine: servers outliving kill-server and piling up across test runs.
        if serverPID > 0 && kill(serverPID, 0) == 0 {
            kill(serverPID, SIGKILL)
        }
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(base)/tmux-\(getuid())/\(socket)")
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    func keys(_ names: String...) { _ = try? run(["send-keys", "-t", "t"] + names) }

    /// Runs a `:` command, as typed.
    func command(_ name: String) {
        keys(":")
        text(name)
        keys("Enter")
    }

    /// Creates a bucket from the bucket list (the only one, so the list then says "Buckets (1)").
    func createBucket(_ name: String) throws {
        keys("n")
        try waitFor("Create bucket")
        text(name)
        keys("Enter")
        try waitFor("Buckets (1)")
    }
    func text(_ literal: String) { _ = try? run(["send-keys", "-t", "t", "-l", literal]) }
    func capture() -> String { (try? run(["capture-pane", "-p", "-t", "t"], capture: true)) ?? "" }

    func waitFor(_ text: String) throws {
        try waitFor("“\(text)”") { $0.contains(text) }
    }

    /// Polls the screen every 50 ms until `predicate` holds; fails with the last screen at the deadline.
    func waitFor(_ what: String = "the expected screen", _ predicate: (String) -> Bool) throws {
        let end = Date().addingTimeInterval(deadline)
        var screen = ""
        while Date() < end {
            screen = capture()
            if predicate(screen) { return }
            usleep(50_000)
        }
        throw TmuxError(message: "timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits for the binary to exit; returns its exit status and whether the pane was left in the alternate screen.
    func waitForExit() throws -> (Int, Int) {
        let end = Date().addingTimeInterval(deadline)
        var answer = ""
        while Date() < end {
            answer = (try? run(["display", "-p", "-t", "t", "#{pane_dead} #{alternate_on}"], capture: true)) ?? ""
            let parts = answer.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
            let status = (try? String(contentsOf: folder.appendingPathComponent("exit-status"), encoding: .utf8))
                .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if parts.count == 2, parts[0] == 1, let status { return (status, parts[1]) }
            usleep(50_000)
        }
        throw TmuxError(message: "overcast did not exit (tmux said “\(answer)”); the screen was:\n\(capture())")
    }

    /// Runs a tmux command on the private socket and returns its output when `capture`.
    ///
    /// Spawned with posix_spawn and reaped with waitpid: `new-session` forks the
    /// tmux server, which outlives the client, and Foundation's `Process` was
    /// seen to wait for it forever.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = false) throws -> String {
        let tmux = TmuxJourneyTests.tmuxPath ?? "/usr/bin/tmux"
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw TmuxError(message: "could not start tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard capture else { return "" }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    static func hasTerminfo(_ name: String) -> Bool {
        ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo"].contains { base in
            FileManager.default.fileExists(atPath: "\(base)/\(name.prefix(1))/\(name)")
        }
    }

    /// The `overcast` executable built beside the test bundle.
    static func overcastBinary() throws -> URL {
        try BuiltProduct.url(named: "overcast")
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
