import CloudEngine
import Console
import Foundation
import TerminalUI

/// A console with log groups to tail: puts events into streams (making the group and stream when new)
/// and tells the console, as the change feed would.
final class LogPaneFixture {
    static let now: Int64 = 1_767_225_600_000
    let base: ConsoleFixture
    private var offset: Int64 = 0

    init(size: Size = Size(width: 120, height: 40)) throws {
        base = try ConsoleFixture(size: size)
    }

    var harness: ConsoleHarness { base.harness }
    var account: Account { base.account }
    var state: ConsoleState { base.state }
    var tail: LogTailState { base.state.logTail }
    var screen: String { base.screen }

    /// Lambda's stream name for an instance.
    static func stream(_ id: String) -> String { "2026/01/01/[$LATEST]\(id)" }

    func put(_ group: String, _ messages: [String], stream: String = LogPaneFixture.stream("3f2a9c0b11"),
             notify: Bool = true) throws {
        let logs = account.logs
        if (try? logs.describeLogStreams(group: group, caller: .root)) == nil { try logs.createLogGroup(group, caller: .root) }
        if (try? logs.getLogEvents(group: group, stream: stream, caller: .root)) == nil {
            try logs.createLogStream(group: group, stream: stream, caller: .root)
        }
        let events = messages.map { message -> InputLogEvent in
            offset += 250
            return InputLogEvent(timestamp: Self.now + offset, message: message)
        }
        for start in stride(from: 0, to: events.count, by: 5000) {
            try logs.putLogEvents(group: group, stream: stream, events: Array(events[start..<min(events.count, start + 5000)]),
                                  caller: .root)
        }
        if notify { harness.send(.accountChanged([.logs], external: false)) }
    }

    /// Opens the pane and gives it the focus.
    func openPane(taller: Int = 0) {
        harness.press("L", "tab")
        for _ in 0..<taller { harness.press("+") }
    }

    /// A few invocations' worth of lines: levels, START/END/REPORT, JSON, a traceback.
    func invocations() throws {
        try put("/aws/lambda/orders", [
            "START RequestId: 7c1e Version: $LATEST",
            "[INFO]\t2026-01-01T00:00:00.500Z\t7c1e\tReading order 42",
            "[WARNING]\t2026-01-01T00:00:00.750Z\t7c1e\tStock is low for sku-9",
            "{\"level\":\"debug\",\"msg\":\"cache miss\",\"key\":\"sku-9\",\"ms\":3}",
            "[ERROR]\t2026-01-01T00:00:01.000Z\t7c1e\tPayment declined",
            "END RequestId: 7c1e",
            "REPORT RequestId: 7c1e\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 41 MB\tInit Duration: 180.12 ms\t",
        ])
        try put("/aws/lambda/thumbs", [
            "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 3, in handler\nKeyError: 'Records'",
            "DEBUG resize 640x480",
        ], stream: Self.stream("b71d44e0aa"))
    }
}
