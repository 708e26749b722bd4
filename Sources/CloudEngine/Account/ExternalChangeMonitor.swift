import Foundation
import GRDB

/// Notices writes made to the account file by other processes and announces them on the change feed.
///
/// Each tick costs one `PRAGMA data_version` on the writer connection (a few
/// microseconds); only when it moved are the per-topic counters read and compared.
public final class ExternalChangeMonitor: @unchecked Sendable {
    private let account: Account
    private let queue = DispatchQueue(label: "overcast.external-changes")
    private var timer: DispatchSourceTimer?
    private var lastDataVersion: Int?
    private var lastCounters: [String: Int] = [:]

    /// Takes the starting snapshot now, so the first poll reports only what changed after this.
    public init(account: Account) {
        self.account = account
        snapshot()
    }

    /// Version first, counters second: a write between the two still moves the version.
    private func snapshot() {
        lastDataVersion = try? readDataVersion()
        lastCounters = (try? readCounters()) ?? [:]
    }

    /// How often the console polls: 50 ms, so another process's log events reach the live pane well within a
    /// quarter of a second (poll, plus at most one 50 ms turn of the console's loop, plus the read).
    public static let consoleInterval: TimeInterval = 0.05

    /// Starts polling every `interval` seconds (`consoleInterval` is what the console uses).
    public func start(interval: TimeInterval = consoleInterval) {
        queue.sync {
            guard timer == nil else { return }
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(10))
            source.setEventHandler { [weak self] in self?.poll() }
            timer = source
            source.resume()
        }
    }

    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    /// Checks once, now; returns the topics another process changed since the last check.
    @discardableResult
    public func pollNow() -> Set<ChangeTopic> {
        queue.sync { poll() }
    }

    deinit { timer?.cancel() }

    @discardableResult
    private func poll() -> Set<ChangeTopic> {
        guard let version = try? readDataVersion() else { return [] }
        defer { lastDataVersion = version }
        guard let previous = lastDataVersion, previous != version else { return [] }
        guard let counters = try? readCounters() else { return [] }
        var changed = Set<ChangeTopic>()
        for (topic, value) in counters where lastCounters[topic] != value {
            if let known = ChangeTopic(rawValue: topic) { changed.insert(known) }
        }
        lastCounters = counters
        account.changes.announce(changed, external: true)
        return changed
    }

    private func readDataVersion() throws -> Int {
        try account.database.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        }
    }

    private func readCounters() throws -> [String: Int] {
        try account.database.read { db in
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT topic, version FROM change_counters") {
                result[row["topic"]] = row["version"]
            }
            return result
        }
    }
}
