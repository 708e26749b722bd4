import Foundation
import Testing
@testable import CloudEngine

/// The live pane's bounded read: at most `limit` events, the newest when more arrived, and the count it skipped.
@Suite("Live tail, bounded")
struct LiveTailTests {
    static let now: Int64 = 1_767_225_600_000

    func put(_ logs: LogsService, _ group: String, _ messages: [String], stream: String = "s") throws {
        if (try? logs.describeLogStreams(group: group, caller: .root)) == nil { try logs.createLogGroup(group, caller: .root) }
        if (try? logs.getLogEvents(group: group, stream: stream, caller: .root)) == nil {
            try logs.createLogStream(group: group, stream: stream, caller: .root)
        }
        try logs.putLogEvents(group: group, stream: stream, events: messages.enumerated().map {
            InputLogEvent(timestamp: Self.now + Int64($0.offset), message: $0.element)
        }, caller: .root)
    }

    @Test("More than the limit: the newest, the number skipped, and the last id so the next read starts after it")
    func skipsToNewest() throws {
        let env = try TestAccount()
        try put(env.logs, "/aws/lambda/a", (1...25).map { "m\($0)" })
        let batch = try env.logs.liveTail(groupPrefix: "/aws/lambda/", afterID: 0, limit: 10, caller: .root)
        #expect(batch.events.map(\.event.message) == (16...25).map { "m\($0)" })
        #expect(batch.skipped == 15)
        let next = try env.logs.liveTail(groupPrefix: "/aws/lambda/", afterID: batch.lastID, limit: 10, caller: .root)
        #expect(next.events.isEmpty && next.skipped == 0 && next.lastID == batch.lastID)
    }

    @Test("Exact groups: only those, new streams of them included; a prefix of \"\" takes groups made later")
    func groups() throws {
        let env = try TestAccount()
        try put(env.logs, "/aws/lambda/a", ["a1"])
        try put(env.logs, "/aws/lambda/ab", ["ab1"])
        try put(env.logs, "/app/c", ["c1"])
        let start = try env.logs.liveTail(groupPrefix: "", afterID: nil, caller: .root).lastID
        try put(env.logs, "/aws/lambda/a", ["a2"], stream: "new-stream")
        try put(env.logs, "/aws/lambda/ab", ["ab2"])
        try put(env.logs, "/app/c", ["c2"])
        try put(env.logs, "/later/d", ["d1"])
        let picked = try env.logs.liveTail(groupPrefix: "", groups: ["/aws/lambda/a", "/app/c"], afterID: start, caller: .root)
        #expect(picked.events.map(\.event.message) == ["a2", "c2"])
        let all = try env.logs.liveTail(groupPrefix: "", afterID: start, caller: .root)
        #expect(all.events.map(\.event.message) == ["a2", "ab2", "c2", "d1"])
        #expect(try env.logs.liveTail(groupPrefix: "", groups: [], afterID: start, caller: .root).events.isEmpty)
    }
}
