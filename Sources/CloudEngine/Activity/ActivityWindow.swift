/// How much of the trail an account keeps: CloudTrail's event history keeps 90 days; Overcast also caps the count.
public struct ActivityWindow: Sendable, Equatable {
    public var days: Int
    public var events: Int

    public init(days: Int = 90, events: Int = 1_000_000) {
        self.days = max(1, days)
        self.events = max(1, events)
    }

    public static let standard = ActivityWindow()
}
