/// A pane docked at the bottom (the live log) that can be shown, hidden and resized.
public struct DockedPane: Hashable, Sendable {
    public var isVisible: Bool
    /// Preferred height in rows, including its border.
    public private(set) var height: Int
    public var minimumHeight: Int
    /// The main area keeps at least this many rows; the pane gives way first.
    public var minimumRemaining: Int

    public init(isVisible: Bool = true, height: Int = 10, minimumHeight: Int = 4, minimumRemaining: Int = 8) {
        self.isVisible = isVisible
        self.minimumHeight = minimumHeight
        self.minimumRemaining = minimumRemaining
        self.height = max(minimumHeight, height)
    }

    public mutating func toggle() { isVisible.toggle() }

    /// Grows (positive) or shrinks (negative) the pane, never below its minimum.
    public mutating func resize(by delta: Int) {
        height = max(minimumHeight, height + delta)
    }

    /// The height actually used out of `available` rows.
    public func effectiveHeight(available: Int) -> Int {
        guard isVisible else { return 0 }
        let room = available - minimumRemaining
        guard room >= minimumHeight else { return 0 }
        return min(height, room)
    }
}
