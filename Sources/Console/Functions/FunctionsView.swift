import CloudEngine
import Foundation
import TerminalUI

/// Draws the Functions panel: the function list, a function's tabs, a log stream, and its dialogs.
enum FunctionsView {
    static let listColumns = [
        TableColumn("Name", width: .flexible(min: 14)),
        TableColumn("Runtime", width: .fixed(10)),
        TableColumn("Memory", width: .fixed(8), alignment: .right),
        TableColumn("Timeout", width: .fixed(7), alignment: .right),
        TableColumn("Last invocation", width: .flexible(min: 12)),
        TableColumn("Last modified", width: .fixed(16)),
    ]

    static func title(_ state: ConsoleState) -> String {
        let f = state.functions
        switch f.screen {
        case .list: return f.loaded ? "Functions (\(f.functions.count))" : "Functions"
        case .function: return "Function \(f.detail?.name ?? "")"
        case .logStream: return "Log stream"
        }
    }

    static func breadcrumb(_ state: ConsoleState) -> [String] {
        var items = ["Lambda", "Functions"]
        if let detail = state.functions.detail {
            items.append(detail.name)
            items.append(detail.tab.title)
        }
        if let view = state.functions.logStream { items.append(view.stream) }
        return items
    }

    // MARK: - Panel

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        buffer.render(Breadcrumb(breadcrumb(state)), in: layout.breadcrumb.inset(left: 1))
        let f = state.functions
        let focused = state.focus == .main && f.modal == nil
        switch f.screen {
        case .list:
            if let error = f.loadError, f.functions.isEmpty {
                buffer.write("✗ " + error.description, in: layout.body.inset(left: 1).row(1), role: .error)
                return
            }
            let empty = "No functions yet. Press n to create one."
            buffer.render(TableView(state: f.table, columns: listColumns, focused: focused,
                                    emptyMessage: f.loaded ? empty : "Loading functions…",
                                    loadingMessage: "Loading functions…"), in: layout.body.inset(left: 1))
        case .function:
            guard let detail = f.detail else { return }
            drawFunction(&buffer, detail, state: state, focused: focused, in: layout.body)
        case .logStream:
            guard let view = f.logStream else { return }
            drawLogStream(&buffer, view, in: layout.body)
        }
    }

    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        let f = state.functions
        var spans: [TextSpan] = [TextSpan(" ")]
        switch f.screen {
        case .list:
            let filter = f.table.query.filter
            if !filter.isEmpty {
                spans += [TextSpan("filter ", role: .dim), TextSpan(filter, role: .match),
                          TextSpan(" · \(f.table.rows.count) of \(f.functions.count) · Esc clears", role: .dim)]
            } else if f.loaded {
                var text = "\(f.functions.count) function\(f.functions.count == 1 ? "" : "s")"
                if let python = f.pythonVersion { text += " · Python runtimes run on the local \(python)" }
                spans.append(TextSpan(text, role: .dim))
            }
        case .function:
            if let arn = f.detail?.configuration?.functionARN { spans.append(TextSpan(arn, role: .link)) }
        case .logStream:
            guard let view = f.logStream else { return spans }
            spans.append(TextSpan(view.group, role: .link))
            spans.append(TextSpan(" · \(Formatting.count(view.lines.count)) line\(view.lines.count == 1 ? "" : "s")", role: .dim))
            if view.follow { spans.append(TextSpan(" · following", role: .success)) }
        }
        return spans
    }

    // MARK: - A function

    private static func drawFunction(_ buffer: inout ScreenBuffer, _ detail: FunctionDetailState, state: ConsoleState,
                                     focused: Bool, in body: Rect) {
        let area = body.inset(left: 1, right: 1)
        drawTabs(&buffer, detail.tab, in: area.row(0))
        let content = area.inset(top: 2)
        if let error = detail.error, detail.configuration == nil {
            buffer.write("✗ " + error.description, in: content.row(0), role: .error)
            return
        }
        switch detail.tab {
        case .code: FunctionTabsView.drawCode(&buffer, detail, in: content)
        case .configuration: FunctionTabsView.drawConfiguration(&buffer, detail, python: state.functions.pythonVersion,
                                                               sandbox: state.functions.sandbox, in: content)
        case .test: FunctionTabsView.drawTest(&buffer, detail, now: state.now, focused: focused, in: content)
        case .triggers: FunctionTabsView.drawTriggers(&buffer, detail, focused: focused, in: content)
        case .invocations: FunctionTabsView.drawInvocations(&buffer, detail, focused: focused, in: content)
        }
    }

    private static func drawTabs(_ buffer: inout ScreenBuffer, _ current: FunctionTab, in row: Rect) {
        var spans: [TextSpan] = []
        let compact = row.width < 72
        for tab in FunctionTab.allCases {
            let label = compact ? " \(tab.rawValue + 1) \(tab.title.prefix(tab == .configuration ? 6 : 11)) "
                : " \(tab.rawValue + 1) \(tab.title) "
            spans.append(TextSpan(label, role: tab == current ? .selection : .dim))
            spans.append(TextSpan(" "))
        }
        buffer.write(spans, in: row)
    }

    // MARK: - Log stream

    private static func drawLogStream(_ buffer: inout ScreenBuffer, _ view: LogStreamState, in body: Rect) {
        let area = body.inset(left: 1, right: 1)
        if let error = view.error {
            buffer.write("✗ " + error.description, in: area.row(0), role: .error)
            return
        }
        guard view.loaded else {
            buffer.write("Loading \(view.stream)…", in: area.row(0), role: .dim)
            return
        }
        if view.lines.isEmpty {
            buffer.write("This stream has no events yet.", in: area.row(0), role: .dim)
            return
        }
        // Which lines belong to the request the view was opened for (between its START and the next START).
        var inRequest = Array(repeating: view.requestID == nil, count: view.lines.count)
        if let id = view.requestID {
            var inside = false
            for (index, line) in view.lines.enumerated() {
                if line.message.hasPrefix("START RequestId: ") { inside = line.message.hasPrefix("START RequestId: \(id)") }
                inRequest[index] = inside
            }
        }
        let stampWidth = LogStreamLayout.stampWidth
        let textWidth = max(8, area.width - stampWidth)
        func rows(_ index: Int) -> [[TextSpan]] {
            let line = view.lines[index]
            let role: StyleRole = LogLineStyle.isPlatformLine(line.message) || !inRequest[index] ? .dim : .normal
            let stamp = line.timestamp > 0 ? ConsoleFormat.logTime(milliseconds: line.timestamp) + "  "
                : String(repeating: " ", count: stampWidth)
            let wrapped = line.message.isEmpty ? [""] : TextWrap.lines(line.message, width: textWidth)
            return wrapped.enumerated().map { offset, text in
                [TextSpan(offset == 0 ? stamp : String(repeating: " ", count: stampWidth), role: .logTimestamp),
                 TextSpan(text, role: role)]
            }
        }
        // Long messages wrap. Following, the newest line sits at the bottom; otherwise `scroll` is the first line shown.
        var shown: [[TextSpan]] = []
        if view.follow {
            var index = view.lines.count - 1
            while index >= 0, shown.count < area.height {
                shown = rows(index) + shown
                index -= 1
            }
            shown = Array(shown.suffix(area.height))
        } else {
            var index = min(view.scroll, view.lines.count - 1)
            while index < view.lines.count, shown.count < area.height {
                shown += rows(index)
                index += 1
            }
        }
        for (offset, spans) in shown.prefix(area.height).enumerated() {
            buffer.write(spans, in: area.row(offset))
        }
    }

    // MARK: - Dialogs

    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        guard let modal = state.functions.modal else { return }
        let area = Rect(x: 0, y: layout.app.header.maxY, width: state.size.width,
                        height: max(0, layout.app.footer.y - layout.app.header.maxY))
        let wide = min(96, max(72, area.width - 16))
        switch modal {
        case .createFunction(let form), .configuration(let form), .addTrigger(let form):
            buffer.render(FormView(state: form).modal(width: wide), in: area)
        case .saveTestEvent(let form, _), .publishVersion(let form):
            buffer.render(FormView(state: form).modal(width: 64), in: area)
        case .confirmDeleteFunction(let confirmation), .confirmDeleteTestEvent(let confirmation, _, _),
             .confirmRemoveTrigger(let confirmation, _, _):
            buffer.render(ConfirmationView(state: confirmation).modal, in: area)
        case .working(let title, let message):
            buffer.render(Modal(title: title, size: Modal<MessageView>.size(forContent: Size(width: 56, height: 1)),
                                content: MessageView(lines: [[TextSpan(message)]])), in: area)
        }
    }
}

/// How log lines are coloured: Lambda's own lines (START, END, REPORT, INIT_START) are dimmed.
enum LogLineStyle {
    static func isPlatformLine(_ message: String) -> Bool {
        message.hasPrefix("START RequestId: ") || message.hasPrefix("END RequestId: ")
            || message.hasPrefix("REPORT RequestId: ") || message.hasPrefix("INIT_START ")
    }
}

/// How a log stream's lines fill the screen once long messages wrap: the reducer and the view agree through it.
enum LogStreamLayout {
    static let stampWidth = 14

    /// The width the messages get in the body.
    static func textWidth(_ layout: ConsoleLayout) -> Int {
        max(8, layout.body.width - 2 - stampWidth)
    }

    /// Screen rows one line takes.
    static func rows(_ line: LogLine, width: Int) -> Int {
        line.message.isEmpty ? 1 : max(1, TextWrap.lines(line.message, width: width).count)
    }

    /// The first line to show so the stream's end fills the body: the largest `scroll` worth scrolling to.
    static func maxTop(_ lines: [LogLine], layout: ConsoleLayout) -> Int {
        let width = textWidth(layout)
        var used = 0
        var index = lines.count
        while index > 0 {
            let next = used + rows(lines[index - 1], width: width)
            if next > layout.body.height { break }
            used = next
            index -= 1
        }
        return index
    }
}
