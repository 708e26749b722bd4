/// One terminal cell: the grapheme drawn there, how many cells it covers, and its role.
///
/// A wide character is stored once, in its left cell (width 2), followed by
/// a continuation cell (width 0, empty text), so the grid always has exactly
/// `width` cells per row and a backend can skip continuations.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var role: StyleRole

    public init(text: String, width: Int, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    /// A blank cell in `role`.
    public static func blank(_ role: StyleRole = .normal) -> Cell {
        Cell(text: " ", width: 1, role: role)
    }

    /// The right half of a wide character.
    public static func continuation(_ role: StyleRole) -> Cell {
        Cell(text: "", width: 0, role: role)
    }

    public var isContinuation: Bool { width == 0 }
}
