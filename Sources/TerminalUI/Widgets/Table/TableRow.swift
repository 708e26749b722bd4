/// One row as the table shows it: an identity and the text of each column.
///
/// Rows carry display text, not records: the panel formats sizes and
/// dates once when the page arrives, and the table only lays them out.
public struct TableRow<ID: Hashable & Sendable>: Sendable {
    public var id: ID
    public var cells: [String]
    /// A role for the whole row (e.g. `dim` for a deleted marker), or nil for `normal`.
    public var role: StyleRole?

    public init(id: ID, cells: [String], role: StyleRole? = nil) {
        self.id = id
        self.cells = cells
        self.role = role
    }
}

extension TableRow: Equatable {}
extension TableRow: Hashable {}
