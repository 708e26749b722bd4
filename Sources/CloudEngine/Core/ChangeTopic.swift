/// A part of the account that changed, so observers reload only what they show.
///
/// The raw value names the row in `change_counters` that other processes bump.
public enum ChangeTopic: String, Sendable, Hashable, CaseIterable {
    case buckets
    case objects
    case logs
    case iam
    case functions
    case invocations
    /// The activity trail (authorization decisions), written in batches.
    case activity
}

/// What observers are told: which topics changed, and whether another process did it.
public struct AccountChange: Sendable, Equatable {
    public var topics: Set<ChangeTopic>
    public var external: Bool

    public init(topics: Set<ChangeTopic>, external: Bool) {
        self.topics = topics
        self.external = external
    }
}
