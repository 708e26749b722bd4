/// A width and height in terminal cells.
///
/// Sizes are clamped to zero on creation so a layout that runs out of room
/// produces empty regions instead of negative ones.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Size(width: 0, height: 0)

    /// The smallest terminal the console is designed for (80×24).
    public static let minimumTerminal = Size(width: 80, height: 24)

    public var description: String { "\(width)×\(height)" }

    /// Whether this size is at least `minimum` in both directions.
    public func fits(_ minimum: Size) -> Bool {
        width >= minimum.width && height >= minimum.height
    }
}
