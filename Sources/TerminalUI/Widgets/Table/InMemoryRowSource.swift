import Foundation

/// A row source over an array, for short lists (services, regions, a form's choices).
///
/// Filtering is a case-insensitive substring match on any cell; sorting
/// compares the sort column's text, numerically when both cells are numbers.
public struct InMemoryRowSource<ID: Hashable & Sendable>: RowSource, Sendable {
    public var rows: [TableRow<ID>]

    public init(rows: [TableRow<ID>]) {
        self.rows = rows
    }

    /// The rows matching `query`, in its order.
    public func rows(matching query: RowQuery) -> [TableRow<ID>] {
        var result = rows
        if !query.filter.isEmpty {
            result = result.filter { row in
                row.cells.contains { $0.range(of: query.filter, options: .caseInsensitive) != nil }
            }
        }
        if let sort = query.sort {
            result = result.enumerated().sorted { a, b in
                let order = Self.compare(cell(a.element, sort.column), cell(b.element, sort.column))
                if order == 0 { return a.offset < b.offset }
                return sort.ascending ? order < 0 : order > 0
            }.map(\.element)
        }
        return result
    }

    public func page(_ request: PageRequest<ID>) -> RowPage<ID> {
        let all = rows(matching: request.query)
        let limit = request.limit
        let range: Range<Int>
        switch request.position {
        case .first:
            range = 0..<min(limit, all.count)
        case .last:
            range = max(0, all.count - limit)..<all.count
        case .after(let id):
            let start = (all.firstIndex { $0.id == id }).map { $0 + 1 } ?? all.count
            range = start..<min(all.count, start + limit)
        case .before(let id):
            let end = all.firstIndex { $0.id == id } ?? 0
            range = max(0, end - limit)..<end
        case .around(let id):
            let center = all.firstIndex { $0.id == id } ?? 0
            let start = max(0, min(center - limit / 2, all.count - limit))
            range = start..<min(all.count, start + limit)
        }
        return RowPage(rows: Array(all[range]), hasMoreBefore: range.lowerBound > 0,
                       hasMoreAfter: range.upperBound < all.count)
    }

    private func cell(_ row: TableRow<ID>, _ column: Int) -> String {
        column < row.cells.count ? row.cells[column] : ""
    }

    private static func compare(_ a: String, _ b: String) -> Int {
        if let x = Double(a), let y = Double(b) { return x < y ? -1 : (x > y ? 1 : 0) }
        switch a.compare(b, options: [.caseInsensitive, .numeric]) {
        case .orderedAscending: return -1
        case .orderedDescending: return 1
        case .orderedSame: return 0
        }
    }
}
