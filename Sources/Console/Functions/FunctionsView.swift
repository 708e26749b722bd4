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
        }
    }

    static func breadcrumb(_ state: ConsoleState) -> [String] {
        var items = ["Lambda", "Functions"]
        if let detail = state.functions.detail {
            items.append(detail.name)
            items.append(detail.tab.title)
        }
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
