import CloudEngine
import Foundation
import TerminalUI

/// The contents of a function's tabs: Code, Configuration, Test, Triggers and Invocations.
enum FunctionTabsView {
    // MARK: - Code

    static func drawCode(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, in area: Rect) {
        guard let file = detail.currentFile else {
            buffer.write(detail.configuration == nil ? "Loading…" : "Loading the code…", in: area.row(0), role: .dim)
            return
        }
        var header = "\(file.path) · \(Formatting.bytes(Int64(file.data.count)))"
        if file.text != nil { header += " · \(file.lineCount) line\(file.lineCount == 1 ? "" : "s")" }
        if detail.files.count > 1 { header += " · file \(detail.fileIndex + 1) of \(detail.files.count) (< >)" }
        if detail.codeColumn > 0 { header += " · from column \(detail.codeColumn + 1) (h)" }
        buffer.write(header, in: area.row(0), role: .dim)
        let code = area.inset(top: 1)
        guard file.text != nil else {
            buffer.write("This file is not UTF-8 text, so it is not shown.", in: code.row(0), role: .warning)
            return
        }
        let gutter = max(3, String(file.lineCount).count) + 1
        for (offset, spans) in file.lines.dropFirst(detail.codeScroll).prefix(code.height).enumerated() {
            let number = String(detail.codeScroll + offset + 1)
            let row = code.row(offset)
            buffer.write(String(repeating: " ", count: gutter - 1 - number.count) + number + " ",
                         in: Rect(x: row.x, y: row.y, width: gutter, height: 1), role: .dim)
            buffer.write(dropping(detail.codeColumn, from: spans), in: row.inset(left: gutter + 1))
        }
    }

    /// The spans without their first `columns` cells (a wide character cut in half becomes a space).
    static func dropping(_ columns: Int, from spans: [TextSpan]) -> [TextSpan] {
        guard columns > 0 else { return spans }
        var skipped = 0
        var result: [TextSpan] = []
        for span in spans {
            if skipped >= columns {
                result.append(span)
                continue
            }
            var text = ""
            for character in span.text {
                if skipped >= columns {
                    text.append(character)
                    continue
                }
                skipped += character.displayWidth
                if skipped > columns { text.append(" ") }
            }
            if !text.isEmpty { result.append(TextSpan(text, role: span.role)) }
        }
        return result
    }

    // MARK: - Configuration

    static func drawConfiguration(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, python: String?, in area: Rect) {
        guard let c = detail.configuration else {
            buffer.write("Loading…", in: area.row(0), role: .dim)
            return
        }
        var rows: [(String, String)] = [
            ("Runtime", c.runtime + (python.map { " (runs on the local \($0))" } ?? "")),
            ("Handler", c.handler),
            ("Memory", "\(c.memorySize) MB"),
            ("Timeout", timeoutText(c.timeout)),
            ("Execution role", c.role),
            ("Description", c.description.isEmpty ? "—" : c.description),
        ]
        if c.environment.isEmpty {
            rows.append(("Environment", "—"))
        } else {
            for (index, key) in c.environment.keys.sorted().enumerated() {
                rows.append((index == 0 ? "Environment" : "", "\(key)=\(c.environment[key] ?? "")"))
            }
        }
        if c.layers.isEmpty {
            rows.append(("Layers", "—"))
        } else {
            for (index, layer) in c.layers.enumerated() { rows.append((index == 0 ? "Layers" : "", layer)) }
        }
        rows += [
            ("Code size", c.codeSize < 1024 ? "\(c.codeSize) bytes"
                : "\(Formatting.bytes(Int64(c.codeSize))) (\(Formatting.count(c.codeSize)) bytes)"),
            ("Code SHA-256", c.codeSHA256),
            ("Last modified", c.lastModifiedText),
            ("State", c.state),
        ]
        // The resource-based policy: who else may invoke the function (S3 triggers add statements here).
        if detail.permissions.isEmpty {
            rows.append(("Resource policy", "none · only IAM identities may invoke it"))
        } else {
            for (index, permission) in detail.permissions.enumerated() {
                var text = "\(permission.principal) may \(permission.action)"
                if let source = permission.sourceARN { text += " from \(source)" }
                if permission.effect == "Deny" { text = "denied: " + text }
                rows.append((index == 0 ? "Resource policy" : "", text))
            }
        }
        let labelWidth = 16
        for (y, (label, value)) in rows.enumerated() where y < area.height - 1 {
            buffer.write(label, in: Rect(x: area.x, y: area.y + y, width: labelWidth, height: 1), role: .fieldLabel)
            buffer.write(value, in: Rect(x: area.x + labelWidth, y: area.y + y, width: max(0, area.width - labelWidth), height: 1))
        }
    }

    private static func timeoutText(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) s" : "\(seconds) s (\(seconds / 60) min \(seconds % 60) s)"
    }

    // MARK: - Test

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
    private static func drawEventList(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, focused: Bool, in area: Rect) {
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

    private static func drawResult(_ buffer: inout ScreenBuffer, _ result: TestResult, in area: Rect) {
        if let error = result.callError {
            buffer.write("✗ The invocation was refused: nothing ran.", in: area.row(0), role: .error)
            for (index, line) in TextWrap.lines(error.description, width: max(10, area.width)).prefix(area.height - 2).enumerated() {
                buffer.write(line, in: area.row(index + 1), role: .error)
            }
            return
        }
        let status = result.succeeded ? TextSpan("✓ Succeeded", role: .success)
            : TextSpan("✗ Failed" + (result.functionError.map { ": \($0)" } ?? ""), role: .error)
        buffer.write([status, TextSpan(" · \(result.eventName) · status \(result.statusCode)", role: .dim)], in: area.row(0))
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

    // MARK: - Triggers

    static let triggerColumns = [
        TableColumn("Bucket", width: .flexible(min: 12)),
        TableColumn("Events", width: .flexible(min: 14)),
        TableColumn("Prefix", width: .flexible(min: 6)),
        TableColumn("Suffix", width: .flexible(min: 6)),
    ]

    static func drawTriggers(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, focused: Bool, in area: Rect) {
        let rows = detail.triggers.enumerated().map { index, trigger in
            TableRow(id: index, cells: [trigger.bucket, trigger.events.joined(separator: ", "),
                                        trigger.prefix ?? "", trigger.suffix ?? ""])
        }
        var table = TableState<Int>(rows: rows)
        table.select(id: detail.triggerIndex, pageSize: max(1, area.height - 1))
        // The triggers on top; below them, what the buckets recently sent and whether it arrived.
        let tableHeight = min(area.height, max(3, detail.triggers.count + 2))
        let (top, rest) = area.splitTop(tableHeight)
        buffer.render(TableView(state: table, columns: triggerColumns, focused: focused,
                                emptyMessage: "No triggers. Press n to have an S3 bucket's events invoke this function.",
                                loadingMessage: "Loading…"), in: top)
        guard rest.height > 2, !detail.triggers.isEmpty else { return }
        let list = rest.inset(top: 1)
        buffer.write("Recent S3 events", in: list.row(0), role: .title)
        if detail.deliveries.isEmpty {
            buffer.write("None yet: upload a matching object to the bucket.", in: list.row(1), role: .dim)
            return
        }
        for (offset, delivery) in detail.deliveries.prefix(list.height - 1).enumerated() {
            buffer.write(deliverySpans(delivery), in: list.row(offset + 1))
        }
    }

    /// `19:39:05  ObjectCreated:Put  bucket/key  ✓ delivered` (or the reason it failed, or when it is tried again).
    static func deliverySpans(_ d: S3EventDelivery) -> [TextSpan] {
        let time = ConsoleFormat.logTime(milliseconds: Int64(d.createdAt.timeIntervalSince1970 * 1000)).prefix(8)
        let bucket = d.bucketARN.replacingOccurrences(of: "arn:aws:s3:::", with: "")
        // S3 encodes a space as "+" and a "+" as %2B: undo the plus first.
        let key = d.eventKey.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? d.eventKey
        var spans = [TextSpan(String(time) + "  ", role: .logTimestamp), TextSpan(d.eventName + "  ", role: .dim),
                     TextSpan(bucket + "/" + key + "  ")]
        switch d.state {
        case .delivered:
            spans.append(TextSpan("✓ delivered", role: .success))
        case .failed:
            spans.append(TextSpan("✗ not delivered: " + (d.lastError ?? "unknown reason"), role: .error))
        case .pending:
            spans.append(TextSpan(d.attempts == 0 ? "… waiting" : "… retrying: " + (d.lastError ?? ""), role: .warning))
        }
        return spans
    }

    // MARK: - Invocations

    static let invocationColumns = [
        TableColumn("Started", width: .fixed(16)),
        TableColumn("Request ID", width: .flexible(min: 10)),
        TableColumn("Status", width: .fixed(8)),
        TableColumn("Duration", width: .fixed(11), alignment: .right),
        TableColumn("Memory", width: .fixed(7), alignment: .right),
        TableColumn("Init", width: .fixed(9), alignment: .right),
    ]

    /// "ID-attempt2" (an Event invocation's retry) reads as "ID (retry 1)".
    static func requestIDText(_ recorded: String) -> String {
        let parts = recorded.components(separatedBy: "-attempt")
        guard parts.count == 2, let attempt = Int(parts[1]) else { return recorded }
        return "\(parts[0]) (retry \(attempt - 1))"
    }

    static func drawInvocations(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, focused: Bool, in area: Rect) {
        let rows = detail.invocations.enumerated().map { index, record in
            TableRow(id: index, cells: [
                ConsoleFormat.dateTime(record.startedAt), requestIDText(record.requestID), record.status.rawValue,
                String(format: "%.2f ms", record.durationMs), "\(record.maxMemoryUsedMB) MB",
                record.initDurationMs.map { String(format: "%.0f ms", $0) } ?? "warm",
            ], role: record.status == .success ? nil : .error)
        }
        var table = TableState<Int>(rows: rows)
        table.select(id: detail.invocationIndex, pageSize: max(1, area.height - 3))
        buffer.render(TableView(state: table, columns: invocationColumns, focused: focused,
                                emptyMessage: "No invocations yet. Invoke it from the Test tab, or add a trigger.",
                                loadingMessage: "Loading…"), in: area.inset(bottom: 2))
        if let record = detail.selectedInvocation, area.height > 4 {
            var line = "\(record.status.rawValue)"
            if let type = record.errorType { line += " · \(type)" }
            if let message = record.errorMessage { line += ": \(message)" }
            if let response = record.responsePreview, record.status == .success { line += " · response \(response)" }
            buffer.write(line, in: area.row(area.height - 1), role: record.status == .success ? .dim : .error)
        }
    }
}
