import CloudEngine
import TerminalUI

/// A `stats … by bin(…)` result as bars: one a row of the result, in time order, measuring its first numeric
/// column. Nil for a result that has no `bin(…)` column or nothing numeric to measure.
public struct InsightsChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        /// The bin's time, shortened to what differs between bins (`00:05`), then any other key's value.
        public var label: String
        public var value: Double
        /// The value as the engine wrote it.
        public var text: String
        /// The result row it stands for.
        public var row: Int
    }

    /// The column the bars measure, and the `bin(…)` column they stand along.
    public var measure: String
    public var bin: String
    public var bars: [Bar]
    /// Other numeric columns, not charted (named so nobody wonders where they went).
    public var unchartedColumns: [String]

    /// `query` is the text that made `result`: a column it names with `as` (`count(*) as errors`) is an aggregate.
    public init?(_ result: InsightsResult, query: String) {
        let columns = result.columns
        guard let binColumn = columns.firstIndex(where: { $0.lowercased().hasPrefix("bin(") }) else { return nil }
        let numeric = columns.indices.filter { column in
            column != binColumn && result.rows.contains { insightsCell($0, column) != nil }
                && result.rows.allSatisfy { row in insightsCell(row, column).map { Double($0) != nil } ?? true }
        }
        // `stats` puts its `by` keys first: a numeric key (a status code) is a label, the aggregates are measures.
        let aggregates = numeric.filter { Self.isAggregate(columns[$0], query: query) }
        let measures = aggregates.isEmpty ? Array(numeric.prefix(1)) : aggregates
        guard let valueColumn = measures.first else { return nil }
        let keys = columns.indices.filter { $0 != binColumn && !measures.contains($0) }
        let times = result.rows.map { insightsCell($0, binColumn) ?? "" }
        let shortened = Self.shortened(times)
        bars = result.rows.indices.map { index in
            let row = result.rows[index]
            let label = ([shortened[index]] + keys.compactMap { insightsCell(row, $0) }).joined(separator: " ")
            let text = insightsCell(row, valueColumn) ?? "0"
            return Bar(label: label, value: Double(text) ?? 0, text: text, row: index)
        }
        .sorted { times[$0.row] == times[$1.row] ? $0.row < $1.row : times[$0.row] < times[$1.row] }
        measure = columns[valueColumn]
        bin = columns[binColumn]
        unchartedColumns = measures.dropFirst().map { columns[$0] }
    }

    /// The functions `stats` aggregates with, as its columns are named (`count(*)`, `avg(latency)`).
    static let aggregateFunctions: Set<String> = ["count", "sum", "avg", "min", "max", "pct", "count_distinct"]

    /// Named for an aggregate function (`avg(ms)`), or an alias the query gives with `as`.
    static func isAggregate(_ column: String, query: String) -> Bool {
        if aggregateFunctions.contains(column.prefix { $0 != "(" }.lowercased()) { return true }
        let words = query.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "|" })
        return zip(words, words.dropFirst()).contains { $0.lowercased() == "as" && $1 == column }
    }

    /// Bin times (`2026-01-01 00:05:00.000`, as Insights writes them) without the parts every bin shares at the
    /// ends: the date when all are one day, zero milliseconds, zero seconds.
    static func shortened(_ times: [String]) -> [String] {
        var cut = times
        if Set(cut.map { $0.prefix(11) }).count == 1, cut.allSatisfy({ $0.count > 11 }) { cut = cut.map { String($0.dropFirst(11)) } }
        for zero in [".000", ":00"] where cut.allSatisfy({ $0.hasSuffix(zero) }) {
            cut = cut.map { String($0.dropLast(zero.count)) }
        }
        return cut
    }

    /// The biggest value, which takes the whole width.
    var maximum: Double { bars.map(\.value).max() ?? 0 }

    /// The biggest value as the engine wrote it.
    var maximumText: String { bars.max { $0.value < $1.value }?.text ?? "0" }

    /// A bar of `value` on a scale where `maximum` fills `width` cells, in eighths of a cell (▏ to █).
    static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let eighths = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        // Anything above zero shows at least a sliver.
        let whole = eighths / 8, rest = max(eighths % 8, whole == 0 ? 1 : 0)
        return String(repeating: "█", count: whole) + partial[rest]
    }
}

/// The cell of `row` in `column`, nil where the row has no such field or is shorter than the columns.
func insightsCell(_ row: [String?], _ column: Int) -> String? {
    row.indices.contains(column) ? row[column] : nil
}
