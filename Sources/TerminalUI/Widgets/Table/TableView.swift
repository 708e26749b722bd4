import Foundation

/// Draws a table: a header with sort indicator, the visible rows, selection, marks and filter matches.
///
/// The view draws only the rows that fit, from the state's window, so its
/// cost does not depend on how many rows the source holds.
public struct TableView<ID: Hashable & Sendable>: Widget {
    public var state: TableState<ID>
    public var columns: [TableColumn]
    /// Whether the table has keyboard focus (selection shows as `selection`, else `selectionInactive`).
    public var focused: Bool
    public var showHeader: Bool
    /// Whether to draw a two-cell gutter showing marked rows.
    public var showMarks: Bool
    /// What to show when the (filtered) table has no rows.
    public var emptyMessage: String
    public var loadingMessage: String

    public init(state: TableState<ID>, columns: [TableColumn], focused: Bool = true, showHeader: Bool = true,
                showMarks: Bool = false, emptyMessage: String = "Nothing here yet.",
                loadingMessage: String = "Loading…") {
        self.state = state
        self.columns = columns
        self.focused = focused
        self.showHeader = showHeader
        self.showMarks = showMarks
        self.emptyMessage = emptyMessage
        self.loadingMessage = loadingMessage
    }

    /// How many rows are visible in a table region of `height`: the page size for commands.
    public static func visibleRowCount(height: Int, showHeader: Bool = true) -> Int {
        max(0, height - (showHeader ? 1 : 0))
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        guard !area.isEmpty else { return }
        let gutter = showMarks ? 2 : 0
        // The rightmost column is kept for the scroll indicators.
        let widths = ColumnWidth.layout(columns.map(\.width), total: area.width - gutter - 1)
        var body = area
        if showHeader {
            let (header, rest) = area.splitTop(1)
            drawHeader(&buffer, row: header, widths: widths, gutter: gutter)
            body = rest
        }
        guard !state.rows.isEmpty else {
            let message = state.isLoaded ? (state.query.filter.isEmpty ? emptyMessage
                                            : "No rows match “\(state.query.filter)”.") : loadingMessage
            buffer.write(message, in: body.row(0).inset(left: gutter + 1), role: .dim)
            return
        }
        let top = state.effectiveScrollTop(height: body.height)
        let bottom = min(state.rows.count, top + body.height)
        for (line, index) in (top..<bottom).enumerated() {
            drawRow(&buffer, row: body.row(line), index: index, widths: widths, gutter: gutter)
        }
        drawScrollIndicators(&buffer, body: body, top: top, bottom: bottom)
    }

    // MARK: - Parts

    private func drawHeader(_ buffer: inout ScreenBuffer, row: Rect, widths: [Int], gutter: Int) {
        buffer.fill(row, role: .header)
        var x = row.x + gutter
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            var title = column.title
            if let sort = state.query.sort, sort.column == index { title += " " + sort.indicator }
            buffer.write(title, in: Rect(x: x, y: row.y, width: widths[index], height: 1),
                         alignment: column.alignment, role: .header)
            x += widths[index] + 1
        }
    }

    private func drawRow(_ buffer: inout ScreenBuffer, row: Rect, index: Int, widths: [Int], gutter: Int) {
        let item = state.rows[index]
        let isSelected = index == state.selectedIndex
        let isMarked = state.marked.contains(item.id)
        let base: StyleRole = isSelected ? (focused ? .selection : .selectionInactive)
            : isMarked ? .marked : (item.role ?? .normal)
        buffer.fill(row, role: base)
        if showMarks, isMarked { buffer.write("●", at: Point(x: row.x, y: row.y), role: isSelected ? base : .marked) }
        var x = row.x + gutter
        for (column, definition) in columns.enumerated() where widths[column] > 0 {
            let text = column < item.cells.count ? item.cells[column] : ""
            let field = Rect(x: x, y: row.y, width: widths[column], height: 1)
            buffer.write(Self.highlighted(text.truncated(toWidth: field.width), filter: state.query.filter, role: base),
                         in: field, alignment: definition.alignment)
            x += widths[column] + 1
        }
    }

    private func drawScrollIndicators(_ buffer: inout ScreenBuffer, body: Rect, top: Int, bottom: Int) {
        guard body.height > 1 else { return }
        let x = body.maxX - 1
        if top > 0 || state.hasMoreBefore {
            buffer.write("▲", at: Point(x: x, y: body.y), role: .scrollIndicator)
        }
        if bottom < state.rows.count || state.hasMoreAfter {
            buffer.write("▼", at: Point(x: x, y: body.y + min(body.height, bottom - top) - 1), role: .scrollIndicator)
        }
    }

    /// Splits `text` into spans with every case-insensitive occurrence of `filter` in `match`.
    public static func highlighted(_ text: String, filter: String, role: StyleRole) -> [TextSpan] {
        guard !filter.isEmpty else { return [TextSpan(text, role: role)] }
        var spans: [TextSpan] = []
        var rest = text[...]
        while let found = rest.range(of: filter, options: .caseInsensitive) {
            if found.lowerBound > rest.startIndex { spans.append(TextSpan(String(rest[..<found.lowerBound]), role: role)) }
            spans.append(TextSpan(String(rest[found]), role: .match))
            rest = rest[found.upperBound...]
        }
        if !rest.isEmpty { spans.append(TextSpan(String(rest), role: role)) }
        return spans
    }
}
