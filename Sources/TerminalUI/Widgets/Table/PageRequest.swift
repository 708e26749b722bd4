/// A request for a page of rows, positioned by key, never by offset.
///
/// A million-row bucket pages with `WHERE key > ? LIMIT n`, which costs the
/// same on page one and page ten thousand; offsets would not. The table
/// asks for the rows after its last loaded row, before its first, around a
/// remembered key, or at either end.
public struct PageRequest<ID: Hashable & Sendable>: Hashable, Sendable {
    public enum Position: Hashable, Sendable {
        case first
        case last
        /// Rows strictly after `ID` in the query's order.
        case after(ID)
        /// Rows strictly before `ID`, returned in display order (nearest last).
        case before(ID)
        /// The row `ID` (or where it would be) with rows on both sides.
        case around(ID)
    }

    public var position: Position
    public var limit: Int
    public var query: RowQuery

    public init(_ position: Position, limit: Int, query: RowQuery = RowQuery()) {
        self.position = position
        self.limit = max(1, limit)
        self.query = query
    }
}
