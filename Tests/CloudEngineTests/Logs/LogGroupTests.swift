import Foundation
import Testing
@testable import CloudEngine

@Suite("Log groups")
struct LogGroupTests {
    let env: TestAccount
    var logs: LogsService { env.logs }

    init() throws {
        env = try TestAccount()
    }

    func group(_ name: String) throws -> LogGroup? {
        try logs.describeLogGroups(prefix: name, caller: .root).items.first { $0.name == name }
    }

    @Test("CreateLogGroup makes a group with its ARN, creation time and no retention")
    func create() throws {
        try logs.createLogGroup("/aws/lambda/thumbnail", caller: .root)
        let group = try #require(try group("/aws/lambda/thumbnail"))
        #expect(group == LogGroup(name: "/aws/lambda/thumbnail",
                                  arn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/thumbnail:*",
                                  creationTime: 1_767_225_600_000, retentionInDays: nil, storedBytes: 0))
    }

    @Test("Valid group names are accepted", arguments: [
        "a", "/aws/lambda/my-func", "A.b_c-d/e#f", String(repeating: "g", count: 512), "0123",
    ])
    func validNames(name: String) throws {
        #expect(LogNames.groupViolation(name) == nil)
        try logs.createLogGroup(name, caller: .root)
        #expect(try group(name) != nil)
    }

    @Test("An invalid group name is InvalidParameterException (400) naming the rule", arguments: [
        ("", "between 1 and 512 characters long (this one has 0)"),
        (String(repeating: "g", count: 513), "between 1 and 512 characters long (this one has 513)"),
        ("my group", "' ' is not allowed"),
        ("app:prod", "':' is not allowed"),
        ("a*b", "'*' is not allowed"),
        ("café", "'é' is not allowed"),
        ("a\\b", "'\\' is not allowed"),
    ])
    func invalidNames(name: String, rule: String) throws {
        expectEngineError("InvalidParameterException", 400, rule) { try logs.createLogGroup(name, caller: .root) }
        #expect(try logs.describeLogGroups(caller: .root).items.isEmpty)
    }

    @Test("Creating a group twice is ResourceAlreadyExistsException (400)")
    func alreadyExists() throws {
        try logs.createLogGroup("g", caller: .root)
        let error = expectEngineError("ResourceAlreadyExistsException", 400, "The specified log group already exists: g") {
            try logs.createLogGroup("g", caller: .root)
        }
        #expect(error?.resource == "g")
    }

    @Test("Group names are case-sensitive")
    func caseSensitive() throws {
        try logs.createLogGroup("App", caller: .root)
        try logs.createLogGroup("app", caller: .root)
        #expect(try logs.describeLogGroups(caller: .root).items.map(\.name) == ["App", "app"])
    }

    @Test("Every retention period CloudWatch offers is accepted", arguments: LogNames.retentionDays)
    func validRetention(days: Int) throws {
        try logs.createLogGroup("g", retentionInDays: days, caller: .root)
        #expect(try group("g")?.retentionInDays == days)
    }

    @Test("Any other retention is InvalidParameterException (400) listing the valid ones", arguments: [0, -1, 2, 4, 366, 3650, 3654])
    func invalidRetention(days: Int) throws {
        expectEngineError("InvalidParameterException", 400, "retentionInDays must be one of 1, 3, 5, 7, 14", "(got \(days))") {
            try logs.createLogGroup("g", retentionInDays: days, caller: .root)
        }
        #expect(try group("g") == nil)
    }

    @Test("PutRetentionPolicy sets the retention")
    func putRetention() throws {
        try logs.createLogGroup("g", caller: .root)
        try logs.putRetentionPolicy(group: "g", days: 30, caller: .root)
        #expect(try group("g")?.retentionInDays == 30)
    }

    @Test("PutRetentionPolicy refuses a period CloudWatch does not offer")
    func putInvalidRetention() throws {
        try logs.createLogGroup("g", retentionInDays: 7, caller: .root)
        expectEngineError("InvalidParameterException", 400, "(got 10)") {
            try logs.putRetentionPolicy(group: "g", days: 10, caller: .root)
        }
        #expect(try group("g")?.retentionInDays == 7)
    }

    @Test("DeleteRetentionPolicy keeps events forever again")
    func deleteRetention() throws {
        try logs.createLogGroup("g", retentionInDays: 7, caller: .root)
        try logs.deleteRetentionPolicy(group: "g", caller: .root)
        #expect(try group("g")?.retentionInDays == nil)
    }

    @Test("DeleteLogGroup removes the group")
    func delete() throws {
        try logs.createLogGroup("g", caller: .root)
        try logs.deleteLogGroup("g", caller: .root)
        #expect(try group("g") == nil)
    }

    @Test("DeleteLogGroup removes its streams and events")
    func deleteCascades() throws {
        try logs.createLogGroup("g", caller: .root)
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        try logs.putLogEvents(group: "g", stream: "s", events: [InputLogEvent(timestamp: 1_767_225_600_000, message: "m")], caller: .root)
        try logs.deleteLogGroup("g", caller: .root)
        #expect(try env.count("SELECT count(*) FROM log_streams") == 0)
        #expect(try env.count("SELECT count(*) FROM log_events") == 0)
        try logs.createLogGroup("g", caller: .root)
        #expect(try logs.describeLogStreams(group: "g", caller: .root).items.isEmpty)
    }

    enum MissingGroupCall: String, CaseIterable, Sendable {
        case deleteGroup, putRetention, deleteRetention, createStream, describeStreams, deleteStream
        case putEvents, getEvents, eventsAfter

        func run(_ logs: LogsService) throws {
            let event = InputLogEvent(timestamp: 1_767_225_600_000, message: "m")
            switch self {
            case .deleteGroup: try logs.deleteLogGroup("ghost", caller: .root)
            case .putRetention: try logs.putRetentionPolicy(group: "ghost", days: 1, caller: .root)
            case .deleteRetention: try logs.deleteRetentionPolicy(group: "ghost", caller: .root)
            case .createStream: try logs.createLogStream(group: "ghost", stream: "s", caller: .root)
            case .describeStreams: _ = try logs.describeLogStreams(group: "ghost", caller: .root)
            case .deleteStream: try logs.deleteLogStream(group: "ghost", stream: "s", caller: .root)
            case .putEvents: try logs.putLogEvents(group: "ghost", stream: "s", events: [event], caller: .root)
            case .getEvents: _ = try logs.getLogEvents(group: "ghost", stream: "s", caller: .root)
            case .eventsAfter: _ = try logs.eventsAfter(group: "ghost", afterID: 0, caller: .root)
            }
        }
    }

    @Test("A call on a missing group is ResourceNotFoundException (400) naming it", arguments: MissingGroupCall.allCases)
    func missingGroup(call: MissingGroupCall) throws {
        let error = expectEngineError("ResourceNotFoundException", 400, "The specified log group does not exist: ghost") {
            try call.run(logs)
        }
        #expect(error?.resource == "ghost")
    }
}

@Suite("DescribeLogGroups")
struct DescribeLogGroupsTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let names = (1...12).map { String(format: "/aws/lambda/fn-%02d", $0) } + ["/app/web", "/app/worker", "plain"]

    init() throws {
        env = try TestAccount()
        var random = SeededRandom(seed: 9)
        for name in Self.names.shuffled(using: &random) { try env.logs.createLogGroup(name, caller: .root) }
    }

    @Test("Groups come back in name order")
    func nameOrder() throws {
        #expect(try logs.describeLogGroups(caller: .root).items.map(\.name) == Self.names.sorted())
    }

    @Test("A prefix keeps only the groups starting with it")
    func prefix() throws {
        #expect(try logs.describeLogGroups(prefix: "/app/", caller: .root).items.map(\.name) == ["/app/web", "/app/worker"])
    }

    @Test("Paging with any limit returns each group once, in order", arguments: [1, 2, 5, 11, 12, 13, 50])
    func paging(limit: Int) throws {
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try logs.describeLogGroups(prefix: "/aws/lambda/", limit: limit, nextToken: token, caller: .root)
            #expect(page.items.count <= limit)
            seen += page.items.map(\.name)
            token = page.nextToken
            pages += 1
        } while token != nil && pages < 100
        #expect(seen == Array(Self.names.prefix(12)))
        #expect(pages == (12 + limit - 1) / limit)
    }

    @Test("The last page has no token")
    func lastPageNoToken() throws {
        let page = try logs.describeLogGroups(prefix: "/app/", limit: 2, caller: .root)
        #expect(page.items.count == 2)
        #expect(page.nextToken == nil)
    }

    @Test("A limit outside 1-50 is InvalidParameterException (400)", arguments: [0, -5, 51])
    func badLimit(limit: Int) throws {
        expectEngineError("InvalidParameterException", 400, "limit must be between 1 and 50 (got \(limit))") {
            try logs.describeLogGroups(limit: limit, caller: .root)
        }
    }

    @Test("A token that is not one of ours is InvalidParameterException (400)")
    func badToken() throws {
        expectEngineError("InvalidParameterException", 400, "nextToken is not valid") {
            try logs.describeLogGroups(nextToken: "%%% not a token", caller: .root)
        }
    }
}

@Suite("Log streams")
struct LogStreamTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let now: Int64 = 1_767_225_600_000

    init() throws {
        env = try TestAccount()
        try env.logs.createLogGroup("g", caller: .root)
    }

    func stream(_ name: String) throws -> LogStream? {
        try logs.describeLogStreams(group: "g", prefix: name, caller: .root).items.first { $0.name == name }
    }

    func put(_ stream: String, at timestamp: Int64, _ message: String = "m") throws {
        try logs.putLogEvents(group: "g", stream: stream, events: [InputLogEvent(timestamp: timestamp, message: message)], caller: .root)
    }

    @Test("CreateLogStream makes an empty stream with its ARN")
    func create() throws {
        try logs.createLogStream(group: "g", stream: "2026/01/01/[$LATEST]abc", caller: .root)
        let stream = try #require(try stream("2026/01/01/[$LATEST]abc"))
        #expect(stream == LogStream(groupName: "g", name: "2026/01/01/[$LATEST]abc",
                                    arn: "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:2026/01/01/[$LATEST]abc",
                                    creationTime: Self.now, firstEventTimestamp: nil, lastEventTimestamp: nil,
                                    lastIngestionTime: nil, storedBytes: 0))
    }

    @Test("Stream names may hold spaces, brackets and non-ASCII letters", arguments: ["with space", "[$LATEST]", "é/ü", "#1"])
    func validNames(name: String) throws {
        try logs.createLogStream(group: "g", stream: name, caller: .root)
        #expect(try stream(name) != nil)
    }

    @Test("An invalid stream name is InvalidParameterException (400) naming the rule", arguments: [
        ("", "between 1 and 512 characters long (this one has 0)"),
        (String(repeating: "s", count: 513), "this one has 513"),
        ("a:b", "cannot contain ':' or '*'"),
        ("a*b", "cannot contain ':' or '*'"),
    ])
    func invalidNames(name: String, rule: String) throws {
        expectEngineError("InvalidParameterException", 400, rule) {
            try logs.createLogStream(group: "g", stream: name, caller: .root)
        }
    }

    @Test("Creating a stream twice is ResourceAlreadyExistsException (400)")
    func alreadyExists() throws {
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        expectEngineError("ResourceAlreadyExistsException", 400, "The specified log stream already exists: s in g") {
            try logs.createLogStream(group: "g", stream: "s", caller: .root)
        }
    }

    @Test("The same stream name may exist in two groups")
    func sameNameTwoGroups() throws {
        try logs.createLogGroup("h", caller: .root)
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        try logs.createLogStream(group: "h", stream: "s", caller: .root)
        #expect(try logs.describeLogStreams(group: "h", caller: .root).items.map(\.name) == ["s"])
    }

    @Test("A call on a missing stream is ResourceNotFoundException (400) naming it and its group")
    func missingStream() throws {
        let error = expectEngineError("ResourceNotFoundException", 400, "The specified log stream does not exist: nope in g") {
            try logs.getLogEvents(group: "g", stream: "nope", caller: .root)
        }
        #expect(error?.resource == "nope")
        expectEngineError("ResourceNotFoundException", 400, "nope in g") {
            try put("nope", at: Self.now)
        }
        expectEngineError("ResourceNotFoundException", 400, "nope in g") {
            try logs.deleteLogStream(group: "g", stream: "nope", caller: .root)
        }
    }

    @Test("DeleteLogStream removes the stream and its events")
    func delete() throws {
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        try put("s", at: Self.now)
        try logs.deleteLogStream(group: "g", stream: "s", caller: .root)
        #expect(try stream("s") == nil)
        #expect(try env.count("SELECT count(*) FROM log_events") == 0)
    }

    @Test("A stream recreated after a delete starts empty")
    func recreateEmpty() throws {
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        try put("s", at: Self.now)
        try logs.deleteLogStream(group: "g", stream: "s", caller: .root)
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        #expect(try logs.getLogEvents(group: "g", stream: "s", caller: .root).events.isEmpty)
        #expect(try stream("s")?.storedBytes == 0)
    }

    @Test("Streams list by name with a prefix")
    func byNamePrefix() throws {
        for name in ["web-2", "worker", "web-1", "api"] { try logs.createLogStream(group: "g", stream: name, caller: .root) }
        #expect(try logs.describeLogStreams(group: "g", prefix: "web-", caller: .root).items.map(\.name) == ["web-1", "web-2"])
    }

    @Test("Streams list by name, descending")
    func byNameDescending() throws {
        for name in ["b", "c", "a"] { try logs.createLogStream(group: "g", stream: name, caller: .root) }
        #expect(try logs.describeLogStreams(group: "g", descending: true, caller: .root).items.map(\.name) == ["c", "b", "a"])
    }

    @Test("A prefix of letters made of several code points finds its streams", arguments: ["🇫🇷", "e\u{301}", "👩‍💻"])
    func unicodePrefix(prefix: String) throws {
        try logs.createLogStream(group: "g", stream: prefix + "/app", caller: .root)
        try logs.createLogStream(group: "g", stream: "other", caller: .root)
        #expect(try logs.describeLogStreams(group: "g", prefix: prefix, caller: .root).items.map(\.name) == [prefix + "/app"])
    }

    @Test("Streams list by last event time, streams without events first")
    func byLastEventTime() throws {
        for name in ["late", "early", "silent", "middle"] { try logs.createLogStream(group: "g", stream: name, caller: .root) }
        try put("late", at: Self.now - 1_000)
        try put("early", at: Self.now - 3_000)
        try put("middle", at: Self.now - 2_000)
        #expect(try logs.describeLogStreams(group: "g", orderBy: .lastEventTime, caller: .root).items.map(\.name)
                == ["silent", "early", "middle", "late"])
    }

    @Test("Streams list by last event time, descending: the most recent first")
    func byLastEventTimeDescending() throws {
        for name in ["late", "early", "middle"] { try logs.createLogStream(group: "g", stream: name, caller: .root) }
        try put("late", at: Self.now - 1_000)
        try put("early", at: Self.now - 3_000)
        try put("middle", at: Self.now - 2_000)
        #expect(try logs.describeLogStreams(group: "g", orderBy: .lastEventTime, descending: true, caller: .root).items.map(\.name)
                == ["late", "middle", "early"])
    }

    @Test("Paging by last event time, descending, with ties, returns each stream once", arguments: [1, 2, 3, 50])
    func pagingByLastEventTime(limit: Int) throws {
        let names = (0..<7).map { "s\($0)" }
        for (index, name) in names.enumerated() {
            try logs.createLogStream(group: "g", stream: name, caller: .root)
            try put(name, at: Self.now - Int64(index / 2) * 1_000) // pairs share a last event time
        }
        var seen: [String] = []
        var token: String?
        repeat {
            let page = try logs.describeLogStreams(group: "g", orderBy: .lastEventTime, descending: true, limit: limit,
                                                   nextToken: token, caller: .root)
            seen += page.items.map(\.name)
            token = page.nextToken
        } while token != nil && seen.count < 100
        #expect(seen == ["s1", "s0", "s3", "s2", "s5", "s4", "s6"])
    }

    @Test("Paging by name with a prefix returns each stream once", arguments: [1, 2, 4])
    func pagingByName(limit: Int) throws {
        let names = ["app-1", "app-2", "app-3", "app-4", "web"]
        for name in names { try logs.createLogStream(group: "g", stream: name, caller: .root) }
        var seen: [String] = []
        var token: String?
        repeat {
            let page = try logs.describeLogStreams(group: "g", prefix: "app-", limit: limit, nextToken: token, caller: .root)
            seen += page.items.map(\.name)
            token = page.nextToken
        } while token != nil && seen.count < 100
        #expect(seen == ["app-1", "app-2", "app-3", "app-4"])
    }

    @Test("Ordering by last event time with a name prefix is InvalidParameterException (400)")
    func lastEventTimeWithPrefix() throws {
        expectEngineError("InvalidParameterException", 400, "Cannot order by LastEventTime with a logStreamNamePrefix") {
            try logs.describeLogStreams(group: "g", prefix: "a", orderBy: .lastEventTime, caller: .root)
        }
    }

    @Test("A limit outside 1-50 is InvalidParameterException (400)", arguments: [0, 51])
    func badLimit(limit: Int) throws {
        expectEngineError("InvalidParameterException", 400, "limit must be between 1 and 50") {
            try logs.describeLogStreams(group: "g", limit: limit, caller: .root)
        }
    }

    @Test("A stream records its first and last event times and the last ingestion time")
    func eventTimes() throws {
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        try logs.putLogEvents(group: "g", stream: "s", events: [
            InputLogEvent(timestamp: Self.now - 5_000, message: "a"), InputLogEvent(timestamp: Self.now - 1_000, message: "b"),
        ], caller: .root)
        env.clock.advance(by: 2)
        try put("s", at: Self.now - 9_000)
        let stream = try #require(try stream("s"))
        #expect(stream.firstEventTimestamp == Self.now - 9_000)
        #expect(stream.lastEventTimestamp == Self.now - 1_000)
        #expect(stream.lastIngestionTime == Self.now + 2_000)
    }

    @Test("Stored bytes count message bytes in UTF-8, on the stream and on its group")
    func storedBytes() throws {
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        try logs.createLogStream(group: "g", stream: "t", caller: .root)
        try put("s", at: Self.now, "hello")
        try put("s", at: Self.now, "wörld")
        try put("t", at: Self.now, "1234")
        #expect(try stream("s")?.storedBytes == 11)
        #expect(try logs.describeLogGroups(caller: .root).items.first?.storedBytes == 15)
    }

    @Test("Deleting a stream takes its bytes off the group")
    func storedBytesAfterDelete() throws {
        try logs.createLogStream(group: "g", stream: "s", caller: .root)
        try logs.createLogStream(group: "g", stream: "t", caller: .root)
        try put("s", at: Self.now, "hello")
        try put("t", at: Self.now, "1234")
        try logs.deleteLogStream(group: "g", stream: "s", caller: .root)
        #expect(try logs.describeLogGroups(caller: .root).items.first?.storedBytes == 4)
    }
}
