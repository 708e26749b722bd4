@testable import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// The live log pane driven by keys: pause, scroll back and follow again, the filter, picking groups,
/// new streams and groups, and bursts that must be sampled.
@Suite("Live log pane keys")
struct LogPaneKeyTests {
    @Test("Space pauses: new lines are counted in the title, not shown; Space again shows them")
    func pause() throws {
        let f = try LogPaneFixture()
        try f.put("/aws/lambda/fn", ["first line"])
        f.openPane()
        #expect(f.state.focus == .logs)
        f.harness.press("space")
        #expect(f.tail.paused)
        try f.put("/aws/lambda/fn", ["second", "third", "fourth"])
        #expect(f.screen.contains("paused · 3 new"))
        #expect(f.screen.contains("first line"))
        #expect(!f.screen.contains("fourth"))
        #expect(f.screen.contains("Space Resume"), "the footer shows the pane's keys")
        f.harness.press("space")
        #expect(!f.tail.paused)
        #expect(f.screen.contains("fourth"))
        #expect(!f.screen.contains("paused"))
    }

    @Test("k scrolls back and stops following; new lines are counted; G follows again")
    func scrollBackAndFollow() throws {
        let f = try LogPaneFixture()
        try f.put("/aws/lambda/fn", (1...30).map { "line \($0)" })
        f.openPane()
        #expect(f.screen.contains("line 30"))
        f.harness.press("k", "k", "k")
        #expect(!f.tail.isFollowing)
        #expect(f.screen.contains("line 27"))
        #expect(!f.screen.contains("line 30"))
        try f.put("/aws/lambda/fn", ["line 31", "line 32"])
        #expect(f.screen.contains("2 new lines ↓"))
        #expect(!f.screen.contains("line 32"))
        f.harness.press("pgup")
        #expect(f.screen.contains("line 22"))
        f.harness.press("G")
        #expect(f.tail.isFollowing)
        #expect(f.screen.contains("line 32"))
        #expect(!f.screen.contains("new lines ↓"))
        // Scrolling forward to the end follows again too.
        f.harness.press("k", "j")
        #expect(f.tail.isFollowing)
    }

    @Test("/ takes a filter pattern that narrows the pane live, new events too; Esc clears it")
    func goodFilter() throws {
        let f = try LogPaneFixture()
        try f.invocations()
        f.openPane(taller: 4)
        f.harness.press("/")
        f.harness.type("ERROR")
        #expect(f.screen.contains("Payment declined"))
        #expect(!f.screen.contains("Reading order 42"))
        f.harness.press("enter")
        #expect(f.tail.filter.input == nil)
        #expect(f.screen.contains("filter: ERROR"))
        try f.put("/aws/lambda/orders", ["[ERROR]\tlater failure", "[INFO]\tlater fine"])
        #expect(f.screen.contains("later failure"))
        #expect(!f.screen.contains("later fine"))
        // A JSON pattern, by the engine's matcher.
        f.harness.press("/")
        f.harness.press("ctrl+u")
        f.harness.type(#"{ $.ms > 2 }"#)
        f.harness.press("enter")
        #expect(f.screen.contains("cache miss"))
        #expect(!f.screen.contains("Payment declined"))
        f.harness.press("/", "esc")
        #expect(!f.tail.filter.isActive)
        #expect(f.screen.contains("Reading order 42"))
    }

    @Test("A bad pattern shows the engine's error with its position; the pane keeps its last good filter")
    func badFilter() throws {
        let f = try LogPaneFixture()
        try f.invocations()
        f.openPane(taller: 4)
        f.harness.press("/")
        f.harness.type("{ $.level = ")
        #expect(f.tail.filter.error?.contains("at position") == true)
        #expect(f.screen.contains("✗ Invalid filter pattern"))
        #expect(f.screen.contains("Reading order 42"), "nothing is lost while the pattern is bad")
        f.harness.press("enter")
        #expect(f.tail.filter.input != nil, "Enter does not take a bad pattern")
        f.harness.press("esc")
        #expect(f.tail.filter.input == nil)
        #expect(f.tail.filter.error == nil)
    }

    @Test("g picks several groups (Space marks, Enter follows); the pick wins over the panel until cleared")
    func pickGroups() throws {
        let f = try LogPaneFixture()
        try f.put("/aws/lambda/alpha", ["from alpha"])
        try f.put("/aws/lambda/beta", ["from beta"])
        try f.put("/app/gamma", ["from gamma"])
        f.openPane(taller: 2)
        #expect(!f.screen.contains("from gamma"), "by default it follows the functions")
        f.harness.press("g")
        #expect(f.screen.contains("[ ] /app/gamma"))
        #expect(f.screen.contains("Space Mark"))
        // Rows: All groups, /app/gamma, /aws/lambda/alpha, /aws/lambda/beta.
        f.harness.press("j", "space", "j", "space", "enter")
        #expect(f.tail.follow == .groups(["/app/gamma", "/aws/lambda/alpha"]))
        #expect(f.screen.contains("following: 2 groups"))
        #expect(f.screen.contains("from gamma") && f.screen.contains("from alpha"))
        #expect(!f.screen.contains("from beta"))
        try f.put("/aws/lambda/beta", ["beta again"])
        try f.put("/app/gamma", ["gamma again"])
        #expect(f.screen.contains("gamma again") && !f.screen.contains("beta again"))
        // All groups.
        f.harness.press("g", "space", "enter")
        #expect(f.tail.follow == .all)
        #expect(f.screen.contains("following: all groups"))
        #expect(f.screen.contains("beta again"))
        // Nothing marked: back to what the panel suggests.
        f.harness.press("g", "space", "enter")
        #expect(f.tail.follow == .panel)
        #expect(f.screen.contains("Live logs · all functions"))
    }

    @Test("Streams and groups that start after the pane opened are picked up")
    func newStreamsAndGroups() throws {
        let f = try LogPaneFixture()
        try f.put("/aws/lambda/fn", ["old instance"])
        f.openPane(taller: 2)
        try f.put("/aws/lambda/fn", ["new instance says hi"], stream: LogPaneFixture.stream("77aa00"))
        #expect(f.screen.contains("fn·77aa00"))
        #expect(f.screen.contains("new instance says hi"))
        f.harness.press("g", "space", "enter")
        try f.put("/brand/new", ["a group made later"])
        #expect(f.screen.contains("a group made later"))
    }

    @Test("More events than a read takes: the newest are shown and the pane says it sampled")
    func sampled() throws {
        let f = try LogPaneFixture()
        f.openPane()
        try f.put("/aws/lambda/fn", (1...1500).map { "burst \($0)" })
        #expect(f.screen.contains("sampled: showing 1,000 of 1,500 events"))
        #expect(f.tail.lines.last?.message == "burst 1500")
        #expect(f.tail.lines.count == LogTailState.capacity)
        try f.put("/aws/lambda/fn", ["calm again"])
        #expect(!f.screen.contains("sampled"))
    }

    @Test("J shows JSON messages indented; again, compact on one line")
    func jsonExpands() throws {
        let f = try LogPaneFixture()
        try f.put("/aws/lambda/fn", ["{\n  \"level\": \"info\",\n  \"msg\": \"hello\"\n}"])
        f.openPane(taller: 2)
        #expect(f.screen.contains(#"{"level": "info", "msg": "hello"}"#))
        f.harness.press("J")
        #expect(f.screen.contains(#""msg": "hello""#))
        #expect(!f.screen.contains(#"{"level""#))
        #expect(f.screen.contains("JSON expanded (J)"))
    }

    @Test("? in the pane lists its keys")
    func help() throws {
        let f = try LogPaneFixture()
        f.openPane()
        f.harness.press("?")
        #expect(f.screen.contains("Keys: live log pane"))
        #expect(f.screen.contains("Follow the newest lines again"))
    }
}

/// Reading levels and the pane's ring of lines.
@Suite("Live log pane lines")
struct LogPaneLineTests {
    @Test("Levels from Lambda's tab format, Python logging, plain words and JSON fields")
    func levels() {
        let cases: [(String, LogLevel?)] = [
            ("[ERROR]\t2026-01-01T00:00:00Z\tid\tboom", .error),
            ("2026-01-01T00:00:00.000Z\tid\tWARN\tslow", .warn),
            ("WARNING:root:disk almost full", .warn),
            ("CRITICAL: on fire", .error),
            ("FATAL out of memory", .error),
            ("Traceback (most recent call last):", .error),
            ("INFO started", .info),
            ("DEBUG x=1", .debug),
            ("TRACE enter", .debug),
            (#"{"level":"warn","msg":"x"}"#, .warn),
            (#"{"msg":"x","severity":"ERROR"}"#, .error),
            ("Information is power", nil),
            ("an ERROR in the middle", nil),
            ("START RequestId: 1 Version: $LATEST", nil),
        ]
        for (message, level) in cases {
            #expect(LogLevel.of(message) == level, "\(message)")
        }
    }

    @Test("The ring keeps the newest lines in order and numbers every line ever appended")
    func ring() {
        var ring = LogLineRing(capacity: 3)
        for n in 1...5 { ring.append(LogTailLine(timestamp: 1, source: "s", message: "m\(n)")) }
        #expect(ring.map(\.message) == ["m3", "m4", "m5"])
        #expect(ring.firstSeq == 2)
        #expect(ring.index(ofSeq: 3) == 1)
        #expect(ring.index(ofSeq: 0) == 0, "a line pushed out clamps to the oldest kept")
    }
}
