import Foundation

/// The background retention sweep of an open account: one timer per process, started by the front ends that stay
/// open (the console, `overcast serve`) beside event delivery.
public final class LogRetentionSchedule: @unchecked Sendable {
    private let lock = NSLock()
    private var timer: (any DispatchSourceTimer)?
    private var failure: String?
    private let queue = DispatchQueue(label: "overcast.logs.retention", qos: .utility)

    init() {}

    /// Why the last sweep failed (the account busy, say); nil after a good one.
    public var lastError: String? { lock.withLock { failure } }

    func start(account: Account, interval: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        guard timer == nil else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        let milliseconds = max(100, Int(interval * 1000))
        source.schedule(deadline: .now(), repeating: .milliseconds(milliseconds), leeway: .milliseconds(milliseconds / 4))
        source.setEventHandler { [weak account, weak self] in
            guard let account, let self else { return }
            do {
                try account.logs.purgeExpiredEvents()
                self.lock.withLock { self.failure = nil }
            } catch {
                // Tried again on the next tick; reads skip expired events meanwhile.
                self.lock.withLock { self.failure = "\(error)" }
            }
        }
        timer = source
        source.resume()
    }

    func stop() {
        let source = lock.withLock { () -> (any DispatchSourceTimer)? in
            defer { timer = nil }
            return timer
        }
        source?.cancel()
    }
}

extension LogsService {
    /// Sweeps expired events now and then every `interval` seconds until `stopRetentionSweeps`. Idempotent.
    public func startRetentionSweeps(interval: TimeInterval = 60) {
        account.logRetention.start(account: account, interval: interval)
    }

    public func stopRetentionSweeps() {
        account.logRetention.stop()
    }
}
