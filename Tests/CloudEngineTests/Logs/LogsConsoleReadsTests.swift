import Foundation
import Testing
@testable import CloudEngine

/// What the console's Log groups panel reads: groups with their last event, a whole group's events paged as
/// GetLogEvents pages a stream, and where a pattern's terms are in a line.
@Suite("Logs: the console's reads")
struct LogsConsoleReadsTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let now: Int64 = 1_767_225_600_000

    init() throws {
        env = try TestAccount()
        try env.logs.createLogGroup("g", caller: .root)
        try env.logs.createLogGroup("empty", retentionInDays: 30, caller: .root)
        for stream in ["a", "b"] { try env.logs.createLogStream(group: "g", stream: stream, caller: .root) }
        try logs.putLogEvents(group: "g", stream: "a", events: [-50, -30, -10].map { InputLogEvent(timestamp: Self.now + $0, message: "a\($0)") },
                              caller: .root)
        try logs.putLogEvents(group: "g", stream: "b", events: [-40, -20].map { InputLogEvent(timestamp: Self.now + $0, message: "b\($0)") },
                              caller: .root)
    }

    @Test("Groups come in name order with the newest event of their streams and how many streams they have")
    func summaries() throws {
        let groups = try logs.logGroupSummaries(caller: .root)
        #expect(groups.map(\.name) == ["empty", "g"])
        #expect(groups[0].lastEventTime == nil)
        #expect(groups[0].streamCount == 0)
        #expect(groups[0].group.retentionInDays == 30)
        #expect(groups[1].lastEventTime == Self.now - 10)
        #expect(groups[1].streamCount == 2)
    }

    @Test("A group's events interleave by time, newest page first, older pages with the backward token")
    func groupPages() throws {
        let newest = try logs.getGroupLogEvents(group: "g", limit: 2, caller: .root)
        #expect(newest.events.map(\.message) == ["b-20", "a-10"])
        let older = try logs.getGroupLogEvents(group: "g", nextToken: newest.nextBackwardToken, limit: 2, caller: .root)
        #expect(older.events.map(\.message) == ["b-40", "a-30"])
        let fromTime = try logs.getGroupLogEvents(group: "g", startTime: Self.now - 35, limit: 10, startFromHead: true, caller: .root)
        #expect(fromTime.events.map(\.message) == ["a-30", "b-20", "a-10"])
        #expect(throws: EngineError.self) { try logs.getGroupLogEvents(group: "missing", caller: .root) }
    }

    @Test("Highlights: terms and phrases but not -terms, a regex's matches, a JSON pattern's compared text")
    func highlights() throws {
        func marked(_ pattern: String, _ text: String) throws -> [String] {
            try FilterPattern(pattern).highlightRanges(in: text).map { String(text[$0]) }
        }
        #expect(try marked("ERROR -Retry ?\"timed out\"", "ERROR: call timed out; ERROR again; Retry") == ["ERROR", "timed out", "ERROR"])
        #expect(try marked("%[0-9]+ ms%", "took 950 ms") == ["950 ms"])
        #expect(try marked(#"{ $.level = "ERR*" && $.ms > 100 }"#, #"{"level":"ERROR","ms":500}"#) == ["ERR"])
        #expect(try marked("", "anything").isEmpty)
    }
}
