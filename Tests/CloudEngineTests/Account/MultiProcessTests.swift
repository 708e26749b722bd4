import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("Account file shared between processes")
final class MultiProcessTests {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-mp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("account.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test("A writer killed mid-put leaves the old object intact and no partial body")
    func killedWriterLeavesOldVersion() throws {
        let account = try Account.open(path: path)
        try account.storage.createBucket("crash", caller: .root)
        let old = try account.storage.putObject(bucket: "crash", key: "big.bin",
                                                body: DataBodySource(Data("the old version".utf8)), caller: .root)

        let writer = try FixtureProcess(["put", path, "crash", "big.bin", String(512 << 20)])
        // Kill it once well past the first transaction of pending chunks (8 MiB), mid-stream.
        let seen = writer.waitForLine { line in
            line.hasPrefix("progress ") && (Int(line.dropFirst("progress ".count)) ?? 0) >= 40 << 20
        }
        #expect(seen != nil, "the writer ended before it was 40 MiB in")
        writer.kill()

        let reopened = try Account.open(path: path)
        let head = try reopened.storage.headObject(bucket: "crash", key: "big.bin", caller: .root)
        #expect(head.etag == old.etag)
        #expect(head.size == old.size)
        let body = try reopened.storage.getObjectData(bucket: "crash", key: "big.bin", caller: .root)
        #expect(String(decoding: body, as: UTF8.self) == "the old version")
        #expect(try reopened.integrityCheck() == "ok")
        let (pending, orphanChunks) = try reopened.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM bodies WHERE state = 'pending'") ?? -1,
             try Int.fetchOne(db, sql: """
                SELECT count(*) FROM chunks WHERE body_id NOT IN (SELECT body_id FROM objects WHERE body_id IS NOT NULL)
                """) ?? -1)
        }
        #expect(pending == 0, "the dead writer's pending body was not discarded on open")
        #expect(orphanChunks == 0)
        let bucket = try reopened.storage.headBucket("crash", caller: .root)
        #expect(bucket.objectCount == 1 && bucket.totalSize == old.size)
    }

    @Test("A writer killed before any put leaves a new key absent, not half-written")
    func killedWriterOnNewKeyLeavesNothing() throws {
        let account = try Account.open(path: path)
        try account.storage.createBucket("crash", caller: .root)
        let writer = try FixtureProcess(["put", path, "crash", "new.bin", String(512 << 20)])
        _ = writer.waitForLine { line in (Int(line.dropFirst("progress ".count)) ?? 0) >= 24 << 20 }
        writer.kill()

        let reopened = try Account.open(path: path)
        #expect(throws: EngineError.noSuchKey(bucket: "crash", key: "new.bin")) {
            try reopened.storage.headObject(bucket: "crash", key: "new.bin", caller: .root)
        }
        #expect(try reopened.integrityCheck() == "ok")
        let chunks = try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM chunks") ?? -1 }
        #expect(chunks == 0)
    }

    @Test("Two processes write the same account at once without errors")
    func twoWritersAtOnce() throws {
        let account = try Account.open(path: path)
        try account.storage.createBucket("shared", caller: .root)
        let first = try FixtureProcess(["write", path, "shared", "one", "300"])
        let second = try FixtureProcess(["write", path, "shared", "two", "300"])
        // This process writes too, while the others do.
        for index in 0..<100 {
            try account.storage.putObject(bucket: "shared", key: "three/\(index)",
                                          body: DataBodySource(Data("x".utf8)), caller: .root)
        }
        #expect(first.finish() == 0)
        #expect(second.finish() == 0)
        let bucket = try account.storage.headBucket("shared", caller: .root)
        #expect(bucket.objectCount == 700)
        let page = try account.logs.getLogEvents(group: "/fixture/one", stream: "s", startFromHead: true, caller: .root)
        #expect(page.events.count == 300)
        #expect(try account.integrityCheck() == "ok")
    }

    @Test("Another process's writes are announced as external changes")
    func externalChangesAreNoticed() throws {
        let account = try Account.open(path: path)
        try account.storage.createBucket("watched", caller: .root)
        let monitor = ExternalChangeMonitor(account: account)
        monitor.start(interval: 3600)
        defer { monitor.stop() }
        #expect(monitor.pollNow().isEmpty)
        let writer = try FixtureProcess(["write", path, "watched", "w", "3"])
        #expect(writer.finish() == 0)
        let topics = monitor.pollNow()
        #expect(topics.contains(.objects))
        #expect(topics.contains(.logs))
        #expect(monitor.pollNow().isEmpty)
    }
}
