import Foundation
import Testing
@testable import CloudEngine

/// Space given back after deletions: slice by slice for new accounts, one full compaction for older ones.
@Suite("Giving space back")
struct AccountCompactionTests {
    /// Puts `count` objects of `size` bytes, then deletes them all.
    func fillAndEmpty(_ account: Account, count: Int = 40, size: Int = 256 * 1024) throws {
        try account.storage.createBucket("big", caller: .root)
        let body = Data(repeating: 7, count: size)
        for index in 0..<count {
            try account.storage.putObject(bucket: "big", key: "o\(index)", body: DataBodySource(body), caller: .root)
        }
        _ = try account.storage.deleteObjects(bucket: "big", keys: (0..<count).map { "o\($0)" }, caller: .root)
    }

    @Test("A new account is incremental, and reclaiming hands every free page back and shrinks the file")
    func incremental() throws {
        let folder = ScratchFolder()
        let account = try Account.open(path: folder.path())
        #expect(try account.spaceReport().isIncremental)
        try fillAndEmpty(account)
        let before = try account.spaceReport()
        #expect(before.freePages > 0)
        let freed = try account.reclaimFreePages()
        let after = try account.spaceReport()
        #expect(freed >= before.freePages)
        #expect(after.freePages == 0)
        #expect(after.fileBytes + after.walBytes < (before.fileBytes + before.walBytes) / 4)
        #expect(after.walBytes == 0)
        #expect(try account.integrityCheck() == "ok")
    }

    @Test("An older account (not incremental) is rewritten once by compact, then is incremental")
    func compactOlder() throws {
        let folder = ScratchFolder()
        let account = try Account.open(path: folder.path())
        // Make it look like an account from before: no auto_vacuum.
        try account.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA auto_vacuum = NONE")
            try db.execute(sql: "VACUUM")
        }
        #expect(try !account.spaceReport().isIncremental)
        try fillAndEmpty(account)
        #expect(try account.reclaimFreePages() == 0)
        let before = try account.spaceReport()
        try account.compact()
        let after = try account.spaceReport()
        #expect(after.isIncremental)
        #expect(after.freePages == 0)
        #expect(after.fileBytes + after.walBytes < (before.fileBytes + before.walBytes) / 4)
        #expect(try account.storage.listBuckets(caller: .root).map(\.name) == ["big"])
    }
}
