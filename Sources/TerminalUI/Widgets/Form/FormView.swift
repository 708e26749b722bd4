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

    /// The height the form needs with one message line per field, a blank line and the button row.
    public static func height(for state: FormState) -> Int {
        state.fields.count * 2 + 2
    }

    /// The height the form needs `width` cells wide: an error too long for its line wraps onto more lines.
    public static func height(for state: FormState, width: Int) -> Int {
        rowHeights(state, width: width).reduce(0, +) + 2
    }

    /// The form framed as a modal `width` cells wide.
    public func modal(width: Int = 72) -> Modal<FormView> {
        Modal(title: state.title,
              size: Modal<FormView>.size(forContent: Size(width: width - 4, height: Self.height(for: state, width: width - 4))),
              content: self)
    }

    /// The most lines an error wraps onto; a longer one ends in `…`.
    static let maxMessageLines = 6

    static func labelWidth(_ state: FormState, width: Int) -> Int {
        min(max(8, (state.fields.map { $0.label.displayWidth }.max() ?? 0) + 1), width / 3)
    }

    /// The lines under a field: its error, wrapped, or its help on one line.
    static func messageLines(_ state: FormState, _ field: FormField, width: Int) -> [String] {
        guard let error = state.visibleError(field.id) else { return [field.help] }
        var lines = TextWrap.lines("✗ " + error, width: max(1, width))
        if lines.count > maxMessageLines {
            lines = Array(lines.prefix(maxMessageLines))
            lines[maxMessageLines - 1] = lines[maxMessageLines - 1].truncated(toWidth: max(1, width - 1)) + "…"
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Rows each field takes: itself and its message lines.
    static func rowHeights(_ state: FormState, width: Int) -> [Int] {
        let messageWidth = width - labelWidth(state, width: width) - 1
        return state.fields.map { 1 + messageLines(state, $0, width: messageWidth).count }
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let labelWidth = Self.labelWidth(state, width: area.width)
        let heights = Self.rowHeights(state, width: area.width)
        let window = Self.visibleFields(state, height: area.height, rowHeights: heights)
        var y = 0
        for (index, field) in state.fields.enumerated() where window.contains(index) {
            let focused = index == state.focus
            let (labelRect, fieldRect) = area.row(y).splitLeft(labelWidth + 1)
            buffer.write(field.label, in: labelRect.inset(right: 1), alignment: .right,
                         role: focused ? .fieldLabelFocused : .fieldLabel)
            buffer.withRegion(fieldRect) { region in drawField(field, focused: focused, into: &region) }
            let isError = state.visibleError(field.id) != nil
            for (offset, line) in Self.messageLines(state, field, width: area.width - labelWidth - 1).enumerated() {
                buffer.write(line, in: area.row(y + 1 + offset).inset(left: labelWidth + 1), role: isError ? .error : .dim)
            }
            y += heights[index]
        }
        let buttons = area.row(min(y + 1, area.height - 1)).inset(left: labelWidth + 1)
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
    /// row, scrolled so the focused one is among them (with the fields before it first).
    static func visibleFields(_ state: FormState, height: Int) -> Range<Int> {
        visibleFields(state, height: height, rowHeights: state.fields.map { _ in 2 })
    }

    static func visibleFields(_ state: FormState, height: Int, rowHeights: [Int]) -> Range<Int> {
        let count = state.fields.count
        let room = height - 2
        guard rowHeights.reduce(0, +) > room, count > 0 else { return 0..<count }
        let focus = min(max(0, state.focus), count - 1)
        var first = focus
        var last = focus
        var used = rowHeights[focus]
        while first > 0, used + rowHeights[first - 1] <= room {
            first -= 1
            used += rowHeights[first]
        }
        while last + 1 < count, used + rowHeights[last + 1] <= room {
            last += 1
            used += rowHeights[last]
        }
        return first..<(last + 1)
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
