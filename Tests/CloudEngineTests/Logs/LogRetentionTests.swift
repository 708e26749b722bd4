import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("Log retention")
struct LogRetentionTests {
    let env: TestAccount
    var logs: LogsService { env.logs }
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    init() throws {
        env = try TestAccount()
        try logs.createLogGroup("kept", caller: .root)
        try logs.createLogGroup("short", caller: .root)
        for group in ["kept", "short"] {
            for stream in ["a", "b"] { try logs.createLogStream(group: group, stream: stream, caller: .root) }
        }
    }

    var now: Int64 { Int64(env.clock.now().timeIntervalSince1970 * 1000) }

    /// Puts `messages` into a stream `hoursAgo` hours before the clock's now, a millisecond apart.
    func put(_ group: String, _ stream: String, hoursAgo: Int64, _ messages: [String]) throws {
        let start = now - hoursAgo * Self.hour
        try logs.putLogEvents(group: group, stream: stream,
                              events: messages.enumerated().map { InputLogEvent(timestamp: start + Int64($0.offset), message: $0.element) },
                              caller: .root)
    }

    func group(_ name: String) throws -> LogGroup {
        try #require(try logs.describeLogGroups(prefix: name, caller: .root).items.first { $0.name == name })
    }

    func stream(_ group: String, _ name: String) throws -> LogStream {
        try #require(try logs.describeLogStreams(group: group, caller: .root).items.first { $0.name == name })
    }

    @Test("Setting a retention deletes what it expires at once, and storedBytes, streams and reads agree")
    func putRetentionPurges() throws {
        try put("short", "a", hoursAgo: 50, ["old-a1", "old-a2"])   // 12 bytes
        try put("short", "a", hoursAgo: 1, ["new-a"])               // 5 bytes
        try put("short", "b", hoursAgo: 49, ["old-b—é"])             // 10 bytes (UTF-8)
        try put("kept", "a", hoursAgo: 50, ["old-kept"])
        #expect(try group("short").storedBytes == 27)

        try logs.putRetentionPolicy(group: "short", days: 1, caller: .root)

        #expect(try group("short").storedBytes == 5)
        #expect(try stream("short", "a").storedBytes == 5)
        #expect(try stream("short", "a").firstEventTimestamp == now - Self.hour)
        #expect(try stream("short", "b").storedBytes == 0)
        // A stream left empty keeps its times, as AWS's streams do.
        #expect(try stream("short", "b").lastEventTimestamp != nil)
        #expect(try env.count("SELECT count(*) FROM log_events WHERE group_name = 'short'") == 1)
        // A group without a retention keeps everything.
        #expect(try group("kept").storedBytes == 8)
        #expect(try logs.filterLogEvents(group: "kept", caller: .root).events.map(\.message) == ["old-kept"])
    }

    @Test("A sweep deletes what aged past the retention since, in batches, and nothing else")
    func sweepAfterTimePasses() throws {
        try logs.putRetentionPolicy(group: "short", days: 1, caller: .root)
        let many = (0..<23).map { "event-\($0)" }
        try put("short", "a", hoursAgo: 20, many)
        try put("short", "b", hoursAgo: 2, ["recent"])
        #expect(try logs.purgeExpiredEvents().events == 0)

        env.clock.advance(by: 10 * 3600)
        let sweep = try logs.purgeExpiredEvents(batchSize: 5)
        #expect(sweep.events == 23)
        #expect(sweep.bytes == Int64(many.joined().utf8.count))
        #expect(sweep.groups == ["short"])
        #expect(try group("short").storedBytes == 6)
        #expect(try logs.filterLogEvents(group: "short", caller: .root).events.map(\.message) == ["recent"])
        #expect(try logs.purgeExpiredEvents().events == 0)
    }

    @Test("Removing the retention stops the sweep; a deleted group leaves nothing to sweep")
    func noRetentionNoSweep() throws {
        try put("short", "a", hoursAgo: 30, ["x"])
        try logs.putRetentionPolicy(group: "short", days: 3, caller: .root)
        try logs.deleteRetentionPolicy(group: "short", caller: .root)
        env.clock.advance(by: 5 * 86_400)
        #expect(try logs.purgeExpiredEvents().events == 0)
        #expect(try group("short").storedBytes == 1)
    }

    @Test("The background sweep runs on start and announces what it deleted")
    func backgroundSweep() async throws {
        try put("short", "a", hoursAgo: 2, ["soon-old"])
        try env.account.write([.logs]) { db in
            try db.execute(sql: "UPDATE log_groups SET retention_days = 1 WHERE name = 'short'")
        }
        env.clock.advance(by: 86_400)
        let announced = LockedValue(false)
        let subscription = env.account.changes.subscribe { change in
            if change.topics.contains(.logs) { announced.set(true) }
        }
        defer { subscription.cancel() }
        logs.startRetentionSweeps(interval: 3600)
        defer { logs.stopRetentionSweeps() }
        var waited = 0
        while try group("short").storedBytes != 0, waited < 500 {
            try await Task.sleep(nanoseconds: 10_000_000)
            waited += 1
        }
        #expect(try group("short").storedBytes == 0)
        #expect(announced.get())
        #expect(env.account.logRetention.lastError == nil)
    }
}
