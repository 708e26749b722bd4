import Foundation
import Testing
@testable import CloudEngine

@Suite("Logs Insights execution")
struct InsightsExecutionTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    /// 2025-12-31 23:50:00 UTC, ten minutes before the test clock's now.
    static let base: Int64 = 1_767_225_600_000 - 600_000

    init() throws {
        env = try TestAccount()
        try put("app", "s1", [(0, #"{"level":"INFO","ms":100,"user":{"id":"u1"}}"#), (30, #"{"level":"ERROR","ms":300,"user":{"id":"u2"}}"#),
                              (70, "user=bob action=login"), (90, "user=amy action=logout")])
        try put("app", "s2", [(10, #"{"level":"INFO","ms":200,"user":{"id":"u1"}}"#), (125, "ERROR disk full")])
        try put("web", "w", [(5, "GET /index 200"), (65, "GET /missing 404")])
    }

    func put(_ group: String, _ stream: String, _ events: [(Int64, String)]) throws {
        _ = try? logs.createLogGroup(group, caller: .root)
        try logs.createLogStream(group: group, stream: stream, caller: .root)
        try logs.putLogEvents(group: group, stream: stream, events: events.map {
            InputLogEvent(timestamp: Self.base + $0.0 * 1000, message: $0.1)
        }, caller: .root)
    }

    func run(_ query: String, _ groups: [String] = ["app"], limit: Int? = nil, caller: Caller = .root) throws -> InsightsResult {
        try logs.runQuery(query, groups: groups, start: Date(timeIntervalSince1970: Double(Self.base) / 1000),
                          end: Date(timeIntervalSince1970: Double(Self.base) / 1000 + 3600), limit: limit, caller: caller)
    }

    @Test("fields, filter, sort and limit; numbers and times come back as Insights writes them")
    func fieldsFilterSortLimit() throws {
        let result = try run("fields @timestamp, level, ms | filter ms > 100 | sort ms desc | limit 1")
        #expect(result.columns == ["@timestamp", "level", "ms"])
        #expect(result.rows == [["2025-12-31 23:50:30.000", "ERROR", "300"]])
        #expect(result.recordsScanned == 6 && result.recordsMatched == 2 && result.bytesScanned > 0)
        let newest = try run("filter @message like 'user=' or level = 'INFO'")
        #expect(newest.columns == ["@timestamp", "@message"])
        #expect(newest.rows.map { $0[1] } == ["user=amy action=logout", "user=bob action=login",
                                              #"{"level":"INFO","ms":200,"user":{"id":"u1"}}"#, #"{"level":"INFO","ms":100,"user":{"id":"u1"}}"#])
        #expect(try run("fields @message", limit: 2).rows == [["ERROR disk full"], ["user=amy action=logout"]])
        #expect(try run("fields ms * 2 as double, concat(level, '!') as shout | filter level in ['ERROR'] ").rows == [["600", "ERROR!"]])
    }

    @Test("parse with a glob and with a regex's named groups")
    func parse() throws {
        let glob = try run(#"parse @message "user=* action=*" as user, action | filter ispresent(user) | fields user, action"#)
        #expect(glob.columns == ["user", "action"])
        #expect(glob.rows == [["amy", "logout"], ["bob", "login"]])
        let regex = try run(#"parse @message /user=(?<who>\w+) action=(?<what>\w+)/ | filter ispresent(who) | sort who asc | display who, what"#)
        #expect(regex.rows == [["amy", "logout"], ["bob", "login"]])
    }

    @Test("stats count(*) by bin(1m), groups in time order")
    func countByBin() throws {
        let result = try run("stats count(*) by bin(1m)")
        #expect(result.columns == ["bin(1m)", "count(*)"])
        #expect(result.rows == [["2025-12-31 23:50:00.000", "3"], ["2025-12-31 23:51:00.000", "2"], ["2025-12-31 23:52:00.000", "1"]])
    }

    @Test("stats avg and pct by a JSON field, sorted")
    func averagesByField() throws {
        let result = try run("filter ispresent(level) | stats avg(ms) as mean, pct(ms, 50), count(*) by level | sort level")
        #expect(result.columns == ["level", "mean", "pct(ms, 50)", "count(*)"])
        #expect(result.rows == [["ERROR", "300", "300", "1"], ["INFO", "150", "100", "2"]])
        let spread = try run("stats avg(ms) as mean, max(ms), count_distinct(user.id) as users | filter mean > 1")
        #expect(spread.rows == [["200", "300", "2"]])
        #expect(try run("stats count(*) as n by @logStream | sort n desc").rows == [["s1", "4"], ["s2", "2"]])
        #expect(try run("stats count(*) as n by level | sort level desc").rows == [["INFO", "2"], ["ERROR", "1"], [nil, "3"]])
    }

    @Test("dedup keeps the first row of each value, nested JSON fields read as a.b")
    func dedup() throws {
        let result = try run("fields user.id | filter ispresent(user.id) | dedup user.id")
        #expect(result.columns == ["user.id"])
        #expect(result.rows == [["u2"], ["u1"]])
    }

    @Test("Several groups interleave by time, with @log and @logStream")
    func severalGroups() throws {
        let result = try run("fields @log, @logStream, @message | filter @message =~ /GET|disk/ | sort @timestamp asc", ["app", "web"])
        #expect(result.rows == [["123456789012:web", "w", "GET /index 200"], ["123456789012:web", "w", "GET /missing 404"],
                                ["123456789012:app", "s2", "ERROR disk full"]])
        #expect(result.recordsScanned == 8)
    }

    @Test("The time range is inclusive at both ends")
    func timeRange() throws {
        let result = try logs.runQuery("fields @message", groups: ["web"], start: Date(timeIntervalSince1970: Double(Self.base + 5000) / 1000),
                                       end: Date(timeIntervalSince1970: Double(Self.base + 65000) / 1000), caller: .root)
        #expect(result.rows.count == 2)
    }

    @Test("A query asks logs:StartQuery on each group; a missing group is ResourceNotFoundException")
    func authorization() throws {
        let authorizer = RecordingAuthorizer()
        let env = try TestAccount(authorizer: authorizer)
        try env.logs.createLogGroup("a", caller: .root)
        try env.logs.createLogGroup("b", caller: .root)
        authorizer.reset()
        _ = try env.logs.runQuery("stats count(*)", groups: ["a", "b"], start: Date(timeIntervalSince1970: 0), end: Date(), caller: .root)
        #expect(authorizer.asked == ["logs:StartQuery arn:aws:logs:us-east-1:123456789012:log-group:a:*",
                                     "logs:StartQuery arn:aws:logs:us-east-1:123456789012:log-group:b:*"])
        expectEngineError("ResourceNotFoundException", 400, "nope") { try run("fields @message", ["nope"]) }
        expectEngineError("MalformedQueryException", 400, "position") { try run("fields |") }
    }
}
