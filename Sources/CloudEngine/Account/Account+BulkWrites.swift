import Foundation
import GRDB

extension Account {
    /// WAL pages between automatic checkpoints in ordinary use (64 MiB with 8 KiB pages).
    static let autoCheckpointPages = 8192

    /// Marks the start of a large streaming write (a big PutObject); call `end()` on the result when it is over.
    ///
    /// While any is under way, SQLite's automatic checkpoints are off on this
    /// process's writer: copying the WAL into the database every 32 MiB halves
    /// the speed of a 1 GiB put. When the last one ends they are back on and one
    /// checkpoint runs in the background, much as the kernel flushes `cp`'s
    /// dirty pages after `cp` has returned.
    func beginBulkWrite() -> BulkWrite {
        BulkWrite(account: self)
    }
}

/// One large streaming write in progress; see `Account.beginBulkWrite()`.
final class BulkWrite: @unchecked Sendable {
    private let account: Account
    private var applied = false
    private var ended = false

    init(account: Account) {
        self.account = account
    }

    /// Turns automatic checkpoints off; call inside the write's first transaction.
    func apply(_ db: Database) throws {
        guard !applied else { return }
        applied = true
        if account.bulkWrites.increment() == 1 {
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
    }

    /// Turns automatic checkpoints back on when no other bulk write is under way, and checkpoints in the background.
    func end() {
        guard applied, !ended else { return }
        ended = true
        guard account.bulkWrites.decrement() == 0 else { return }
        let database = account.database
        DispatchQueue.global(qos: .utility).async {
            try? database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Account.autoCheckpointPages)")
                _ = try db.checkpoint(.passive)
            }
        }
    }
}

/// Counts one account's bulk writes in progress (the writer connection's checkpoint setting is shared by them).
final class BulkWriteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }

    func decrement() -> Int {
        lock.withLock {
            count = max(0, count - 1)
            return count
        }
    }
}
