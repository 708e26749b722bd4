import Foundation
import Testing
@testable import CloudEngine

@Suite("FilterLogEvents")
struct FilterLogEventsTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let now: Int64 = 1_767_225_600_000
    static let day: Int64 = 86_400_000

    /// Two streams whose events interleave in time; "b" has one event at the same timestamp as "a"'s second.
    init() throws {
        env = try TestAccount()
        try env.logs.createLogGroup("g", caller: .root)
        for stream in ["app-a", "app-b", "other"] { try env.logs.createLogStream(group: "g", stream: stream, caller: .root) }
        try put("app-a", [(-50, #"{"level":"ERROR","ms":5}"#), (-30, "INFO a2")])
        try put("app-b", [(-40, "ERROR b1"), (-30, #"{"level":"INFO","ms":500}"#)])
        try put("other", [(-10, "ERROR other")])
    }

    func put(_ stream: String, _ events: [(Int64, String)]) throws {
        try logs.putLogEvents(group: "g", stream: stream, events: events.map { InputLogEvent(timestamp: Self.now + $0.0, message: $0.1) },
                              caller: .root)
    }

    func messages(_ streams: LogStreamSelection = .all, pattern: String? = nil, start: Int64? = nil, end: Int64? = nil) throws -> [String] {
        try logs.filterLogEvents(group: "g", streams: streams, startTime: start, endTime: end, filterPattern: pattern, caller: .root)
            .events.map(\.message)
    }

    @Test("Events of all streams come interleaved by time, ties in arrival order, with their stream and ids")
    func interleaved() throws {
        let page = try logs.filterLogEvents(group: "g", caller: .root)
        #expect(page.events.map(\.message) == [#"{"level":"ERROR","ms":5}"#, "ERROR b1", "INFO a2", #"{"level":"INFO","ms":500}"#, "ERROR other"])
        #expect(page.events.map(\.logStreamName) == ["app-a", "app-b", "app-a", "app-b", "other"])
        #expect(Set(page.events.map(\.eventId)).count == 5)
        #expect(page.nextToken == nil)
    }

    @Test("Streams by name or prefix, a time range (both ends inclusive) and a pattern narrow the search")
    func narrowing() throws {
        #expect(try messages(.names(["other", "app-b"])) == ["ERROR b1", #"{"level":"INFO","ms":500}"#, "ERROR other"])
        #expect(try messages(.prefix("app-"), pattern: "ERROR") == [#"{"level":"ERROR","ms":5}"#, "ERROR b1"])
        #expect(try messages(start: Self.now - 40, end: Self.now - 30) == ["ERROR b1", "INFO a2", #"{"level":"INFO","ms":500}"#])
        #expect(try messages(pattern: "{ $.ms > 100 }") == [#"{"level":"INFO","ms":500}"#])
        #expect(try messages(pattern: "[level, word]") == ["ERROR b1", "INFO a2", "ERROR other"])
    }

    @Test("A small limit pages with a token, every event exactly once")
    func paging() throws {
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try logs.filterLogEvents(group: "g", limit: 2, nextToken: token, caller: .root)
            seen += page.events.map(\.message)
            token = page.nextToken
            pages += 1
        } while token != nil
        #expect(seen == (try messages()))
        #expect(pages == 3)
    }

    @Test("Events past the group's retention are not returned by FilterLogEvents or GetLogEvents")
    func retention() throws {
        try logs.putRetentionPolicy(group: "g", days: 1, caller: .root)
        env.clock.advance(by: 86_400 - 0.035)
        #expect(try messages() == ["INFO a2", #"{"level":"INFO","ms":500}"#, "ERROR other"])
        #expect(try logs.getLogEvents(group: "g", stream: "app-a", startFromHead: true, caller: .root).events.map(\.message) == ["INFO a2"])
    }

    @Test("Bad input: a bad pattern, a bad token, a missing group, a limit out of range")
    func errors() throws {
        #expect(throws: EngineError.self) { try logs.filterLogEvents(group: "g", filterPattern: "{ $.a = ", caller: .root) }
        #expect(throws: EngineError.invalidLogParameter("The specified nextToken is not valid: nope")) {
            try logs.filterLogEvents(group: "g", nextToken: "nope", caller: .root)
        }
        #expect(throws: EngineError.logGroupNotFound("missing")) { try logs.filterLogEvents(group: "missing", caller: .root) }
        #expect(throws: EngineError.self) { try logs.filterLogEvents(group: "g", limit: 0, caller: .root) }
    }
}
