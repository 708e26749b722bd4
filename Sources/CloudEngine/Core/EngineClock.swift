import Foundation

/// Where the engine reads the time, injected so tests are deterministic.
public protocol EngineClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: EngineClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to, for tests.
public final class ManualClock: EngineClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) { // 2026-01-01T00:00:00Z
        current = start
    }

    public func now() -> Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        lock.withLock { current = date }
    }
}
