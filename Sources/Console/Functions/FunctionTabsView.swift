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

    static func drawConfiguration(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, python: String?,
                                  sandbox: WorkerSandboxStatus?, in area: Rect) {
        guard detail.configuration != nil else {
            buffer.write("Loading…", in: area.row(0), role: .dim)
            return
        }
        let rows = configurationRows(detail, python: python, sandbox: sandbox)
        let labelWidth = 16
        let visible = max(1, area.height - 1)
        let top = min(detail.configurationScroll, max(0, rows.count - visible))
        for (y, (label, value)) in rows.dropFirst(top).prefix(visible).enumerated() {
            buffer.write(label, in: Rect(x: area.x, y: area.y + y, width: labelWidth, height: 1), role: .fieldLabel)
            buffer.write(value, in: Rect(x: area.x + labelWidth, y: area.y + y, width: max(0, area.width - labelWidth), height: 1))
        }
        if rows.count > visible {
            let hint = top + visible < rows.count ? "↓ j for more" : "↑ k for the top"
            buffer.write(hint, in: area.row(area.height - 1), alignment: .right, role: .dim)
        }
    }

    /// The Configuration tab's label–value rows (the reducer counts them to bound scrolling).
    static func configurationRows(_ detail: FunctionDetailState, python: String?, sandbox: WorkerSandboxStatus?) -> [(String, String)] {
        guard let c = detail.configuration else { return [] }
        var rows: [(String, String)] = [
            ("Runtime", c.runtime + (python.map { " (runs on the local \($0))" } ?? "")),
        ]
        if let sandbox {
            rows.append(("Isolation", sandbox.isAvailable
                ? "sandboxed (own /tmp; sees only its code)"
                : "not sandboxed: no Landlock on this system"))
        }
        rows += [
            ("Handler", c.handler),
            ("Memory", "\(c.memorySize) MB"),
            ("Ephemeral /tmp", "\(c.ephemeralStorageSize) MB"),
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
            ("Versions", (["$LATEST"] + detail.versions).joined(separator: " · ") + (detail.versions.isEmpty ? "  (p publishes one)" : "")),
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
        return rows
    }

    private static func timeoutText(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) s" : "\(seconds) s (\(seconds / 60) min \(seconds % 60) s)"
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
        // A delivery too wide for one row puts its outcome (a failure's reason, whole) on the rows under it.
        var y = 1
        for delivery in detail.deliveries where y < list.height {
            for row in deliveryRows(delivery, width: list.width) where y < list.height {
                buffer.write(row, in: list.row(y))
                y += 1
            }
        }
    }

    static func deliveryRows(_ d: S3EventDelivery, width: Int) -> [[TextSpan]] {
        let spans = deliverySpans(d)
        guard spans.displayWidth > width, let outcome = spans.last else { return [spans] }
        let indent = 10
        var rows = [Array(spans.dropLast()).truncated(toWidth: width)]
        for line in TextWrap.lines(outcome.text, width: max(8, width - indent)) {
            rows.append([TextSpan(String(repeating: " ", count: indent)), TextSpan(line, role: outcome.role)])
        }
        return rows
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
                record.status == .running ? "…" : String(format: "%.2f ms", record.durationMs),
                record.status == .running ? "" : "\(record.maxMemoryUsedMB) MB",
                record.status == .running ? "" : record.initDurationMs.map { String(format: "%.0f ms", $0) } ?? "warm",
            ], role: record.status.styleRole)
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
            buffer.write(line, in: area.row(area.height - 1), role: record.status.styleRole ?? .dim)
        }
    }
}
