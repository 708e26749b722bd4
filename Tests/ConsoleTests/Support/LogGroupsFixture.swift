import CloudEngine
import Console
import Foundation
import TerminalUI

/// Scene-setting for the Log groups panel's tests: a `ConsoleFixture` with groups, streams and events at fixed
/// times (the fixture's clock is 2026-01-01 00:00 UTC; events start an hour before).
final class LogGroupsFixture {
    let base: ConsoleFixture

    /// 2025-12-31 23:00:00 UTC in milliseconds.
    static let start: Int64 = 1_767_222_000_000
    static let ordersGroup = "/aws/lambda/orders-api"
    static let firstStream = "2025/12/31/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0"
    static let secondStream = "2025/12/31/[$LATEST]a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let firstRequest = "11111111-2222-4333-8444-555555555555"
    static let secondRequest = "66666666-7777-4888-9999-aaaaaaaaaaaa"

    init(size: Size = Size(width: 120, height: 40)) throws {
        base = try ConsoleFixture(size: size, start: false)
    }

    var harness: ConsoleHarness { base.harness }
    var account: Account { base.account }
    var logs: LogsService { account.logs }
    var state: LogGroupsState { base.harness.state.logGroups }
    var events: LogEventsState? { state.events }
    var screen: String { base.screen }
    var lastToast: String { base.lastToast }

    /// Writes `messages` to `group`/`stream` (both made when missing), `spacing` ms apart from `start`.
    func put(_ group: String, _ stream: String, start: Int64, spacing: Int64 = 1_000, _ messages: [String]) throws {
        if try !logs.logGroupSummaries(caller: .root).contains(where: { $0.name == group }) {
            try logs.createLogGroup(group, caller: .root)
        }
        if (try? logs.describeLogStreams(group: group, prefix: stream, caller: .root).items.contains { $0.name == stream }) != true {
            try logs.createLogStream(group: group, stream: stream, caller: .root)
        }
        let events = messages.enumerated().map { InputLogEvent(timestamp: start + Int64($0.offset) * spacing, message: $0.element) }
        try logs.putLogEvents(group: group, stream: stream, events: events, caller: .root)
    }

    /// Three groups: a function's (two streams, two requests in the first), an app's with JSON events and
    /// 30 days' retention, and an empty one.
    func sample() throws {
        try put(Self.ordersGroup, Self.firstStream, start: Self.start, [
            "INIT_START Runtime Version: python:3.13.v1\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:python3.13",
            "START RequestId: \(Self.firstRequest) Version: $LATEST",
            "[INFO]\t2025-12-31T23:00:02.000Z\t\(Self.firstRequest)\tReceived 2 records from s3://uploads/in/batch-0001.csv, a long line that needs wrapping at eighty columns",
            "[ERROR]\t2025-12-31T23:00:03.000Z\t\(Self.firstRequest)\tKeyError: 'price' in record 2",
            "END RequestId: \(Self.firstRequest)",
            "REPORT RequestId: \(Self.firstRequest)\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 41 MB",
            "START RequestId: \(Self.secondRequest) Version: $LATEST",
            "{\"level\": \"INFO\", \"msg\": \"order stored\", \"order\": {\"id\": 42, \"items\": [\"book\", \"pen\"]}}",
            "[WARNING]\t2025-12-31T23:00:08.000Z\t\(Self.secondRequest)\tslow write: 950 ms",
            "END RequestId: \(Self.secondRequest)",
            "REPORT RequestId: \(Self.secondRequest)\tDuration: 951.00 ms\tBilled Duration: 952 ms\tMemory Size: 128 MB\tMax Memory Used: 44 MB",
        ])
        try put(Self.ordersGroup, Self.secondStream, start: Self.start + 4_500, ["a line from the second stream"])
        try put("/app/payments", "web-1", start: Self.start + 600_000, spacing: 60_000, [
            "{\"level\":\"INFO\",\"msg\":\"paid\",\"amount\":12}",
            "{\"level\":\"ERROR\",\"msg\":\"card declined\",\"latency\":340}",
        ])
        try logs.putRetentionPolicy(group: "/app/payments", days: 30, caller: .root)
        try logs.createLogGroup("/empty/group", caller: .root)
    }

    // MARK: - Console steps

    func openPanel() {
        harness.send(.serviceChosen(.logGroups))
    }

    /// Moves the list's cursor (groups or streams) to the row `id`.
    func select(_ id: String) {
        func selected() -> String? { state.streams?.table.selectedID ?? state.table.selectedID }
        harness.press("g")
        while selected() != id {
            let before = selected()
            harness.press("j")
            if selected() == before { break }
        }
    }

    /// Opens the group, then the stream (nil: the "all streams" row).
    func openEvents(group: String = LogGroupsFixture.ordersGroup, stream: String? = LogGroupsFixture.firstStream) {
        openPanel()
        select(group)
        harness.press("enter")
        select(stream ?? LogStreamsState.allStreamsID)
        harness.press("enter")
    }

    /// Types `text` into the line a key opened (the pattern, the time) and presses Enter.
    func enter(_ key: Key, _ text: String) {
        harness.press(key, "ctrl+u", "ctrl+k")
        harness.type(text)
        harness.press("enter")
    }

    /// The messages of the events on screen, in order.
    var shownMessages: [String] {
        guard let view = events else { return [] }
        return view.entries.compactMap { entry in
            if case .event(let index, _) = entry { return view.events[index].message }
            return nil
        }
    }
}
