/// Where a table's rows come from, one page at a time.
///
/// The table never holds all rows: it asks for a screenful or two around
/// a key and drops rows far from the selection. `page` may block (an
/// engine query), so call it off the UI thread and hand the page back to
/// the table state with `TableState.receive(_:for:)`.
public protocol RowSource<ID> {
    associatedtype ID: Hashable & Sendable
    /// The rows `request` asks for, in display order.
    func page(_ request: PageRequest<ID>) throws -> RowPage<ID>
}
