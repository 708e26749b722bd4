/// A rectangle of cells: an origin and a size.
///
/// Layout code works by carving rectangles (`splitTop`, `splitLeft`,
/// `inset`, `centered`) so panels never compute coordinates by hand.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var origin: Point
    public var size: Size

    public init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }

    public init(size: Size) {
        self.init(origin: .zero, size: size)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var x: Int { origin.x }
    public var y: Int { origin.y }
    public var width: Int { size.width }
    public var height: Int { size.height }
    public var minX: Int { origin.x }
    public var minY: Int { origin.y }
    /// One past the last column.
    public var maxX: Int { origin.x + size.width }
    /// One past the last row.
    public var maxY: Int { origin.y + size.height }
    public var isEmpty: Bool { size.width == 0 || size.height == 0 }

    public var description: String { "\(origin) \(size)" }

    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
    }

    /// The overlap of two rectangles; empty (at this origin) when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(minX, other.minX)
        let y0 = max(minY, other.minY)
        let x1 = min(maxX, other.maxX)
        let y1 = min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return Rect(origin: Point(x: x0, y: y0), size: .zero) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The rectangle moved by `offset`.
    public func offset(by offset: Point) -> Rect {
        Rect(origin: origin.offset(by: offset), size: size)
    }

    /// The rectangle shrunk by the given margins (never below zero size).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The rectangle shrunk by `amount` on every side, e.g. the inside of a border.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Cuts `height` rows off the top: returns (top part, the rest).
    public func splitTop(_ height: Int) -> (Rect, Rect) {
        let h = min(max(0, height), self.height)
        return (Rect(x: x, y: y, width: width, height: h),
                Rect(x: x, y: y + h, width: width, height: self.height - h))
    }

    /// Cuts `height` rows off the bottom: returns (the rest, bottom part).
    public func splitBottom(_ height: Int) -> (Rect, Rect) {
        let h = min(max(0, height), self.height)
        return (Rect(x: x, y: y, width: width, height: self.height - h),
                Rect(x: x, y: maxY - h, width: width, height: h))
    }

    /// Cuts `width` columns off the left: returns (left part, the rest).
    public func splitLeft(_ width: Int) -> (Rect, Rect) {
        let w = min(max(0, width), self.width)
        return (Rect(x: x, y: y, width: w, height: height),
                Rect(x: x + w, y: y, width: self.width - w, height: height))
    }

    /// Cuts `width` columns off the right: returns (the rest, right part).
    public func splitRight(_ width: Int) -> (Rect, Rect) {
        let w = min(max(0, width), self.width)
        return (Rect(x: x, y: y, width: self.width - w, height: height),
                Rect(x: maxX - w, y: y, width: w, height: height))
    }

    /// A rectangle of `size` centred in this one (clamped to fit).
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width)
        let h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    /// The single row `row` of this rectangle (relative), for line-by-line drawing.
    public func row(_ row: Int) -> Rect {
        Rect(x: x, y: y + row, width: width, height: row >= 0 && row < height ? 1 : 0)
    }
}
