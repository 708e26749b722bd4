import Foundation

/// A value one thread sets and another reads (a server's bound port, a task's failure, a callback's answer),
/// behind a lock: the one box the project uses for handing a result across threads.
public final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func set(_ newValue: Value) {
        lock.withLock { value = newValue }
    }

    public func get() -> Value {
        lock.withLock { value }
    }
}
