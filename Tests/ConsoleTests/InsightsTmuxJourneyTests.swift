import CloudEngine
import Foundation
import Testing

/// Logs Insights in the real binary: an account with a function's log lines over the last minutes, `:insights`,
/// `stats count(*) by bin(1m)`, and the chart's bars on screen.
@Suite("Insights in tmux", .serialized)
struct InsightsTmuxJourneyTests {
    @Test("`:insights`, type stats count(*) by bin(1m), Enter: a bar a minute; v shows the table; quit cleanly",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func journey() throws {
        for size in [(120, 40), (80, 24)] {
            // The history goes to a folder of the test's, not the person's ~/.local/state.
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-state-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: state) }
            let session = try TmuxSession(width: size.0, height: size.1, environment: ["XDG_STATE_HOME": state.path]) { path in
                try Self.seed(path)
            }
            defer { session.close() }
            try session.waitFor("S3 › Buckets")
            session.command("insights")
            try session.waitFor("CloudWatch Logs › Logs Insights")
            try session.waitFor("/aws/lambda/orders")
            session.keys("C-u")
            session.text("stats count(*) by bin(1m)")
            session.keys("Enter")
            try session.waitFor("count(*) per bin(1m)")
            // Three minutes with lines: 1, 2 and 4 of them; the busiest bar is the longest.
            try session.waitFor("bars of 1, 2 and 4") { screen in
                screen.split(separator: "\n").filter { $0.contains("█") }.count == 3
            }
            try session.waitFor("3 rows · 7 records matched")
            session.keys("v")
            try session.waitFor("count(*)")
            try session.waitFor { $0.contains(" Results ") && !$0.contains("█") }
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
            let history = try String(contentsOf: state.appendingPathComponent("overcast/insights-history"), encoding: .utf8)
            #expect(history == "stats count(*) by bin(1m)\n")
        }
    }

    /// `/aws/lambda/orders` with 1, 2 and 4 lines in three minutes before now (the binary's clock is the real one).
    static func seed(_ path: String) throws {
        let account = try Account.open(path: path)
        let logs = account.logs
        try logs.createLogGroup("/aws/lambda/orders", caller: .root)
        try logs.createLogStream(group: "/aws/lambda/orders", stream: "2026/01/01/[$LATEST]0a1b2c3d", caller: .root)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let minute: Int64 = 60_000
        // Minute starts 10, 7 and 4 minutes ago, a few seconds in, so each line stays in its minute.
        let base = (now / minute - 10) * minute
        var events: [InputLogEvent] = []
        for (offset, count) in [(0, 1), (3, 2), (6, 4)] {
            for index in 0..<count {
                events.append(InputLogEvent(timestamp: base + Int64(offset) * minute + Int64(index + 1) * 1000,
                                            message: #"{"level":"INFO","msg":"order placed","n":\#(index)}"#))
            }
        }
        try logs.putLogEvents(group: "/aws/lambda/orders", stream: "2026/01/01/[$LATEST]0a1b2c3d", events: events, caller: .root)
    }
}
