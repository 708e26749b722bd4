import CloudEngine
import Foundation
import TerminalUI

/// The Test tab: the event list, the selected event's JSON, and an invocation's result beside its log lines.
extension FunctionTabsView {
    static func drawTest(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, now: Double, focused: Bool, in area: Rect) {
        let listWidth = min(26, max(18, area.width / 4))
        let (list, rest) = area.splitLeft(listWidth)
        let right = rest.inset(left: 2)
        drawEventList(&buffer, detail, focused: focused, in: list.inset(right: 1))
        if let invoking = detail.invoking {
            let elapsed = Formatting.duration(seconds: max(0, now - invoking.startedAt))
            buffer.write("Invoking with \(invoking.eventName)… \(elapsed)", in: right.row(0), role: .info)
            return
        }
        if let result = detail.result {
            drawResult(&buffer, result, in: right)
            return
        }
        guard let event = detail.selectedTestEvent else { return }
        let kind = event.isSaved ? "saved event" : "template"
        buffer.write([TextSpan("Event JSON ", role: .title), TextSpan("\(event.name) · \(kind) · i invokes", role: .dim)],
                     in: right.row(0))
        drawJSON(&buffer, event.payload, in: right.inset(top: 1))
    }

    /// The events in two groups, templates then saved ones, with the selected one highlighted.
    static func drawEventList(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, focused: Bool, in area: Rect) {
        var rows: [(text: String, role: StyleRole, index: Int?)] = [("Templates", .title, nil)]
        let events = detail.testEvents
        for (index, event) in events.enumerated() {
            if index == TestEventTemplate.all.count { rows += [("", .normal, nil), ("Saved events", .title, nil)] }
            rows.append((" " + event.name, .normal, index))
        }
        if detail.savedEvents.isEmpty { rows += [("", .normal, nil), ("Saved events", .title, nil), (" none · s saves", .dim, nil)] }
        let selectedRow = rows.firstIndex { $0.index == detail.eventIndex } ?? 0
        let top = max(0, selectedRow - area.height + 1)
        for (offset, row) in rows.dropFirst(top).prefix(area.height).enumerated() {
            let selected = row.index == detail.eventIndex
            buffer.write(row.text, in: area.row(offset), role: selected ? (focused ? .selection : .selectionInactive) : row.role,
                         fill: selected)
        }
    }

    static func drawResult(_ buffer: inout ScreenBuffer, _ result: TestResult, in area: Rect) {
        if let error = result.callError {
            buffer.write("✗ The invocation was refused: nothing ran.", in: area.row(0), role: .error)
            for (index, line) in TextWrap.lines(error.description, width: max(10, area.width)).prefix(area.height - 2).enumerated() {
                buffer.write(line, in: area.row(index + 1), role: .error)
            }
            return
        }
        let status = result.succeeded ? TextSpan("✓ Succeeded", role: .success)
            : TextSpan("✗ Failed" + (result.functionError.map { ": \($0)" } ?? ""), role: .error)
        // The event's name is on the left already: when the line is too narrow it goes first, then the rest ends in "…".
        var header = [status, TextSpan(" · \(result.eventName) · status \(result.statusCode)", role: .dim)]
        if header.displayWidth > area.width { header = [status, TextSpan(" · status \(result.statusCode)", role: .dim)] }
        buffer.write(header.truncated(toWidth: area.width), in: area.row(0))
        var figures: [TextSpan] = []
        if let report = result.report {
            figures = [TextSpan("Duration ", role: .dim), TextSpan(report.duration),
                       TextSpan("  Billed ", role: .dim), TextSpan(report.billedDuration),
                       TextSpan("  Memory ", role: .dim), TextSpan("\(report.maxMemoryUsed) of \(report.memorySize)")]
            if let initDuration = report.initDuration {
                figures += [TextSpan("  Init ", role: .dim), TextSpan(initDuration)]
            }
        } else {
            figures = [TextSpan("No REPORT line: the role may not allow writing logs.", role: .dim)]
        }
        // Narrow screens take the figures on two rows, so none is cut off.
        var row = 1
        if figures.displayWidth > area.width, figures.count > 4 {
            buffer.write(Array(figures.prefix(4)), in: area.row(row))
            row += 1
            buffer.write([TextSpan(String(figures[4].text.drop { $0 == " " }), role: .dim)] + figures.dropFirst(5),
                         in: area.row(row))
        } else {
            buffer.write(figures, in: area.row(row))
        }
        row += 1
        let idLabel = area.width >= 48 ? "Request ID " : ""
        buffer.write([TextSpan(idLabel, role: .dim), TextSpan(result.requestID, role: .dim)], in: area.row(row))
        let body = area.inset(top: row + 2)
        let sideBySide = body.width >= 100
        let (responseArea, logArea): (Rect, Rect)
        if sideBySide {
            let (left, right) = body.splitLeft(body.width * 2 / 5)
            (responseArea, logArea) = (left.inset(right: 1), right.inset(left: 1))
        } else {
            // The response takes the rows it needs (at most half), the log the rest.
            let needed = prettyJSON(result.payload).split(separator: "\n", omittingEmptySubsequences: false).count + 1
            let (top, bottom) = body.splitTop(min(max(3, body.height / 2), max(3, needed)))
            (responseArea, logArea) = (top, bottom.inset(top: 1))
        }
        buffer.write("Response", in: responseArea.row(0), role: .title)
        drawJSON(&buffer, result.payload, in: responseArea.inset(top: 1))
        buffer.write("Log output (this request)", in: logArea.row(0), role: .title)
        let logLines = logArea.inset(top: 1)
        if result.logLines.isEmpty {
            buffer.write("No log lines: the execution role can't write logs.", in: logLines.row(0), role: .dim)
        }
        // Long lines wrap (up to three rows each); the end of the output matters most, so the last rows are kept.
        var rows: [TextSpan] = []
        for line in result.logLines {
            let role: StyleRole = LogLineStyle.isPlatformLine(line) ? .dim : .normal
            var wrapped = TextWrap.lines(line, width: max(8, logLines.width))
            if wrapped.count > 3 {
                wrapped = Array(wrapped.prefix(3))
                wrapped[2] = wrapped[2].truncated(toWidth: max(1, logLines.width - 1), ellipsis: "") + "…"
            }
            rows += wrapped.map { TextSpan($0, role: role) }
        }
        for (offset, row) in rows.suffix(logLines.height).enumerated() {
            buffer.write([row], in: logLines.row(offset))
        }
    }

    /// JSON pretty-printed (when it parses) and coloured; a line too long for the area wraps, indented,
    /// and a last row that cannot show everything ends in "…".
    static func drawJSON(_ buffer: inout ScreenBuffer, _ text: String, in area: Rect) {
        guard area.width > 4, area.height > 0 else { return }
        let pretty = prettyJSON(text)
        var rows: [[TextSpan]] = []
        for spans in SyntaxHighlighter.highlight(pretty, language: .json) {
            rows += wrap(spans, width: area.width)
        }
        let cut = rows.count > area.height
        for (offset, spans) in rows.prefix(area.height).enumerated() {
            let last = offset == area.height - 1 && cut
            buffer.write(last ? truncated(spans, toWidth: area.width - 1) + [TextSpan("…", role: .dim)] : spans,
                         in: area.row(offset))
        }
    }

    /// The spans cut to `width` cells.
    static func truncated(_ spans: [TextSpan], toWidth width: Int) -> [TextSpan] {
        var result: [TextSpan] = []
        var used = 0
        for span in spans {
            let piece = span.text.prefix(fittingWidth: max(0, width - used))
            if !piece.isEmpty { result.append(TextSpan(piece, role: span.role)) }
            used += piece.displayWidth
            if used >= width { break }
        }
        return result
    }

    /// Splits a line of spans into rows of `width` cells; continuation rows start two cells in.
    static func wrap(_ spans: [TextSpan], width: Int) -> [[TextSpan]] {
        guard spans.displayWidth > width else { return [spans] }
        var rows: [[TextSpan]] = []
        var current: [TextSpan] = []
        var used = 0
        for span in spans {
            var text = Substring(span.text)
            while !text.isEmpty {
                let room = width - used
                let taken = String(text).prefix(fittingWidth: room)
                if taken.isEmpty {
                    rows.append(current)
                    current = [TextSpan("  ")]
                    used = 2
                    continue
                }
                current.append(TextSpan(String(taken), role: span.role))
                used += String(taken).displayWidth
                text = text.dropFirst(taken.count)
            }
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    static func prettyJSON(_ text: String) -> String {
        JSONLayout.pretty(text) ?? text
    }
}
