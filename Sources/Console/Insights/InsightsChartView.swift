import TerminalUI

/// A horizontal bar chart of a `stats … by bin(…)` result: a header saying what is measured, then one bar a bin,
/// labelled with its time and value, the biggest filling the width.
struct InsightsChartView: Widget {
    var chart: InsightsChart
    var scroll: Int

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        guard area.height > 0 else { return }
        let (header, body) = area.splitTop(1)
        buffer.fill(header, role: .header)
        var title = " \(chart.measure) per \(chart.bin) · max \(chart.maximumText)"
        if !chart.unchartedColumns.isEmpty { title += " · not charted: " + chart.unchartedColumns.joined(separator: ", ") }
        buffer.write(title, in: header, role: .header)
        let labelWidth = min(chart.bars.map(\.label.displayWidth).max() ?? 0, max(8, area.width / 3))
        let valueWidth = chart.bars.map(\.text.displayWidth).max() ?? 0
        // Label, a space, the bar, a space, the value, and the last column for the scroll marks.
        let barWidth = max(1, area.width - labelWidth - valueWidth - 4)
        let top = min(scroll, max(0, chart.bars.count - body.height))
        let bottom = min(chart.bars.count, top + body.height)
        for (line, index) in (top..<bottom).enumerated() {
            let bar = chart.bars[index]
            let bars = InsightsChart.bar(bar.value, maximum: chart.maximum, width: barWidth)
            buffer.write([
                TextSpan(" " + bar.label.truncated(toWidth: labelWidth).padded(toWidth: labelWidth), role: .logTimestamp),
                TextSpan(" "),
                TextSpan(bars, role: .progress),
                TextSpan(" " + bar.text),
            ], in: body.row(line))
        }
        guard body.height > 1 else { return }
        if top > 0 { buffer.write("▲", at: Point(x: body.maxX - 1, y: body.y), role: .scrollIndicator) }
        if bottom < chart.bars.count {
            buffer.write("▼", at: Point(x: body.maxX - 1, y: body.y + body.height - 1), role: .scrollIndicator)
        }
    }
}
