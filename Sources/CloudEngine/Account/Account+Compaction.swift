import Foundation
import GRDB

/// Giving disk space back: deleted objects leave free pages in the file, which SQLite reuses but does not return.
///
/// New accounts use `auto_vacuum = INCREMENTAL`, so free pages can be handed back a slice at a time
/// (`reclaimFreePages`), each slice a short write transaction that other writers interleave with.
/// Older accounts need one full `VACUUM` to switch (`compact`), which holds the write lock while it copies.
extension Account {
    /// What the file holds and could give back.
    public struct SpaceReport: Sendable, Equatable {
        /// The database file's size and its write-ahead log's, in bytes.
        public var fileBytes: Int64
        public var walBytes: Int64
        /// Pages free inside the file, and what they add up to.
        public var freePages: Int
        public var freeBytes: Int64
        /// Whether free pages can be given back in slices (else only a full compact can).
        public var isIncremental: Bool
    }

    /// Pages handed back per transaction: 16 MiB with 8 KiB pages, a few milliseconds of writing.
    static let reclaimSlicePages = 2048

    public func spaceReport() throws -> SpaceReport {
        let (pageSize, free, mode) = try read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0, try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") ?? 0)
        }
        return SpaceReport(fileBytes: Self.size(of: path), walBytes: Self.size(of: path + "-wal"), freePages: free,
                           freeBytes: Int64(free) * Int64(pageSize), isIncremental: mode == 2)
    }

    /// Hands free pages back to the file system, a slice per transaction, and shrinks the log after.
    /// Returns the pages given back; 0 (at once) for an account that is not incremental yet.
    @discardableResult
    public func reclaimFreePages() throws -> Int {
        guard try spaceReport().isIncremental else { return 0 }
        var total = 0
        while true {
            let freed = try write([]) { db -> Int in
                let before = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
                guard before > 0 else { return 0 }
                try db.execute(sql: "PRAGMA incremental_vacuum(\(Self.reclaimSlicePages))")
                return before - (try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0)
            }
            guard freed > 0 else { break }
            total += freed
        }
        if total > 0 { try truncateLog() }
        return total
    }

    /// A full compaction: rewrites the file without its free pages and makes it incremental from then on.
    /// Other processes' writes wait until it is done (a large account takes seconds).
    public func compact() throws {
        try AccountFileError.translating(path: path) {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                try db.execute(sql: "VACUUM")
            }
            try truncateLog()
        }
    }

    private func truncateLog() throws {
        try database.writeWithoutTransaction { db in
            _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    private static func size(of path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
