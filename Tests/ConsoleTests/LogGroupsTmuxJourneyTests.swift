import CloudEngine
import Foundation
import Testing

/// The Log groups panel in the real binary: events put on the account beforehand, then `:logs`, a group, a stream,
/// a filter pattern with its matches, and a clean quit.
@Suite("Log groups in tmux", .serialized)
struct LogGroupsTmuxJourneyTests {
    static let group = "/aws/lambda/journey-fn"
    static let stream = "2026/12/02/[$LATEST]feedfacecafebeef0123456789abcdef"

    /// A group with one stream of six events, a minute old, written as another process would.
    static func seed(_ path: String) throws {
        let account = try Account.open(path: path)
        let now = Int64(Date().timeIntervalSince1970 * 1000) - 60_000
        try account.logs.createLogGroup(group, caller: .root)
        try account.logs.createLogStream(group: group, stream: stream, caller: .root)
        let messages = ["START RequestId: 0a0b0c0d-1111-4222-8333-444455556666 Version: $LATEST",
                        "[INFO] loading orders", "[ERROR] order 17 has no price", "[INFO] stored 3 orders",
                        "{\"level\":\"ERROR\",\"msg\":\"retry failed\"}",
                        "END RequestId: 0a0b0c0d-1111-4222-8333-444455556666"]
        try account.logs.putLogEvents(group: group, stream: stream, events: messages.enumerated().map {
            InputLogEvent(timestamp: now + Int64($0.offset) * 100, message: $0.element)
        }, caller: .root)
    }

    @Test("`:logs`, open a group and its stream, filter ERROR, see only the matches, quit cleanly",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func journey() throws {
        for size in [(120, 40), (80, 24)] {
            let session = try TmuxSession(width: size.0, height: size.1, prepare: Self.seed)
            defer { session.close() }
            try session.waitFor("S3 › Buckets")
            session.command("logs")
            try session.waitFor("Log groups (1)")
            try session.waitFor(Self.group)
            session.keys("Enter")
            try session.waitFor("All streams, interleaved by time")
            session.keys("j", "Enter")
            try session.waitFor { $0.contains("[INFO] stored 3 orders") && $0.contains("6 events") }
            session.keys("/")
            try session.waitFor("Terms (all must match)")
            session.text("ERROR")
            session.keys("Enter")
            try session.waitFor { $0.contains("filter ERROR: 2 matches") }
            let screen = session.capture()
            #expect(screen.contains("[ERROR] order 17 has no price"), "at \(size)")
            #expect(!screen.contains("[INFO] stored 3 orders"), "at \(size)")
            // Esc clears the pattern first, then goes back to the streams.
            session.keys("Escape")
            try session.waitFor { $0.contains("[INFO] stored 3 orders") && !$0.contains("filter ERROR") }
            session.keys("Escape")
            try session.waitFor("Log streams (1)")
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
        }
    }
}
