import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// The Log groups panel driven by keys: groups → streams → events, patterns, context, time, retention, deletes.
@Suite("Log groups panel")
struct LogGroupsPanelTests {
    @Test("Enter on a group lists its streams newest first; Enter on a stream shows its events, the newest at the bottom")
    func openGroupStreamEvents() throws {
        let f = try LogGroupsFixture()
        try f.sample()
        f.openPanel()
        #expect(f.state.groups.map(\.name) == ["/app/payments", "/aws/lambda/orders-api", "/empty/group"])
        f.select(LogGroupsFixture.ordersGroup)
        f.harness.press("enter")
        #expect(f.state.screen == .streams)
        // The "all streams" row first, then the stream whose last event is newest.
        #expect(f.state.streams?.table.rows.map(\.id) == ["", LogGroupsFixture.firstStream, LogGroupsFixture.secondStream])
        f.select(LogGroupsFixture.firstStream)
        f.harness.press("enter")
        #expect(f.state.screen == .events)
        #expect(f.events?.events.count == 11)
        #expect(f.events?.follow == true)
        #expect(f.screen.contains("REPORT RequestId: \(LogGroupsFixture.secondRequest)"))
        f.harness.press("esc")
        #expect(f.state.screen == .streams)
        f.harness.press("esc")
        #expect(f.state.screen == .groups)
        #expect(f.state.table.selectedID == LogGroupsFixture.ordersGroup)
    }

    @Test("`a` on the streams shows every stream's events interleaved by time")
    func allStreamsInterleaved() throws {
        let f = try LogGroupsFixture()
        try f.sample()
        f.openPanel()
        f.select(LogGroupsFixture.ordersGroup)
        f.harness.press("enter", "a")
        #expect(f.events?.source.stream == nil)
        let messages = f.shownMessages
        #expect(messages.count == 12)
        // 4.5 s after the start: between the first stream's 5th (4 s) and 6th (5 s) events.
        #expect(messages[5] == "a line from the second stream")
    }

    @Test("A good pattern keeps the matching events, their terms highlighted; an empty one shows every event again")
    func goodPattern() throws {
        let f = try LogGroupsFixture()
        try f.sample()
        f.openEvents()
        f.enter("/", "ERROR")
        #expect(f.events?.pattern == "ERROR")
        #expect(f.shownMessages.count == 1)
        #expect(f.shownMessages.first?.contains("KeyError: 'price'") == true)
        let row = try #require(f.harness.screen.text.split(separator: "\n").firstIndex { $0.contains("[ERROR]") })
        let roles = f.harness.screen.roleText.split(separator: "\n")[row]
        #expect(roles.contains("4fffff4"), "the term is not highlighted: \(roles)")
        #expect(f.screen.contains("filter ERROR: 1 match"))
        f.enter("/", "")
        #expect(f.shownMessages.count == 11)
    }

    @Test("A bad pattern says where it went wrong, stays in the line to fix, and the results stay as they were")
    func badPattern() throws {
        let f = try LogGroupsFixture()
        try f.sample()
        f.openEvents()
        f.enter("/", "ERROR")
        #expect(f.shownMessages.count == 1)
        f.enter("/", "{ $.level = ")
        guard case .pattern(let input, let problem)? = f.state.modal else {
            Issue.record("the pattern line closed")
            return
        }
        #expect(input.text == "{ $.level = ")
        #expect(problem?.contains("position") == true)
        #expect(f.screen.contains("Invalid filter pattern"))
        #expect(f.events?.pattern == "ERROR")
        #expect(f.shownMessages.count == 1)
        f.harness.press("esc")
        #expect(f.state.modal == nil)
        #expect(f.events?.pattern == "ERROR")
    }

    @Test("C cycles the context around matches (0, 2, 5), with a gap between hunks that do not touch")
    func contextCycles() throws {
        let f = try LogGroupsFixture()
        try f.sample()
        f.openEvents()
        f.enter("/", "?KeyError ?slow")
        #expect(f.shownMessages.count == 2)
        f.harness.press("C")
        #expect(f.state.options.context == 2)
        // KeyError is event 3 (1...5 shown), "slow write" event 8 (6...10): the hunks touch, so no gap.
        #expect(f.shownMessages.count == 10)
        #expect(f.events?.entries.contains(.gap) == false)
        f.enter("/", "?INIT_START ?slow")
        // INIT_START is event 0 (0...2), slow event 8 (6...10): a gap between.
        #expect(f.events?.entries.contains(.gap) == true)
        #expect(f.screen.contains("┄┄┄"))
        f.harness.press("C", "C")
        #expect(f.state.options.context == 0)
        #expect(f.shownMessages.count == 2)
    }

    @Test("T takes a time (clock, date and time, or -15m) and shows the first event at or after it")
    func jumpToTime() throws {
        let f = try LogGroupsFixture(size: Size(width: 80, height: 24))
        var messages: [String] = []
        for minute in 0..<50 { messages.append("tick \(minute)") }
        try f.put("/app/clock", "s", start: LogGroupsFixture.start, spacing: 60_000, messages)
        f.openEvents(group: "/app/clock", stream: "s")
        f.enter("T", "23:30")
        let top = try #require(f.events?.topEvent)
        #expect(top.message == "tick 30")
        #expect(f.events?.follow == false)
        f.enter("T", "2025-12-31 23:05")
        #expect(f.events?.topEvent?.message == "tick 5")
        // The clock is 2026-01-01 00:00: 50 minutes back is 23:10.
        f.enter("T", "-50m")
        #expect(f.events?.topEvent?.message == "tick 10")
        f.enter("T", "soon")
        guard case .jump(_, let problem)? = f.state.modal else {
            Issue.record("the time line closed")
            return
        }
        #expect(problem == "“soon” is not a time. Type a time in UTC: 2026-12-01 10:30, 10:30, -15m or -2h.")
        #expect(f.events?.topEvent?.message == "tick 10")
    }

    @Test("R chooses a retention period CloudWatch allows, or Never expire")
    func retention() throws {
        let f = try LogGroupsFixture()
        try f.sample()
        f.openPanel()
        f.select(LogGroupsFixture.ordersGroup)
        f.harness.press("R")
        guard case .retention(_, let selected)? = f.state.modal else {
            Issue.record("no retention choice")
            return
        }
        #expect(selected == 0)
        f.harness.press("j", "j", "j", "j", "enter")
        #expect(try f.logs.describeLogGroups(prefix: LogGroupsFixture.ordersGroup, caller: .root).items.first?.retentionInDays == 7)
        #expect(f.lastToast == "/aws/lambda/orders-api now keeps events for 7 days.")
        #expect(f.screen.contains("7 days"))
        f.harness.press("R", "g", "enter")
        #expect(try f.logs.describeLogGroups(prefix: LogGroupsFixture.ordersGroup, caller: .root).items.first?.retentionInDays == nil)
        #expect(f.lastToast == "/aws/lambda/orders-api now keeps events forever (Never expire).")
    }

    @Test("d deletes a stream (y confirms) and a group with streams (its name typed)")
    func deletes() throws {
        let f = try LogGroupsFixture()
        try f.sample()
        f.openPanel()
        f.select(LogGroupsFixture.ordersGroup)
        f.harness.press("enter")
        f.select(LogGroupsFixture.secondStream)
        f.harness.press("d", "y")
        #expect(f.lastToast == "Deleted log stream \(LogGroupsFixture.secondStream) of /aws/lambda/orders-api.")
        #expect(f.state.streams?.streams.map(\.name) == [LogGroupsFixture.firstStream])
        f.harness.press("esc", "d")
        f.harness.press("enter")
        #expect(f.lastToast == "Type /aws/lambda/orders-api to confirm.")
        f.harness.type(LogGroupsFixture.ordersGroup)
        f.harness.press("enter")
        #expect(f.lastToast == "Deleted log group /aws/lambda/orders-api.")
        #expect(f.state.groups.map(\.name) == ["/app/payments", "/empty/group"])
    }

    @Test("New events arrive at the bottom of a following view; a view scrolled up stays where it is")
    func followsNewEvents() throws {
        let f = try LogGroupsFixture(size: Size(width: 80, height: 24))
        try f.put("/app/busy", "s", start: LogGroupsFixture.start, (0..<40).map { "line \($0)" })
        f.openEvents(group: "/app/busy", stream: "s")
        try f.put("/app/busy", "s", start: LogGroupsFixture.start + 60_000, ["fresh line"])
        f.harness.settle()
        #expect(f.events?.events.last?.message == "fresh line")
        #expect(f.screen.contains("fresh line"))
        f.harness.press("g")
        let top = f.events?.top
        #expect(f.events?.follow == false)
        try f.put("/app/busy", "s", start: LogGroupsFixture.start + 61_000, ["later line"])
        f.harness.settle()
        #expect(f.events?.events.last?.message == "later line")
        #expect(f.events?.top == top)
        #expect(!f.screen.contains("later line"))
        f.harness.press("G")
        #expect(f.screen.contains("later line"))
        #expect(f.events?.follow == true)
    }

    @Test("A long stream loads its newest page; scrolling up past the top reads the page before")
    func pagesOlderEvents() throws {
        let f = try LogGroupsFixture(size: Size(width: 80, height: 24))
        let total = LogEventsState.pageSize + 200
        for batch in stride(from: 0, to: total, by: 600) {
            let count = min(600, total - batch)
            try f.put("/app/long", "s", start: LogGroupsFixture.start + Int64(batch) * 10, spacing: 10,
                      (batch..<(batch + count)).map { "event \($0)" })
        }
        f.openEvents(group: "/app/long", stream: "s")
        #expect(f.events?.events.count == LogEventsState.pageSize)
        #expect(f.events?.events.first?.message == "event 200")
        // At the top, the page before is read; the event that was at the top stays there.
        f.harness.press("g")
        #expect(f.events?.events.count == total)
        #expect(f.events?.topEvent?.message == "event 200")
        f.harness.press("g")
        #expect(f.events?.topEvent?.message == "event 0")
    }
}

/// From a function's invocation, Enter lands in the Log groups panel on that request's lines.
@Suite("Log groups panel: from an invocation")
struct LogGroupsFromInvocationTests {
    @Test("Enter on an invocation opens its stream at its START line, its lines marked; Esc goes back to the function")
    func invocationLandsOnItsLines() throws {
        let f = try FunctionsFixture(size: Size(width: 80, height: 24))
        try f.function("busy", role: try f.plainRole)
        let stream = "2026/01/01/[$LATEST]00112233445566778899aabbccddeeff"
        let target = "99999999-8888-4777-8666-555555555555"
        var messages = (0..<30).map { "earlier request line \($0)" }
        messages += ["START RequestId: \(target) Version: $LATEST", "the target request", "END RequestId: \(target)",
                     "START RequestId: 00000000-1111-4222-8333-444444444444 Version: $LATEST", "the next request"]
        try f.logStream("busy", stream, start: 1_767_225_600_000 - 60_000, messages)
        try f.record("busy", requestID: target, after: -60, stream: stream)
        f.openPanel()
        f.open("busy", tab: .invocations)
        f.harness.press("enter")
        let state = f.harness.state
        #expect(state.service == .logGroups)
        let view = try #require(state.logGroups.events)
        #expect(view.source == LogEventsSource(group: "/aws/lambda/busy", stream: stream))
        // The START line is on screen (at the top, unless the stream's end is nearer than a screen).
        let screen = f.harness.screen.text.split(separator: "\n")
        #expect(screen.contains { $0.contains("▌ ") && $0.contains("START RequestId: 9999") })
        #expect(view.requestEvents.count == 3)
        #expect(screen.contains { $0.contains("▌ ") && $0.contains("the target request") })
        #expect(screen.contains { !$0.contains("▌") && $0.contains("the next request") })
        f.harness.press("esc")
        #expect(f.harness.state.service == .functions)
        #expect(f.detail?.tab == .invocations)
    }

    @Test("An invocation whose stream was never written says why that can be, not that it was deleted")
    func invocationWithoutLogs() throws {
        let f = try FunctionsFixture(size: Size(width: 120, height: 40))
        try f.function("quiet", role: try f.plainRole)
        try f.record("quiet", requestID: "99999999-8888-4777-8666-555555555555", after: -60,
                     stream: "2026/01/01/[$LATEST]ffeeddccbbaa99887766554433221100")
        f.openPanel()
        f.open("quiet", tab: .invocations)
        f.harness.press("enter")
        let message = try #require(f.harness.state.toasts.last?.message)
        #expect(message.contains("does not exist: deleted, or never written"))
        #expect(message.contains("logs:PutLogEvents"))
    }
}
