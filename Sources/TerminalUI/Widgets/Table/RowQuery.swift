/// What rows a table shows: a filter and an order, shared by every page request.
public struct RowQuery: Hashable, Sendable {
    /// Text the rows must contain (what the person typed after `/`); empty for all.
    public var filter: String
    public var sort: TableSort?

    public init(filter: String = "", sort: TableSort? = nil) {
        self.filter = filter
        self.sort = sort
    }
}
