/// A cell position: column `x`, row `y`, counted from the top-left corner.
///
/// Coordinates are plain `Int`s so arithmetic with offsets and sizes never
/// needs conversions; negative values are legal and simply fall outside
/// every buffer.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public static let zero = Point(x: 0, y: 0)

    public var description: String { "(\(x),\(y))" }

    /// The point moved by another point's coordinates, for translating between regions.
    public func offset(by other: Point) -> Point {
        Point(x: x + other.x, y: y + other.y)
    }
}
