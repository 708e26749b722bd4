/// Draws a confirmation: the message, the name typed so far, and the buttons.
public struct ConfirmationView: Widget {
    public var state: ConfirmationState

    public init(state: ConfirmationState) {
        self.state = state
    }

    /// The most lines of message shown; a longer one ends in "…" on the last.
    static let maxMessageLines = 8

    /// The modal size this confirmation wants: wide enough for the message and the buttons.
    public static func preferredSize(for state: ConfirmationState) -> Size {
        let buttons = buttonSpans(for: state).displayWidth
        let width = min(72, max(40, buttons, state.message.displayWidth))
        let messageLines = min(maxMessageLines, TextWrap.lines(state.message, width: width).count)
        let typedRows = state.requireTypedName ? 3 : 0
        return Modal<ConfirmationView>.size(forContent: Size(width: width, height: messageLines + 1 + typedRows + 1))
    }

    /// The confirmation framed as a modal, ready to render over a screen.
    public var modal: Modal<ConfirmationView> {
        Modal(title: state.title, size: Self.preferredSize(for: state), content: self)
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let lines = TextWrap.lines(state.message, width: area.width)
        let room = min(Self.maxMessageLines, max(1, area.height - (state.requireTypedName ? 5 : 2)))
        var y = 0
        for (index, line) in lines.prefix(room).enumerated() {
            let cut = index == room - 1 && lines.count > room
            buffer.write(cut ? line.truncated(toWidth: max(1, area.width - 1), ellipsis: "") + "…" : line, in: area.row(y), role: .normal)
            y += 1
        }
        y += 1
        if state.requireTypedName {
            buffer.write([TextSpan("Type "), TextSpan(state.resourceName, role: .warning),
                          TextSpan(" to confirm:")], in: area.row(y))
            buffer.render(TextInputView(state: state.typed, focused: true), in: area.row(y + 1))
            y += 3
        }
        buffer.write(Self.buttonSpans(for: state), in: area.row(min(y, area.height - 1)))
    }

    private static func buttonSpans(for state: ConfirmationState) -> [TextSpan] {
        let confirm = TextSpan("[ \(state.confirmLabel) ]", role: state.canConfirm ? .error : .dim)
        let keys = state.requireTypedName ? "Enter confirms · Esc cancels" : "y/Enter confirms · n/Esc cancels"
        return [confirm, TextSpan("  "), TextSpan("[ Cancel ]", role: .button), TextSpan("  "), TextSpan(keys, role: .dim)]
    }
}
