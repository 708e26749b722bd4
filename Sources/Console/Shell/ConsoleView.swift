import Foundation
import TerminalUI

/// Draws the whole console from its state: a pure function, no clock, no I/O.
public enum ConsoleView {
    public static func render(_ state: ConsoleState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        guard state.fitsScreen else {
            buffer.render(TooSmallScreen(), in: buffer.bounds)
            return buffer
        }
        let layout = ConsoleLayout(state)
        drawHeader(&buffer, state, layout.app.header)
        drawSidebar(&buffer, state, layout.app.sidebar)
        drawMain(&buffer, state, layout)
        drawLogPane(&buffer, state, layout.app.docked)
        let table = ConsoleBindings.table(for: state)
        if case .commandLine(let input) = state.overlay {
            drawCommandLine(&buffer, input, layout)
        } else {
            buffer.render(KeyHintBar(table: table), in: layout.app.footer)
        }
        if state.focus == .main { state.service.panel?.drawOverlays(&buffer, state, layout) }
        buffer.render(ToastView(toasts: state.toasts), in: layout.app.main.inset(bottom: 2))
        if case .messages(let scroll) = state.overlay {
            buffer.render(MessagesOverlay(messages: state.messages.map { (ConsoleFormat.clockTime($0.time), $0.toast) },
                                          scroll: scroll), in: buffer.bounds)
        }
        if case .help(let scroll) = state.overlay {
            buffer.render(HelpOverlay(title: ConsoleBindings.helpTitle(for: state), table: table, scroll: scroll),
                          in: buffer.bounds)
        }
        return buffer
    }

    // MARK: - Chrome

    private static func drawHeader(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ rect: Rect) {
        buffer.fill(rect, role: .statusBar)
        let left: [TextSpan] = [
            TextSpan(" Overcast ", role: .title),
            TextSpan(" account \(state.accountID) · \(state.region) · as \(state.identity.label) · ", role: .statusBar),
        ]
        let used = left.displayWidth
        var help = " ? help "
        switch state.endpoint {
        case .serving(let url)?:
            // The whole URL where there is room; its port where there is not.
            let port = url.split(separator: ":").last.map { ":" + $0 } ?? url
            help = (rect.width >= 110 ? " ⇄ \(url) ·" : " ⇄ \(port) ·") + help
        case .failed?:
            help = " ⇄ off ·" + help
        case nil:
            break
        }
        let room = max(0, rect.width - used - help.displayWidth)
        let path = state.accountPath.truncatedFromStart(toWidth: room)
        buffer.write(left + [TextSpan(path, role: .statusBar)], in: rect)
        buffer.write(help, in: rect, alignment: .right, role: .statusBar)
    }

    private static func drawSidebar(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ rect: Rect) {
        guard rect.width > 2 else { return }
        let focused = state.focus == .sidebar
        buffer.drawBox(rect, role: focused ? .borderFocused : .border, title: "Services")
        let inner = rect.inset(by: 1)
        for (index, service) in ConsoleService.allCases.enumerated() where index < inner.height {
            let row = inner.row(index)
            let isCurrent = service == state.service
            let isCursor = focused && index == state.sidebarSelection
            let role: StyleRole = isCursor ? .sidebarSelected : isCurrent ? .selectionInactive
                : service.isAvailable ? .sidebar : .dim
            let marker = service.isAvailable ? "" : " ·"
            buffer.write(" " + service.title + marker, in: row, role: role, fill: isCursor || isCurrent)
        }
        let note = inner.height - 1
        if note > ConsoleService.allCases.count, ConsoleService.allCases.contains(where: { !$0.isAvailable }) {
            buffer.write(" · coming soon", in: inner.row(note), role: .dim)
        }
    }

    private static func drawMain(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        let focused = state.focus == .main
        guard let panel = state.service.panel else {
            buffer.drawBox(layout.app.main, role: focused ? .borderFocused : .border, title: state.service.title)
            buffer.render(Breadcrumb([state.service.awsService, state.service.title]), in: layout.breadcrumb.inset(left: 1))
            let area = layout.body.inset(left: 1, right: 1)
            for (index, line) in TextWrap.lines(state.service.unavailableMessage, width: area.width).enumerated() {
                buffer.write(line, in: area.row(index + 1), role: .info)
            }
            return
        }
        buffer.drawBox(layout.app.main, role: focused ? .borderFocused : .border, title: panel.title(state))
        panel.drawPanel(&buffer, state, layout)
        drawStatusLine(&buffer, state, panel, layout.status)
    }

    private static func drawStatusLine(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ panel: any ConsolePanel.Type,
                                       _ rect: Rect) {
        if let input = state.filterInput {
            buffer.write("/", at: Point(x: rect.x, y: rect.y), role: .keyHint)
            let field = rect.inset(left: 1)
            let (text, hint) = field.splitRight(min(34, field.width / 2))
            buffer.render(TextInputView(state: input, focused: true, placeholder: "type to filter"), in: text)
            buffer.write(" Enter keeps · Esc clears", in: hint, role: .dim)
            return
        }
        buffer.write(panel.statusSpans(state).truncated(toWidth: rect.width), in: rect)
    }

    private static func drawLogPane(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ rect: Rect) {
        LogPaneView.draw(&buffer, state, rect)
    }

    private static func drawCommandLine(_ buffer: inout ScreenBuffer, _ input: TextInputState, _ layout: ConsoleLayout) {
        let footer = layout.app.footer
        buffer.fill(footer)
        buffer.write(":", at: Point(x: footer.x, y: footer.y), role: .keyHint)
        let (field, hint) = footer.inset(left: 1).splitRight(34)
        buffer.render(TextInputView(state: input, focused: true, placeholder: "buckets, s3, functions, q …"), in: field)
        buffer.write("Tab completes · Enter runs · Esc", in: hint, alignment: .right, role: .dim)
        let candidates = CommandCompletion.candidates(for: input.text)
        let line = Rect(x: footer.x, y: footer.y - 1, width: footer.width, height: 1)
        buffer.fill(line, role: .normal)
        var spans: [TextSpan] = [TextSpan(" ")]
        if ActAs.target(of: input.text) != nil {
            spans.append(TextSpan("act as: a user's name, role/NAME (assumed as you are now) or root", role: .dim))
        } else if candidates.isEmpty {
            spans.append(TextSpan("no command starts with “\(input.text)”", role: .error))
        }
        for (index, candidate) in candidates.enumerated() {
            spans.append(TextSpan(candidate, role: index == 0 ? .selection : .normal))
            spans.append(TextSpan("  "))
        }
        buffer.write(spans, in: line)
    }
}
