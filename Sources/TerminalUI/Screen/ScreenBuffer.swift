/// A grid of cells that views draw into and a terminal backend displays.
///
/// Rendering is a pure function into this value, so every screen can be
/// compared as text in tests. Drawing happens in the coordinates of the
/// current *region* (see `withRegion`): a widget draws at `(0, 0)` of its
/// `bounds` and cannot spill outside the rectangle its parent gave it.
public struct ScreenBuffer: Sendable {
    /// The size of the whole grid.
    public let size: Size
    /// Where the terminal cursor should be shown (absolute), or nil to hide it.
    public private(set) var cursor: Point?

    var cells: [Cell]
    /// Absolute position of the current region's (0, 0).
    var origin: Point = .zero
    /// Absolute rectangle outside which nothing is drawn.
    var clip: Rect
    /// The declared size of the current region (it may extend past `clip`).
    var regionSize: Size

    /// A buffer of `size`, filled with blank cells in `role`.
    public init(size: Size, role: StyleRole = .normal) {
        self.size = size
        self.cells = Array(repeating: .blank(role), count: size.width * size.height)
        self.clip = Rect(size: size)
        self.regionSize = size
    }

    /// The current region in its own coordinates: draw inside this.
    public var bounds: Rect { Rect(size: regionSize) }

    // MARK: - Regions

    /// Runs `body` with drawing confined to `rect` (given in current coordinates).
    ///
    /// Inside `body`, `(0, 0)` is the top-left of `rect` and `bounds` has its
    /// size; anything drawn outside is clipped. Regions nest.
    @discardableResult
    public mutating func withRegion<R>(_ rect: Rect, _ body: (inout ScreenBuffer) throws -> R) rethrows -> R {
        let saved = (origin, clip, regionSize)
        let absolute = rect.offset(by: origin)
        origin = absolute.origin
        clip = clip.intersection(absolute)
        regionSize = rect.size
        defer { (origin, clip, regionSize) = saved }
        return try body(&self)
    }

    /// Draws `widget` confined to `rect`.
    public mutating func render(_ widget: some Widget, in rect: Rect) {
        withRegion(rect) { widget.render(into: &$0) }
    }

    // MARK: - Reading

    /// The cell at an absolute position, or nil outside the grid.
    public func cell(atX x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return cells[y * size.width + x]
    }

    /// All cells of absolute row `y`, left to right.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    // MARK: - Cursor

    /// Shows the terminal cursor at `point` (current coordinates) if it is visible.
    public mutating func setCursor(_ point: Point) {
        let absolute = point.offset(by: origin)
        cursor = clip.contains(absolute) ? absolute : nil
    }

    /// Hides the terminal cursor.
    public mutating func hideCursor() {
        cursor = nil
    }

    // MARK: - Cells

    /// Draws one character at `point` (current coordinates); returns the cells it advances.
    ///
    /// A wide character whose right half would be clipped is replaced by a
    /// blank, never half-drawn, and a character overwriting half of an
    /// existing wide character blanks the other half.
    @discardableResult
    public mutating func put(_ character: Character, at point: Point, role: StyleRole) -> Int {
        let (glyph, width) = Self.sanitize(character)
        guard width > 0 else { return 0 }
        let p = point.offset(by: origin)
        if width == 2 {
            let leftIn = clip.contains(p)
            let rightIn = clip.contains(Point(x: p.x + 1, y: p.y))
            if leftIn && rightIn {
                store(Cell(text: glyph, width: 2, role: role), at: p)
                store(.continuation(role), at: Point(x: p.x + 1, y: p.y))
            } else if leftIn {
                store(.blank(role), at: p)
            } else if rightIn {
                store(.blank(role), at: Point(x: p.x + 1, y: p.y))
            }
        } else if clip.contains(p) {
            store(Cell(text: glyph, width: 1, role: role), at: p)
        }
        return width
    }

    /// Changes the role of every cell in `rect` (current coordinates), keeping the text.
    ///
    /// Used for highlights laid over already-drawn text, like a selected row.
    public mutating func setRole(_ role: StyleRole, in rect: Rect) {
        let area = rect.offset(by: origin).intersection(clip)
        guard !area.isEmpty else { return }
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX {
                cells[y * size.width + x].role = role
            }
        }
    }

    /// Fills `rect` (current coordinates) with `character` in `role`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", role: StyleRole = .normal) {
        let w = max(1, Self.sanitize(character).1)
        for y in rect.minY..<max(rect.minY, rect.maxY) {
            var x = rect.minX
            while x + w <= rect.maxX {
                put(character, at: Point(x: x, y: y), role: role)
                x += w
            }
            if x < rect.maxX { put(" ", at: Point(x: x, y: y), role: role) }
        }
    }

    /// Fills the whole current region.
    public mutating func clear(role: StyleRole = .normal) {
        fill(bounds, role: role)
    }

    // MARK: - Internals

    /// Writes an absolute cell, repairing any wide character it cuts in half.
    private mutating func store(_ cell: Cell, at p: Point) {
        let index = p.y * size.width + p.x
        let old = cells[index]
        if old.isContinuation, p.x > 0, !cell.isContinuation {
            let head = index - 1
            if cells[head].width == 2 { cells[head] = .blank(cells[head].role) }
        }
        if old.width == 2, p.x + 1 < size.width, cell.width != 2 {
            cells[index + 1] = .blank(cells[index + 1].role)
        }
        cells[index] = cell
    }

    /// Makes a character safe to put in a cell: controls become visible, zero-width ones vanish.
    static func sanitize(_ character: Character) -> (String, Int) {
        if character == "\t" { return (" ", 1) }
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
           scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            return ("\u{FFFD}", 1)
        }
        return (String(character), character.displayWidth)
    }
}

extension ScreenBuffer: Equatable {
    /// Two buffers are equal when they would look the same: cells and cursor.
    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.size == rhs.size && lhs.cursor == rhs.cursor && lhs.cells == rhs.cells
    }
}
