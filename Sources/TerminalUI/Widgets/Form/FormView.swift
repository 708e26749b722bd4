/// Draws a form: labels in a column, fields beside them, a message line under each.
///
/// Every field reserves its message line, so the form does not jump when
/// an error appears; the focused field's label is highlighted. When the form
/// is taller than its area (a small terminal), the fields scroll to keep the
/// focused one in view and the buttons stay on the last line.
public struct FormView: Widget {
    public var state: FormState

    public init(state: FormState) {
        self.state = state
    }

    /// The height the form needs: two lines per field, a blank line and the button row.
    public static func height(for state: FormState) -> Int {
        state.fields.count * 2 + 2
    }

    /// The form framed as a modal `width` cells wide.
    public func modal(width: Int = 72) -> Modal<FormView> {
        Modal(title: state.title, size: Modal<FormView>.size(forContent: Size(width: width - 4, height: Self.height(for: state))),
              content: self)
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let labelWidth = min(max(8, (state.fields.map { $0.label.displayWidth }.max() ?? 0) + 1), area.width / 3)
        let window = Self.visibleFields(state, height: area.height)
        for (index, field) in state.fields.enumerated() where window.contains(index) {
            let y = (index - window.lowerBound) * 2
            let focused = index == state.focus
            let (labelRect, fieldRect) = area.row(y).splitLeft(labelWidth + 1)
            buffer.write(field.label, in: labelRect.inset(right: 1), alignment: .right,
                         role: focused ? .fieldLabelFocused : .fieldLabel)
            buffer.withRegion(fieldRect) { region in drawField(field, focused: focused, into: &region) }
            let message = area.row(y + 1).inset(left: labelWidth + 1)
            if let error = state.visibleError(field.id) {
                buffer.write("✗ " + error, in: message, role: .error)
            } else if !field.help.isEmpty {
                buffer.write(field.help, in: message, role: .dim)
            }
        }
        let buttons = area.row(min(state.fields.count * 2 + 1, area.height - 1)).inset(left: labelWidth + 1)
        let submitRole: StyleRole = state.isValid ? .buttonFocused : .button
        var spans = [TextSpan("[ \(state.submitLabel) ]", role: submitRole), TextSpan("  "),
                     TextSpan("[ Cancel ]", role: .button)]
        // The hint goes only where it fits whole: half a hint reads worse than none.
        let hint = TextSpan("   Enter submits · Esc cancels", role: .dim)
        let hidden = state.fields.count - window.count
        let more = TextSpan(hidden > 0 ? "   ↕ \(hidden) more field\(hidden == 1 ? "" : "s") (Tab)" : "", role: .dim)
        let width = spans.reduce(0) { $0 + $1.text.displayWidth }
        if width + more.text.displayWidth + hint.text.displayWidth <= buttons.width { spans.append(hint) }
        spans.append(more)
        buffer.write(spans, in: buttons)
    }

    /// The fields drawn in `height` rows: all of them when they fit; else as many as fit above the button
    /// row, scrolled so the focused one is among them.
    static func visibleFields(_ state: FormState, height: Int) -> Range<Int> {
        let count = state.fields.count
        guard count * 2 + 2 > height else { return 0..<count }
        let fit = max(1, min(count, (height - 2) / 2))
        let first = min(max(0, state.focus - (fit - 1)), count - fit)
        return first..<(first + fit)
    }

    private func drawField(_ field: FormField, focused: Bool, into buffer: inout ScreenBuffer) {
        switch field.kind {
        case .text(let input, let placeholder, let secure):
            TextInputView(state: input, focused: focused, placeholder: placeholder, secure: secure)
                .render(into: &buffer)
        case .choice(let options, let selected):
            let value = options.indices.contains(selected) ? options[selected] : ""
            let role: StyleRole = focused ? .inputFocused : .input
            buffer.write([TextSpan("‹ ", role: focused ? role : .dim), TextSpan(value, role: role),
                          TextSpan(" ›", role: focused ? role : .dim),
                          TextSpan(options.count > 1 ? "  (\(selected + 1)/\(options.count))" : "", role: .dim)],
                         in: buffer.bounds)
        case .checkbox(let checked):
            let role: StyleRole = focused ? .inputFocused : .input
            buffer.write(checked ? "[x]" : "[ ]", at: .zero, role: role)
            if focused { buffer.setCursor(Point(x: 1, y: 0)) }
        }
    }
}
