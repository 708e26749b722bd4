/// A short message that appears over the screen and goes away by itself.
///
/// The expiry is a time the caller chose (seconds on the caller's own
/// clock); the caller prunes expired toasts with `isExpired(at:)`, so
/// rendering never reads a clock.
public struct Toast: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info
        case success
        case warning
        case error
    }

    public var message: String
    public var kind: Kind
    /// When it should disappear, or nil to stay until dismissed (errors a person must read).
    public var expiresAt: Double?

    public init(_ message: String, kind: Kind = .info, expiresAt: Double? = nil) {
        self.message = message
        self.kind = kind
        self.expiresAt = expiresAt
    }

    public func isExpired(at now: Double) -> Bool {
        expiresAt.map { now >= $0 } ?? false
    }
}
