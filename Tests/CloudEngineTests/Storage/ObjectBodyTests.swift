import Crypto
import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// A body that yields `data` in small pieces and throws once `failAfter` bytes have been read.
struct FailingBodySource: ObjectBodySource {
    struct Interrupted: Error, Equatable {}
    let data: Data
    let failAfter: Int
    var offset = 0

    mutating func read(maxCount: Int) throws -> Data {
        if offset >= failAfter { throw Interrupted() }
        let end = min(data.count, offset + min(maxCount, 64 * 1024), failAfter)
        defer { offset = end }
        return data.subdata(in: offset..<end)
    }
}

/// A large body of zeros that counts how many bytes were taken from it.
final class CountingBodySource: ObjectBodySource {
    let total: Int
    private(set) var bytesRead = 0

    init(total: Int = 64 << 20) { self.total = total }

    func read(maxCount: Int) throws -> Data {
        let count = min(maxCount, total - bytesRead)
        bytesRead += count
        return Data(count: count)
    }
}

@Suite("Object bodies: chunks, streaming and failures")
struct ObjectBodyTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    static let MiB = 1 << 20

    static func md5Hex(_ data: Data) -> String {
        Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    @Test("Bodies round-trip byte for byte across chunk and streaming boundaries", arguments: [
        MiB - 1, MiB, MiB + 1, 3 * MiB + 17, 8 * MiB - 1, 8 * MiB, 8 * MiB + 1, 20 * MiB + 5,
    ])
    func roundTrip(size: Int) throws {
        let data = patternedData(count: size, seed: UInt8(size % 251))
        let info = try storage.putObject(bucket: "bkt", key: "blob", body: DataBodySource(data), caller: .root)
        #expect(info.size == Int64(size))
        #expect(info.etag == Self.md5Hex(data))
        #expect(try storage.getObjectData(bucket: "bkt", key: "blob", caller: .root) == data)
        #expect(try env.count("SELECT count(*) FROM chunks") == (size + Self.MiB - 1) / Self.MiB)
        #expect(try env.count("SELECT count(*) FROM bodies WHERE state = 'pending'") == 0)
    }

    @Test("GetObject streams at most one chunk per piece")
    func streamsInChunks() throws {
        let data = patternedData(count: 3 * Self.MiB + 10)
        try storage.putObject(bucket: "bkt", key: "blob", body: DataBodySource(data), caller: .root)
        var pieces: [Int] = []
        try storage.getObject(bucket: "bkt", key: "blob", caller: .root) { pieces.append($0.count) }
        #expect(pieces == [Self.MiB, Self.MiB, Self.MiB, 10])
    }

    @Test("A sink that throws stops the read with its own error")
    func sinkStops() throws {
        struct Enough: Error {}
        try storage.putObject(bucket: "bkt", key: "blob", body: DataBodySource(patternedData(count: 3 * Self.MiB)), caller: .root)
        var pieces = 0
        #expect(throws: Enough.self) {
            try storage.getObject(bucket: "bkt", key: "blob", caller: .root) { _ in
                pieces += 1
                throw Enough()
            }
        }
        #expect(pieces == 1)
    }

    @Test("A body that fails mid-upload leaves the previous version intact and nothing pending",
          arguments: [(1_000, 100), (3 * MiB, 2 * MiB + 7), (20 * MiB, 12 * MiB + 3), (20 * MiB, 8 * MiB + 1)])
    func failedUploadKeepsOldVersion(size: Int, failAfter: Int) throws {
        let old = try storage.put("bkt", "k", "the old version")
        let body = FailingBodySource(data: patternedData(count: size), failAfter: failAfter)
        #expect(throws: FailingBodySource.Interrupted.self) {
            try storage.putObject(bucket: "bkt", key: "k", body: body, caller: .root)
        }
        #expect(try storage.headObject(bucket: "bkt", key: "k", caller: .root) == old)
        #expect(try storage.text("bkt", "k") == "the old version")
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
        #expect(try env.count("SELECT count(*) FROM chunks") == 1)
        #expect(try env.count("SELECT count(*) FROM bodies WHERE state = 'pending'") == 0)
        let bucket = try storage.headBucket("bkt", caller: .root)
        #expect(bucket.objectCount == 1 && bucket.totalSize == old.size)
    }

    @Test("A body that fails on a new key leaves no object", arguments: [100, 9 * MiB])
    func failedUploadOfNewKey(failAfter: Int) throws {
        let body = FailingBodySource(data: patternedData(count: 10 * Self.MiB), failAfter: failAfter)
        #expect(throws: FailingBodySource.Interrupted.self) {
            try storage.putObject(bucket: "bkt", key: "new", body: body, caller: .root)
        }
        expectEngineError("NoSuchKey", 404) { try storage.headObject(bucket: "bkt", key: "new", caller: .root) }
        #expect(try env.count("SELECT count(*) FROM chunks") == 0)
    }

    @Test("Progress sees increasing totals ending at the size", arguments: [5, 3 * MiB + 1, 9 * MiB + 2])
    func progress(size: Int) throws {
        let totals = Collected<Int64>()
        try storage.putObject(bucket: "bkt", key: "k", body: DataBodySource(patternedData(count: size)),
                              options: PutObjectOptions(progress: { totals.append($0) }), caller: .root)
        let seen = totals.values
        #expect(!seen.isEmpty)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 < $1 }, "\(seen)")
        #expect(seen.last == Int64(size))
    }

    /// Inserts a pending body with one chunk, as an upload in progress in process `pid` leaves it.
    func insertPendingBody(owner pid: Int64) throws {
        try env.account.write([]) { db in
            try db.execute(sql: "INSERT INTO bodies(state, owner_pid, chunk_size, created_at) VALUES ('pending', ?, ?, 0)",
                           arguments: [pid, Self.MiB])
            try db.execute(sql: "INSERT INTO chunks(body_id, seq, data) VALUES (?, 0, x'00')", arguments: [db.lastInsertedRowID])
        }
    }

    @Test("Opening the account discards pending bodies left by a process that has died")
    func discardsDeadUploads() throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        try insertPendingBody(owner: Int64(finished.processIdentifier))
        _ = try env.reopen()
        #expect(try env.count("SELECT count(*) FROM bodies") == 0)
        #expect(try env.count("SELECT count(*) FROM chunks") == 0)
    }

    @Test("Opening the account keeps pending bodies of a live process")
    func keepsLiveUploads() throws {
        try insertPendingBody(owner: Int64(getpid()))
        _ = try env.reopen()
        #expect(try env.count("SELECT count(*) FROM bodies WHERE state = 'pending'") == 1)
    }

    @Test("A large put that cannot succeed fails before streaming the rest of the body")
    func failsFast() throws {
        let body = CountingBodySource()
        expectEngineError("NoSuchBucket", 404) {
            try storage.putObject(bucket: "ghost", key: "k", body: body, caller: .root)
        }
        #expect(body.bytesRead <= 8 * Self.MiB)
        #expect(try env.count("SELECT count(*) FROM bodies") == 0)
    }
}

@Suite("Byte ranges")
struct ByteRangeTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
        try env.storage.put("bkt", "hw", "hello world") // 11 bytes
    }

    @Test("A range returns just those bytes", arguments: [
        ("bytes=0-4", "hello"), ("bytes=6-", "world"), ("bytes=-3", "rld"), ("bytes=4-4", "o"),
        ("bytes=0-10", "hello world"), ("bytes=6-100", "world"), ("bytes=-100", "hello world"), ("bytes=10-", "d"),
    ])
    func range(header: String, expected: String) throws {
        let range = try #require(ByteRange.parse(header: header))
        #expect(try storage.text("bkt", "hw", range: range) == expected)
    }

    @Test("A range starting past the end is InvalidRange (416)", arguments: ["bytes=11-", "bytes=11-20", "bytes=500-600"])
    func startPastEnd(header: String) throws {
        let range = try #require(ByteRange.parse(header: header))
        expectEngineError("InvalidRange", 416, "not satisfiable", "11 bytes long") {
            try storage.text("bkt", "hw", range: range)
        }
    }

    @Test("Any range on an empty object is InvalidRange (416)")
    func rangeOnEmpty() throws {
        try storage.put("bkt", "empty", "")
        expectEngineError("InvalidRange", 416, "0 bytes long") {
            try storage.text("bkt", "empty", range: .suffix(1))
        }
    }

    @Test("Ranges across chunk boundaries return exactly the asked bytes", arguments: [
        (0, 10), (1_048_570, 1_048_580), (1_048_575, 1_048_575), (1_048_576, 1_048_576),
        (1_048_575, 2_097_152), (0, 3_145_727), (2_097_151, 3_145_727), (3_000_000, 9_999_999),
    ])
    func acrossChunks(start: Int, end: Int) throws {
        let data = patternedData(count: 3 << 20)
        try storage.putObject(bucket: "bkt", key: "big", body: DataBodySource(data), caller: .root)
        let got = try storage.getObjectData(bucket: "bkt", key: "big", range: .fromTo(Int64(start), Int64(end)), caller: .root)
        #expect(got == data.subdata(in: start..<min(end + 1, data.count)))
    }

    @Test("A suffix range across a chunk boundary")
    func suffixAcrossChunks() throws {
        let data = patternedData(count: (2 << 20) + 5)
        try storage.putObject(bucket: "bkt", key: "big", body: DataBodySource(data), caller: .root)
        let got = try storage.getObjectData(bucket: "bkt", key: "big", range: .suffix(10), caller: .root)
        #expect(got == data.suffix(10))
    }

    @Test("Range headers parse", arguments: [
        ("bytes=0-4", ByteRange.fromTo(0, 4)), ("bytes=5-", .from(5)), ("bytes=-3", .suffix(3)), ("bytes=0-0", .fromTo(0, 0)),
    ])
    func parses(header: String, expected: ByteRange) {
        #expect(ByteRange.parse(header: header) == expected)
    }

    @Test("Bad range syntax is not a range, so S3 ignores it and sends the whole object", arguments: [
        "", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-2", "bytes=0-1,3-4", "items=0-1", "0-4", "bytes=-0",
        "bytes=--1", "bytes=1", "bytes=1-2-3", "Bytes=0-1",
    ])
    func rejectsBadSyntax(header: String) {
        #expect(ByteRange.parse(header: header) == nil)
    }

    @Test("Signs are not digits in a range", arguments: ["bytes=+1-2", "bytes=-+3", "bytes=1-+2"])
    func rejectsSigns(header: String) {
        #expect(ByteRange.parse(header: header) == nil)
    }
}

@Suite("Uploading local files")
final class FileBodySourceTests {
    let folder = TestAccount.makeFolder()

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test("A regular file uploads with its size known up front")
    func regularFile() throws {
        let env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
        let path = folder.appendingPathComponent("data.csv").path
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        let source = try FileBodySource(path: path)
        #expect(source.size == 8)
        let info = try env.storage.putObject(bucket: "bkt", key: "data.csv", body: source, caller: .root)
        #expect(info.size == 8)
        #expect(try env.storage.text("bkt", "data.csv") == "a,b\n1,2\n")
    }

    @Test("A missing file is LocalFileError.notFound")
    func missing() {
        let path = folder.appendingPathComponent("nope.txt").path
        #expect(throws: LocalFileError.notFound(path: path)) { try FileBodySource(path: path) }
        #expect(LocalFileError.notFound(path: path).description == "\(path) does not exist. Check the path and try again.")
    }

    @Test("A path through a regular file is LocalFileError.notFound")
    func throughFile() throws {
        let file = folder.appendingPathComponent("plain").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: LocalFileError.notFound(path: file + "/child")) { try FileBodySource(path: file + "/child") }
    }

    @Test("A directory is LocalFileError.isDirectory")
    func directory() {
        let path = folder.path
        #expect(throws: LocalFileError.isDirectory(path: path)) { try FileBodySource(path: path) }
        #expect(LocalFileError.isDirectory(path: path).description.contains("is a directory; choose a file"))
    }

    @Test("A character device is LocalFileError.specialFile")
    func specialFile() {
        #expect(throws: LocalFileError.specialFile(path: "/dev/null")) { try FileBodySource(path: "/dev/null") }
        #expect(LocalFileError.specialFile(path: "/dev/null").description
                == "/dev/null is not a regular file (a device, socket or pipe) and cannot be uploaded.")
    }

    @Test("A named pipe is LocalFileError.specialFile")
    func fifo() throws {
        let path = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: LocalFileError.specialFile(path: path)) { try FileBodySource(path: path) }
    }

    @Test("A cancelled file upload throws CancellationError and keeps the old version")
    func cancelled() throws {
        let env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
        try env.storage.put("bkt", "k", "old")
        let path = folder.appendingPathComponent("big.bin").path
        try patternedData(count: 10 << 20).write(to: URL(fileURLWithPath: path))
        let source = try FileBodySource(path: path)
        var reads = 0
        source.isCancelled = {
            reads += 1
            return reads > 9
        }
        #expect(throws: CancellationError.self) {
            try env.storage.putObject(bucket: "bkt", key: "k", body: source, caller: .root)
        }
        #expect(try env.storage.text("bkt", "k") == "old")
        #expect(try env.count("SELECT count(*) FROM bodies WHERE state = 'pending'") == 0)
    }
}
