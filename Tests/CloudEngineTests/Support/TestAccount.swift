import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// A fresh account in its own temporary folder, with a manual clock and seeded ids, removed when released.
///
/// Every engine test opens one, so tests are deterministic and can run in parallel.
final class TestAccount: @unchecked Sendable {
    static let accountID = "123456789012"

    let folder: URL
    let path: String
    let clock: ManualClock
    let account: Account

    /// The storage service as the account root sees it.
    var storage: StorageService { account.storage }
    var logs: LogsService { account.logs }

    /// - Parameter folder: where the account file goes; a new folder under the temporary directory when nil.
    init(authorizer: (any Authorizer)? = nil, clock: ManualClock = ManualClock(), folder: URL? = nil) throws {
        self.folder = folder ?? Self.makeFolder()
        path = self.folder.appendingPathComponent("account.sqlite").path
        self.clock = clock
        account = try Account.open(path: path, options: AccountOptions(
            clock: clock, ids: SeededIDGenerator(), authorizer: authorizer, accountID: Self.accountID))
    }

    static func make(authorizer: (any Authorizer)? = nil) throws -> TestAccount {
        try TestAccount(authorizer: authorizer)
    }

    /// Opens a second `Account` on the same file, as another process would.
    func reopen(authorizer: (any Authorizer)? = nil) throws -> Account {
        try Account.open(path: path, options: AccountOptions(
            clock: clock, ids: SeededIDGenerator(seed: 7), authorizer: authorizer, accountID: "999999999999"))
    }

    /// A unique empty folder under the system's temporary directory.
    static func makeFolder() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("overcast-engine-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Counts rows with SQL, for checks on what is physically stored (`chunks`, `bodies`).
    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try account.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1 }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

extension StorageService {
    /// Puts a small in-memory body as the root, for setting the scene.
    @discardableResult
    func put(_ bucket: String, _ key: String, _ text: String = "x",
             options: PutObjectOptions = PutObjectOptions(), caller: Caller = .root) throws -> ObjectInfo {
        try putObject(bucket: bucket, key: key, body: DataBodySource(Data(text.utf8)), options: options, caller: caller)
    }

    /// Puts many small objects as the root.
    func put(_ bucket: String, keys: [String]) throws {
        for key in keys { try put(bucket, key) }
    }

    /// The body of an object as text, read as the root.
    func text(_ bucket: String, _ key: String, range: ByteRange? = nil) throws -> String {
        String(decoding: try getObjectData(bucket: bucket, key: key, range: range, caller: .root), as: UTF8.self)
    }
}

/// Runs `body`, expects it to throw an `EngineError`, and checks what a user reads: code, HTTP status and message.
@discardableResult
func expectEngineError<T>(
    _ code: String, _ status: Int, _ messageParts: String...,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> T
) -> EngineError? {
    let thrown: (any Error)?
    do {
        _ = try body()
        thrown = nil
    } catch {
        thrown = error
    }
    guard let thrown else {
        Issue.record("Expected \(code) but the call succeeded", sourceLocation: sourceLocation)
        return nil
    }
    guard let error = thrown as? EngineError else {
        Issue.record("Expected EngineError \(code), got \(type(of: thrown)): \(thrown)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(error.code == code, "message: \(error.message)", sourceLocation: sourceLocation)
    #expect(error.httpStatus == status, sourceLocation: sourceLocation)
    for part in messageParts {
        #expect(error.message.contains(part), "\"\(error.message)\" does not mention \"\(part)\"",
                sourceLocation: sourceLocation)
    }
    return error
}

/// Deterministic bytes for large bodies: a cheap pattern that differs at every offset a chunk could start at.
func patternedData(count: Int, seed: UInt8 = 0) -> Data {
    var data = Data(count: count)
    data.withUnsafeMutableBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        var state: UInt32 = 0x1234_5678 &+ UInt32(seed)
        for index in 0..<count {
            state = state &* 1_664_525 &+ 1_013_904_223
            bytes[index] = UInt8(truncatingIfNeeded: state >> 24)
        }
    }
    return data
}

/// A tiny seeded generator (SplitMix64) for the randomized listing checks.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
