import Foundation
import Testing
@testable import CloudEngine

@Suite("PutLogEvents")
struct PutLogEventsTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let now: Int64 = 1_767_225_600_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    init() throws {
        env = try TestAccount()
        try env.logs.createLogGroup("g", caller: .root)
        try env.logs.createLogStream(group: "g", stream: "s", caller: .root)
    }

    @discardableResult
    func put(_ events: [InputLogEvent], group: String = "g") throws -> PutLogEventsResult {
        try logs.putLogEvents(group: group, stream: "s", events: events, caller: .root)
    }

    func event(_ offset: Int64, _ message: String = "m") -> InputLogEvent {
        InputLogEvent(timestamp: Self.now + offset, message: message)
    }

    func stored() throws -> [String] {
        try logs.getLogEvents(group: "g", stream: "s", startFromHead: true, caller: .root).events.map(\.message)
    }

    @Test("Accepted events are stored and counted")
    func accepted() throws {
        let result = try put([event(-2, "one"), event(-1, "two")])
        #expect(result == PutLogEventsResult(accepted: 2))
        #expect(try stored() == ["one", "two"])
    }

    @Test("Stored events carry their timestamp and the ingestion time from the clock")
    func eventFields() throws {
        env.clock.advance(by: 1.5)
        try put([event(-10_000, "hi")])
        let stored = try #require(try logs.getLogEvents(group: "g", stream: "s", caller: .root).events.first)
        #expect(stored.timestamp == Self.now - 10_000)
        #expect(stored.ingestionTime == Self.now + 1_500)
        #expect(stored.streamName == "s")
    }

    @Test("An empty batch is InvalidParameterException (400)")
    func emptyBatch() throws {
        expectEngineError("InvalidParameterException", 400, "At least one log event is required.") { try put([]) }
    }

    @Test("A batch of 10,000 events is accepted")
    func maxCount() throws {
        let result = try put(Array(repeating: event(0, "x"), count: 10_000))
        #expect(result.accepted == 10_000)
    }

    @Test("A batch of more than 10,000 events is InvalidParameterException (400)")
    func tooMany() throws {
        expectEngineError("InvalidParameterException", 400, "at most 10,000 log events (this one has 10001)") {
            try put(Array(repeating: event(0, "x"), count: 10_001))
        }
        #expect(try env.count("SELECT count(*) FROM log_events") == 0)
    }

    @Test("An event of exactly 1,048,576 bytes with its 26 bytes of overhead is accepted")
    func eventAtLimit() throws {
        let result = try put([event(0, String(repeating: "a", count: 1_048_576 - 26))])
        #expect(result.accepted == 1)
    }

    @Test("An event over 1,048,576 bytes with overhead is InvalidParameterException (400) naming its index")
    func eventTooLarge() throws {
        expectEngineError("InvalidParameterException", 400, "Log event 1 is too large: 1048577 bytes with overhead") {
            try put([event(0, "ok"), event(0, String(repeating: "é", count: 524_275) + "a")])
        }
    }

    @Test("An empty message is InvalidParameterException (400)")
    func emptyMessage() throws {
        expectEngineError("InvalidParameterException", 400, "Log event 0 has an empty message") { try put([event(0, "")]) }
    }

    @Test("A batch of exactly 1,048,576 bytes with overhead is accepted")
    func batchAtLimit() throws {
        let message = String(repeating: "b", count: 262_144 - 26)
        #expect(try put(Array(repeating: event(0, message), count: 4)).accepted == 4)
    }

    @Test("A batch over 1,048,576 bytes is InvalidParameterException (400) and stores nothing")
    func batchTooLarge() throws {
        let message = String(repeating: "b", count: 262_144 - 26)
        expectEngineError("InvalidParameterException", 400, "The batch is too large: 1048603 bytes", "26 bytes each") {
            try put(Array(repeating: event(0, message), count: 4) + [event(0, "x")])
        }
        #expect(try env.count("SELECT count(*) FROM log_events") == 0)
    }

    @Test("A batch spanning exactly 24 hours is accepted")
    func spanAtLimit() throws {
        #expect(try put([event(-24 * Self.hour), event(0)]).accepted == 2)
    }

    @Test("A batch spanning more than 24 hours is InvalidParameterException (400)")
    func spanTooLong() throws {
        expectEngineError("InvalidParameterException", 400, "must not span more than 24 hours") {
            try put([event(-24 * Self.hour - 1), event(0)])
        }
    }

    @Test("Events more than 2 hours ahead are refused from their first index; the rest are stored")
    func tooNew() throws {
        let result = try put([event(0, "now"), event(2 * Self.hour, "edge"), event(2 * Self.hour + 1, "new1"), event(3 * Self.hour, "new2")])
        #expect(result.tooNewLogEventStartIndex == 2)
        #expect(result.accepted == 2)
        #expect(try stored() == ["now", "edge"])
    }

    @Test("Events more than 14 days old are refused up to an exclusive end index; the rest are stored")
    func tooOld() throws {
        let result = try put([event(-14 * Self.day - 2, "old1"), event(-14 * Self.day - 1, "old2"), event(-14 * Self.day, "edge")])
        // AWS: tooOldLogEventEndIndex "is exclusive": events [0, end) were too old.
        #expect(result.tooOldLogEventEndIndex == 2)
        #expect(result.accepted == 1)
        #expect(try stored() == ["edge"])
    }

    @Test("A too-old event does not make the valid ones span more than 24 hours")
    func tooOldOutsideSpan() throws {
        // AWS applies the 24-hour rule to valid events only (14 days back to 2 hours ahead).
        let result = try put([event(-15 * Self.day, "ancient"), event(0, "fresh")])
        #expect(result.tooOldLogEventEndIndex == 1)
        #expect(try stored() == ["fresh"])
    }

    @Test("Events older than the group's retention are refused as expired; the rest are stored")
    func expired() throws {
        try logs.putRetentionPolicy(group: "g", days: 1, caller: .root)
        let result = try put([event(-Self.day - 2, "gone1"), event(-Self.day - 1, "gone2"), event(-Self.day + 1, "kept")])
        #expect(result.expiredLogEventEndIndex != nil)
        #expect(result.tooOldLogEventEndIndex == nil)
        #expect(result.accepted == 1)
        #expect(try stored() == ["kept"])
    }

    @Test("A batch with nothing accepted leaves the stream's times and bytes alone")
    func nothingAccepted() throws {
        let result = try put([event(3 * Self.hour, "future")])
        #expect(result.accepted == 0)
        let stream = try #require(try logs.describeLogStreams(group: "g", caller: .root).items.first)
        #expect(stream.lastEventTimestamp == nil && stream.storedBytes == 0)
    }

    @Test("Events with equal timestamps are stored in the order they were sent")
    func timestampTies() throws {
        try put([event(-50, "a"), event(-40, "b1"), event(-40, "b2"), event(-40, "b3"), event(-30, "c")])
        #expect(try stored() == ["a", "b1", "b2", "b3", "c"])
    }

    @Test("A batch out of chronological order is InvalidParameterException (400), and nothing is stored")
    func outOfOrderBatch() throws {
        expectEngineError("InvalidParameterException", 400, "must be in chronological order (event 1 is older than event 0)") {
            try put([event(-30, "c"), event(-50, "a")])
        }
        #expect(try stored().isEmpty)
    }

    @Test("Events from later batches slot into timestamp order, after earlier ties")
    func orderAcrossBatches() throws {
        try put([event(-20, "x")])
        try put([event(-20, "y")])
        try put([event(-30, "w")])
        #expect(try stored() == ["w", "x", "y"])
    }
}

@Suite("GetLogEvents")
struct GetLogEventsTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let now: Int64 = 1_767_225_600_000
    /// Ten events, "e0" to "e9", one millisecond apart, with "e4" and "e5" sharing a timestamp.
    static let messages = (0..<10).map { "e\($0)" }

    init() throws {
        env = try TestAccount()
        try env.logs.createLogGroup("g", caller: .root)
        try env.logs.createLogStream(group: "g", stream: "s", caller: .root)
        let events = Self.messages.enumerated().map { index, message in
            InputLogEvent(timestamp: Self.now - 100 + Int64(index == 5 ? 4 : index), message: message)
        }
        try env.logs.putLogEvents(group: "g", stream: "s", events: events, caller: .root)
    }

    func page(token: String? = nil, limit: Int = 10_000, head: Bool = false,
              start: Int64? = nil, end: Int64? = nil) throws -> LogEventsPage {
        try logs.getLogEvents(group: "g", stream: "s", startTime: start, endTime: end, nextToken: token, limit: limit,
                              startFromHead: head, caller: .root)
    }

    @Test("From the head, the oldest events come first")
    func fromHead() throws {
        #expect(try page(limit: 3, head: true).events.map(\.message) == ["e0", "e1", "e2"])
    }

    @Test("By default (from the tail), the newest events come back, oldest first")
    func fromTail() throws {
        #expect(try page(limit: 3).events.map(\.message) == ["e7", "e8", "e9"])
    }

    @Test("Without a limit the whole stream comes back")
    func wholeStream() throws {
        #expect(try page(head: true).events.map(\.message) == Self.messages)
    }

    @Test("A limit outside 1-10,000 is InvalidParameterException (400)", arguments: [0, -1, 10_001])
    func badLimit(limit: Int) throws {
        expectEngineError("InvalidParameterException", 400, "limit must be between 1 and 10,000 (got \(limit))") {
            try page(limit: limit)
        }
    }

    @Test("Forward tokens walk the whole stream from the head, and the last token comes back unchanged", arguments: [1, 3, 4, 10])
    func forwardWalk(limit: Int) throws {
        var seen: [String] = []
        var current = try page(limit: limit, head: true)
        var token: String
        repeat {
            seen += current.events.map(\.message)
            token = current.nextForwardToken
            #expect(token.hasPrefix("f/"))
            current = try page(token: token, limit: limit)
        } while !current.events.isEmpty && seen.count < 100
        #expect(seen == Self.messages)
        #expect(current.nextForwardToken == token)
    }

    @Test("Backward tokens walk the whole stream from the tail, and the first token comes back unchanged", arguments: [1, 3, 4, 10])
    func backwardWalk(limit: Int) throws {
        var seen: [String] = []
        var current = try page(limit: limit)
        var token: String
        repeat {
            seen = current.events.map(\.message) + seen
            token = current.nextBackwardToken
            #expect(token.hasPrefix("b/"))
            current = try page(token: token, limit: limit)
        } while !current.events.isEmpty && seen.count < 100
        #expect(seen == Self.messages)
        #expect(current.nextBackwardToken == token)
    }

    @Test("New events appear on the next forward call after an empty one")
    func tailing() throws {
        let all = try page(head: true)
        let empty = try page(token: all.nextForwardToken)
        #expect(empty.events.isEmpty)
        try logs.putLogEvents(group: "g", stream: "s", events: [InputLogEvent(timestamp: Self.now, message: "late")], caller: .root)
        #expect(try page(token: empty.nextForwardToken).events.map(\.message) == ["late"])
    }

    @Test("Tailing an empty stream from the head picks up its first events")
    func tailingEmptyStream() throws {
        try logs.createLogStream(group: "g", stream: "new", caller: .root)
        let first = try logs.getLogEvents(group: "g", stream: "new", startFromHead: true, caller: .root)
        #expect(first.events.isEmpty)
        try logs.putLogEvents(group: "g", stream: "new", events: [InputLogEvent(timestamp: Self.now, message: "hi")], caller: .root)
        let next = try logs.getLogEvents(group: "g", stream: "new", nextToken: first.nextForwardToken, caller: .root)
        #expect(next.events.map(\.message) == ["hi"])
    }

    @Test("From the end of a forward walk, the backward token walks back over every event")
    func backwardFromForwardEnd() throws {
        let all = try page(head: true)
        let end = try page(token: all.nextForwardToken)
        #expect(end.events.isEmpty)
        let back = try page(token: end.nextBackwardToken, limit: 2)
        #expect(back.events.map(\.message) == ["e8", "e9"])
    }

    @Test("From the start of a backward walk, the forward token walks forward over every event")
    func forwardFromBackwardStart() throws {
        let all = try page()
        let start = try page(token: all.nextBackwardToken)
        #expect(start.events.isEmpty)
        let forward = try page(token: start.nextForwardToken, limit: 2)
        #expect(forward.events.map(\.message) == ["e0", "e1"])
    }

    @Test("A page's backward token returns the events just before it")
    func backwardFromMiddle() throws {
        let middle = try page(limit: 3) // e7 e8 e9
        #expect(try page(token: middle.nextBackwardToken, limit: 3).events.map(\.message) == ["e4", "e5", "e6"])
    }

    @Test("startTime is inclusive and endTime exclusive")
    func timeWindow() throws {
        let events = try page(head: true, start: Self.now - 98, end: Self.now - 94).events.map(\.message)
        #expect(events == ["e2", "e3", "e4", "e5"])
    }

    @Test("A window with no events returns none")
    func emptyWindow() throws {
        #expect(try page(head: true, start: Self.now, end: Self.now + 10).events.isEmpty)
    }

    @Test("A token that is not one of ours is InvalidParameterException (400)",
          arguments: ["garbage", "f/123", "x/" + String(repeating: "0", count: 40), "f/" + String(repeating: "z", count: 40)])
    func badToken(token: String) throws {
        expectEngineError("InvalidParameterException", 400, "The specified nextToken is not valid: \(token)") {
            try page(token: token)
        }
    }
}

@Suite("Events after an id (the live pane)")
struct EventsAfterTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let now: Int64 = 1_767_225_600_000

    init() throws {
        env = try TestAccount()
        try env.logs.createLogGroup("g", caller: .root)
        try env.logs.createLogGroup("other", caller: .root)
        for stream in ["a", "b"] { try env.logs.createLogStream(group: "g", stream: stream, caller: .root) }
        try env.logs.createLogStream(group: "other", stream: "a", caller: .root)
    }

    func put(_ stream: String, _ message: String, group: String = "g", at offset: Int64 = 0) throws {
        try logs.putLogEvents(group: group, stream: stream, events: [InputLogEvent(timestamp: Self.now + offset, message: message)],
                              caller: .root)
    }

    @Test("Only events that arrived after the id come back, across the group's streams, in arrival order")
    func onlyNewer() throws {
        try put("a", "old-a")
        try put("b", "old-b")
        let mark = try #require(try logs.eventsAfter(group: "g", afterID: 0, caller: .root).last?.id)
        try put("b", "new-b", at: -5_000)
        try put("a", "new-a", at: -9_000)
        try put("a", "elsewhere", group: "other")
        let newer = try logs.eventsAfter(group: "g", afterID: mark, caller: .root)
        #expect(newer.map(\.message) == ["new-b", "new-a"])
        #expect(newer.map(\.streamName) == ["b", "a"])
    }

    @Test("With nothing new, nothing comes back")
    func nothingNew() throws {
        try put("a", "one")
        let last = try #require(try logs.eventsAfter(group: "g", afterID: 0, caller: .root).last?.id)
        #expect(try logs.eventsAfter(group: "g", afterID: last, caller: .root).isEmpty)
    }

    @Test("The limit caps how many come back, oldest arrivals first")
    func limit() throws {
        for index in 0..<5 { try put("a", "m\(index)") }
        #expect(try logs.eventsAfter(group: "g", afterID: 0, limit: 2, caller: .root).map(\.message) == ["m0", "m1"])
    }
}
