import Foundation

/// Tells in-process observers what changed in the account.
///
/// Writes made through this process's `Account` are announced right after they
/// commit; writes from other processes are announced by `ExternalChangeMonitor`.
/// Handlers run on the announcing thread and must hand work to their own queue.
public final class ChangeFeed: @unchecked Sendable {
    public typealias Handler = @Sendable (AccountChange) -> Void

    private let lock = NSLock()
    private var handlers: [UInt64: Handler] = [:]
    private var nextToken: UInt64 = 0

    public init() {}

    /// Registers a handler; it is called until the returned subscription is cancelled or released.
    public func subscribe(_ handler: @escaping Handler) -> ChangeSubscription {
        let token: UInt64 = lock.withLock {
            nextToken += 1
            handlers[nextToken] = handler
            return nextToken
        }
        return ChangeSubscription { [weak self] in
            self?.lock.withLock { _ = self?.handlers.removeValue(forKey: token) }
        }
    }

    /// Tells every handler that `topics` changed.
    public func announce(_ topics: Set<ChangeTopic>, external: Bool = false) {
        guard !topics.isEmpty else { return }
        let current = lock.withLock { Array(handlers.values) }
        let change = AccountChange(topics: topics, external: external)
        for handler in current { handler(change) }
    }
}

/// Keeps a change handler registered; cancels it when released.
public final class ChangeSubscription: @unchecked Sendable {
    private let lock = NSLock()
    private var onCancel: (@Sendable () -> Void)?

    init(onCancel: @escaping @Sendable () -> Void) {
        self.onCancel = onCancel
    }

    public func cancel() {
        let action = lock.withLock { () -> (@Sendable () -> Void)? in
            defer { onCancel = nil }
            return onCancel
        }
        action?()
    }

    deinit { cancel() }
}
