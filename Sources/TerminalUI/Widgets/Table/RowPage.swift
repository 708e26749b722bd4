/// A page of rows answering a `PageRequest`, in display order.
public struct RowPage<ID: Hashable & Sendable>: Sendable {
    public var rows: [TableRow<ID>]
    /// Whether rows exist before the first row of this page.
    public var hasMoreBefore: Bool
    /// Whether rows exist after the last row of this page.
    public var hasMoreAfter: Bool

    public init(rows: [TableRow<ID>], hasMoreBefore: Bool, hasMoreAfter: Bool) {
        self.rows = rows
        self.hasMoreBefore = hasMoreBefore
        self.hasMoreAfter = hasMoreAfter
    }
}

extension RowPage: Equatable {}
