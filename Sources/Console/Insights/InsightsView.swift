import Foundation
import TerminalUI

/// Draws the Logs Insights view: the query, the groups and range it covers, a message line, then the results.
/// Pure: state and size in, cells out.
enum InsightsView {
    static let labelWidth = 10

    struct Areas {
        var editor: Rect
        var groups: Rect
        var range: Rect
        var message: Rect
        var rule: Rect
        var results: Rect
    }

    /// Where each part goes; the message takes up to three lines for an error, one otherwise.
    static func areas(_ state: ConsoleState) -> Areas {
        let body = ConsoleLayout(state).body.inset(left: 1, right: 1)
        let (editor, rest1) = body.splitTop(1)
        let (groups, rest2) = rest1.splitTop(1)
        let (range, rest3) = rest2.splitTop(1)
        let (message, rest4) = rest3.splitTop(messageLines(state.insights, width: body.width).count)
        let (rule, results) = rest4.splitTop(1)
        return Areas(editor: editor, groups: groups, range: range, message: message, rule: rule, results: results)
    }

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        let insights = state.insights
        buffer.render(Breadcrumb(["CloudWatch Logs", "Logs Insights"]), in: layout.breadcrumb.inset(left: 1))
        let areas = areas(state)
        drawEditor(&buffer, insights, areas.editor)
        drawSettings(&buffer, insights, areas)
        for (index, line) in messageLines(insights, width: areas.message.width).enumerated() {
            buffer.write(line, in: areas.message.row(index))
        }
        drawRule(&buffer, insights, areas.rule, resultsWidth: areas.results.width)
        InsightsResultsView.draw(&buffer, state, areas.results)
    }

    // MARK: - Controls

    private static func label(_ buffer: inout ScreenBuffer, _ text: String, focused: Bool, _ row: Rect) -> Rect {
        let (label, value) = row.splitLeft(labelWidth + 1)
        buffer.write(text, in: label.inset(right: 1), alignment: .right, role: focused ? .fieldLabelFocused : .fieldLabel)
        return value
    }

    private static func drawEditor(_ buffer: inout ScreenBuffer, _ insights: InsightsState, _ row: Rect) {
        let field = label(&buffer, "Query", focused: insights.editing, row)
        if insights.editing || insights.editor.isEmpty {
            buffer.render(TextInputView(state: insights.editor, focused: insights.editing,
                                        placeholder: "fields @timestamp, @message | filter … | sort … | limit …"), in: field)
        } else {
            buffer.write(insights.editor.text, in: field, role: .input, fill: true)
        }
        // Where the engine stopped reading the query, when the query shown is the one it refused.
        guard let position = errorPosition(insights), position >= 1, position <= insights.editor.characters.count else { return }
        let shift = insights.editing ? insights.editor.scrollOffset(width: field.width) : 0
        let column = DisplayWidth.of(String(insights.editor.characters[..<(position - 1)])) - shift
        if column >= 0, column < field.width {
            buffer.setRole(.error, in: Rect(x: field.x + column, y: field.y, width: 1, height: 1))
        }
    }

    private static func drawSettings(_ buffer: inout ScreenBuffer, _ insights: InsightsState, _ areas: Areas) {
        let groups = label(&buffer, "Log groups", focused: false, areas.groups)
        buffer.write(groupSpans(insights).truncated(toWidth: groups.width), in: groups)
        let range = label(&buffer, "Range", focused: insights.rangeInput != nil, areas.range)
        if let input = insights.rangeInput {
            buffer.render(TextInputView(state: input, focused: true), in: range)
        } else if insights.customRange != nil {
            buffer.write([TextSpan(insights.rangeWords, role: .input), TextSpan("  t or T: a preset again", role: .dim)], in: range)
        } else {
            buffer.write([TextSpan("last \(insights.range.label)", role: .input), TextSpan("  " + span(insights), role: .dim)],
                         in: range)
        }
    }

    /// What the results cover (`2025-12-31 23:00 – 2026-01-01 00:00 UTC`), or the keys that change the range.
    static func span(_ insights: InsightsState) -> String {
        guard let request = insights.result?.request else { return "t longer · T shorter · c custom" }
        let start = ConsoleFormat.dateTime(Date(timeIntervalSince1970: request.start))
        let end = ConsoleFormat.dateTime(Date(timeIntervalSince1970: request.end))
        return "\(start) – \(end) UTC"
    }

    /// `/aws/lambda/orders +2  (all of /aws/lambda/)`; `s` (in the footer) changes them.
    static func groupSpans(_ insights: InsightsState) -> [TextSpan] {
        if !insights.groupsLoaded { return [TextSpan("listing…", role: .dim)] }
        let groups = insights.effectiveGroups
        guard let first = groups.first else { return [TextSpan("none yet", role: .dim)] }
        var spans = [TextSpan(first, role: .input)]
        if groups.count > 1 { spans.append(TextSpan(" +\(groups.count - 1)", role: .input)) }
        if insights.chosenGroups == nil {
            let prefix = LogTailState.functionGroupPrefix
            let under = first.hasPrefix(prefix) ? insights.groups.filter { $0.hasPrefix(prefix) }.count : 0
            let which = under == 0 ? "the first groups" : under > groups.count ? "the first \(groups.count) of \(prefix)"
                : "all of \(prefix)"
            spans.append(TextSpan("  (\(which))", role: .dim))
        }
        return spans
    }

    /// The error (wrapped, at most three lines), or that a run is going, or what the keys do.
    static func messageLines(_ insights: InsightsState, width: Int) -> [[TextSpan]] {
        if insights.rangeInput != nil {
            let text = insights.rangeProblem.map { "✗ " + $0 } ?? InsightsCustomRange.format
            return TextWrap.lines(text, width: max(1, width)).prefix(2)
                .map { [TextSpan($0, role: insights.rangeProblem == nil ? .dim : .error)] }
        }
        if let error = insights.error {
            let lines = TextWrap.lines("✗ " + error.description, width: max(1, width))
            return lines.prefix(3).map { [TextSpan($0, role: .error)] }
        }
        if let running = insights.running {
            let groups = running.groups.count == 1 ? running.groups[0] : "\(running.groups.count) log groups"
            return [[TextSpan("Running… over \(groups), \(insights.rangeWords)", role: .info)]]
        }
        let hint = insights.editing ? "Enter runs · ↑/↓ earlier queries · Esc to the results"
            : insights.showsChart ? "e or Esc edits the query · v shows the table"
            : "Enter opens a record · e or Esc edits the query"
        return [[TextSpan(hint, role: .dim)]]
    }

    /// The 1-based position a MalformedQueryException names, when it is about the text in the editor.
    static func errorPosition(_ insights: InsightsState) -> Int? {
        guard let error = insights.error, error.code == "MalformedQueryException",
              let range = error.message.range(of: "at position ") else { return nil }
        return Int(error.message[range.upperBound...].prefix { $0.isNumber })
    }

    private static func drawRule(_ buffer: inout ScreenBuffer, _ insights: InsightsState, _ rect: Rect, resultsWidth: Int) {
        guard rect.height > 0 else { return }
        buffer.write(String(repeating: "─", count: rect.width), in: rect, role: .border)
        // A refused query leaves the last good run's results in view, and says so.
        let title = (insights.showsChart ? " Chart" : " Results") + (insights.error != nil && insights.result != nil
            ? " of the last query that ran " : " ")
        buffer.write(title, at: Point(x: rect.x + 2, y: rect.y), role: insights.editing ? .dim : .header, maxWidth: rect.width - 2)
        if let note = InsightsResultsView.note(insights, width: resultsWidth) {
            buffer.write(" \(note) ", in: rect.inset(left: 12, right: 2), alignment: .right, role: .scrollIndicator)
        }
    }

    // MARK: - Status

    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        let insights = state.insights
        if let error = insights.groupsError {
            return [TextSpan(" Log groups could not be listed as \(state.identity.label) (\(error.code ?? "refused"))", role: .warning)]
        }
        guard let run = insights.result else {
            return [TextSpan(" Commands: fields, filter, parse, stats, sort, limit, dedup", role: .dim)]
        }
        let result = run.result
        let rows = result.rows.count
        let seconds = run.seconds < 0.01 ? "<0.01 s" : String(format: "%.2f s", run.seconds)
        let scanned = "\(Formatting.count(result.recordsScanned)) scanned (\(Formatting.bytes(Int64(result.bytesScanned))))"
        let found = rows == result.recordsMatched
            ? "\(Formatting.count(rows)) record\(rows == 1 ? "" : "s")"
            : "\(Formatting.count(rows)) row\(rows == 1 ? "" : "s") · \(Formatting.count(result.recordsMatched)) records matched"
        // Narrow screens drop the bytes scanned first, so the time is never the part cut.
        let room = ConsoleLayout(state).status.width
        let full = " \(found) · \(scanned) · \(seconds)"
        let short = " \(found) · \(Formatting.count(result.recordsScanned)) scanned · \(seconds)"
        return [TextSpan(full.displayWidth <= room ? full : short, role: .dim)]
    }
}
