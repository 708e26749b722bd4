import TerminalUI

/// The results area: the records as a table (columns in the query's order, scrolled sideways when they do not
/// fit), the bar chart, or what to do when there is nothing to show.
enum InsightsResultsView {
    /// Columns up to this wide get their width; wider ones share what is left.
    static let fixedUpTo = 30

    static func draw(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ rect: Rect) {
        let insights = state.insights
        guard !rect.isEmpty else { return }
        if let message = emptyMessage(insights) {
            for (index, line) in TextWrap.lines(message, width: rect.width - 1).enumerated() where index < rect.height {
                buffer.write(line, in: rect.row(index).inset(left: 1), role: .dim)
            }
            return
        }
        guard let run = insights.result else { return }
        if insights.showsChart, let chart = insights.chart {
            buffer.render(InsightsChartView(chart: chart, scroll: insights.chartScroll), in: rect)
            return
        }
        let columns = Array(insights.columns.dropFirst(insights.firstColumn))
        let table = shifted(insights.table, by: insights.firstColumn, height: TableView<Int>.visibleRowCount(height: rect.height))
        buffer.render(TableView(state: table, columns: columns, focused: !insights.editing), in: rect)
    }

    /// What the area says instead of results: why there is nothing, and what to do.
    static func emptyMessage(_ insights: InsightsState) -> String? {
        if let error = insights.groupsError { return "The log groups could not be listed: \(error.description)" }
        if !insights.groupsLoaded { return "Listing log groups…" }
        if insights.groups.isEmpty {
            return "No log groups yet. Invoke a function (:functions, open one, Test tab, i) and its output lands in "
                + "/aws/lambda/NAME; events sent with PutLogEvents to the endpoint show up too."
        }
        guard let run = insights.result else {
            if insights.running != nil { return "Running the query…" }
            return "Press Enter to run the query over the log groups above, for \(insights.rangeWords)."
        }
        guard run.result.rows.isEmpty else { return nil }
        let groups = run.request.groups.count == 1 ? run.request.groups[0] : "\(run.request.groups.count) log groups"
        return "No records in \(groups) for \(insights.rangeWords). Widen the time range (t), choose other "
            + "log groups (s), or loosen the query's filter (e)."
    }

    /// The rule's note: which columns show, or what the chart measures.
    static func note(_ insights: InsightsState, width: Int) -> String? {
        guard let run = insights.result, !run.result.rows.isEmpty else { return nil }
        if insights.showsChart, let chart = insights.chart {
            return "v table"
        }
        let columns = run.result.columns
        let widths = ColumnWidth.layout(insights.columns.dropFirst(insights.firstColumn).map(\.width), total: width - 1)
        let shown = widths.filter { $0 > 0 }.count
        let chart = insights.chart == nil ? "" : " · v chart"
        guard insights.firstColumn > 0 || shown < columns.count - insights.firstColumn else {
            return chart.isEmpty ? nil : String(chart.dropFirst(3))
        }
        let last = insights.firstColumn + max(shown, 1)
        let range = last == insights.firstColumn + 1 ? "column \(last)" : "columns \(insights.firstColumn + 1)–\(last)"
        return "\(range) of \(columns.count) · ←/→" + chart
    }

    /// The columns, each as wide as its widest cell (up to `fixedUpTo`), wider ones flexible;
    /// numbers line up on the right.
    static func tableColumns(_ names: [String], rows: [TableRow<Int>]) -> [TableColumn] {
        names.indices.map { column in
            // Measuring the first 120 characters of a cell is enough to know it is wide.
            let widest = rows.reduce(names[column].displayWidth) { widest, row in
                column < row.cells.count ? max(widest, row.cells[column].prefix(120).displayWidth) : widest
            }
            let width: ColumnWidth = widest <= fixedUpTo ? .fixed(widest) : .flexible(min: fixedUpTo, weight: widest)
            let numeric = !rows.isEmpty && rows.allSatisfy { column >= $0.cells.count || $0.cells[column].isEmpty || Double($0.cells[column]) != nil }
            return TableColumn(names[column], width: width, alignment: numeric ? .right : .left)
        }
    }

    /// The table with its rows' cells starting at column `first`, so the view lays out what is shown.
    private static func shifted(_ table: TableState<Int>, by first: Int, height: Int) -> TableState<Int> {
        guard first > 0 else { return table }
        var shifted = TableState(rows: table.rows.map { TableRow(id: $0.id, cells: Array($0.cells.dropFirst(first)), role: $0.role) })
        // The same rows in view: the old top first, then the selection (which stays where it was when visible).
        let top = table.effectiveScrollTop(height: height)
        if table.rows.indices.contains(top) { shifted.select(id: table.rows[top].id, pageSize: 1) }
        if let selected = table.selectedID { shifted.select(id: selected, pageSize: height) }
        return shifted
    }

    /// A cell on one line: line breaks and tabs read as spaces.
    static func cellText(_ value: String) -> String {
        guard value.contains(where: { $0.isNewline || $0 == "\t" }) else { return value }
        return String(value.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
