import Foundation
import GRDB

/// Keeps the account's authorization decisions off the request path: each call appends a draft in memory,
/// and a background queue writes them in batches (one transaction each), then trims the trail to its window.
///
/// At most `capacity` drafts wait; beyond that new ones are counted in `dropped` rather than growing memory.
/// A process killed before a flush loses what was waiting, never the account.
public final class ActivityRecorder: @unchecked Sendable {
    static let capacity = 50_000
    static let flushInterval: TimeInterval = 0.25
    /// A backlog this large is written at once rather than at the next tick.
    static let flushThreshold = 2_000
    /// Rows deleted per trimming statement, so a trim never holds the write lock for long.
    static let trimBatch = 10_000

    private let lock = NSLock()
    private var drafts: [ActivityDraft] = []
    private var droppedCount = 0
    private var failure: String?
    private var timer: (any DispatchSourceTimer)?
    private var flushQueued = false
    private var flushesSinceTrim = Int.max
    private let queue = DispatchQueue(label: "overcast.activity", qos: .utility)
    let isEnabled: Bool
    let window: ActivityWindow

    init(isEnabled: Bool, window: ActivityWindow) {
        self.isEnabled = isEnabled
        self.window = window
    }

    /// Drafts that did not fit while the writer was behind.
    public var dropped: Int { lock.withLock { droppedCount } }
    /// Why the last write failed (the account busy, say); the drafts wait for the next one.
    public var lastError: String? { lock.withLock { failure } }

    func record(_ draft: ActivityDraft, account: Account) {
        guard isEnabled else { return }
        let (startTimer, flushNow) = lock.withLock { () -> (Bool, Bool) in
            guard drafts.count < Self.capacity else {
                droppedCount += 1
                return (false, false)
            }
            drafts.append(draft)
            let start = timer == nil
            if start { timer = makeTimer(account) }
            let flush = drafts.count >= Self.flushThreshold && !flushQueued
            if flush { flushQueued = true }
            return (start, flush)
        }
        if startTimer { lock.withLock { timer }?.resume() }
        if flushNow {
            queue.async { [weak account, weak self] in
                guard let account, let self else { return }
                self.lock.withLock { self.flushQueued = false }
                try? self.flush(account)
            }
        }
    }

    private func makeTimer(_ account: Account) -> any DispatchSourceTimer {
        let source = DispatchSource.makeTimerSource(queue: queue)
        let milliseconds = Int(Self.flushInterval * 1000)
        source.schedule(deadline: .now() + Self.flushInterval, repeating: .milliseconds(milliseconds),
                        leeway: .milliseconds(milliseconds / 4))
        source.setEventHandler { [weak account, weak self] in
            guard let account, let self else { return }
            try? self.flush(account)
        }
        return source
    }

    /// Writes what is waiting, now, on the caller's thread. Drafts that fail to write go back to wait.
    func flush(_ account: Account) throws {
        let batch = lock.withLock { () -> [ActivityDraft] in
            defer { drafts.removeAll(keepingCapacity: true) }
            return drafts
        }
        guard !batch.isEmpty else { return }
        do {
            let trim = lock.withLock { () -> Bool in
                flushesSinceTrim = flushesSinceTrim == Int.max ? Int.max : flushesSinceTrim + 1
                return flushesSinceTrim >= 40
            }
            try account.write([.activity]) { db in
                try ActivityRows.insert(batch.map { $0.event(accountID: account.accountID) }, db)
                if trim { try trimToWindow(db, now: account.clock.now()) }
            }
            lock.withLock {
                failure = nil
                if trim { flushesSinceTrim = 0 }
            }
        } catch {
            lock.withLock {
                failure = "\(error)"
                let room = max(0, Self.capacity - drafts.count)
                droppedCount += max(0, batch.count - room)
                drafts.insert(contentsOf: batch.prefix(room), at: 0)
            }
            throw error
        }
    }

    /// Deletes what is older than the window's days, and the oldest rows past its count, a bounded batch at a time.
    /// Ids follow time (rows are written as they happen), so both trims walk the primary key from its start.
    func trimToWindow(_ db: Database, now: Date) throws {
        let floor = Int64((now.timeIntervalSince1970 - Double(window.days) * 86_400) * 1000)
        try db.execute(sql: """
            DELETE FROM activity_events WHERE id IN
              (SELECT id FROM activity_events ORDER BY id LIMIT ?) AND event_time < ?
            """, arguments: [Self.trimBatch, floor])
        // Only the oldest are deleted, so the newest `events` are those above max - events.
        guard let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM activity_events"),
              let oldest = try Int64.fetchOne(db, sql: "SELECT min(id) FROM activity_events") else { return }
        let keepFrom = newest - Int64(window.events) + 1
        guard oldest < keepFrom else { return }
        try db.execute(sql: "DELETE FROM activity_events WHERE id < ?",
                       arguments: [min(keepFrom, oldest + Int64(Self.trimBatch))])
    }

    func stop() {
        lock.withLock { () -> (any DispatchSourceTimer)? in
            defer { timer = nil }
            return timer
        }?.cancel()
    }

    deinit { timer?.cancel() }
}
