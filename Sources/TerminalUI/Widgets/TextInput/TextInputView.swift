/// Draws a text field on one line, scrolled so the cursor is visible.
public struct TextInputView: Widget {
    public var state: TextInputState
    public var focused: Bool
    /// Dim text shown when the field is empty.
    public var placeholder: String
    /// Shows `•` for every character (secret keys).
    public var secure: Bool

    public init(state: TextInputState, focused: Bool = true, placeholder: String = "", secure: Bool = false) {
        self.state = state
        self.focused = focused
        self.placeholder = placeholder
        self.secure = secure
    }

    public func render(into buffer: inout ScreenBuffer) {
        let field = buffer.bounds.row(0)
        guard field.width > 0 else { return }
        let role: StyleRole = focused ? .inputFocused : .input
        buffer.fill(field, role: role)
        if state.isEmpty, !placeholder.isEmpty {
            buffer.write(placeholder, in: field.inset(left: 1), role: .placeholder)
        }
        let shown = secure ? state.characters.map { _ in Character("•") } : state.characters
        let left = state.scrollOffset(width: field.width)
        var column = 0
        for character in shown {
            let w = character.displayWidth
            defer { column += w }
            if column < left {
                // A wide character cut by the left edge shows as a blank.
                if column + w > left { buffer.put(" ", at: Point(x: field.x, y: field.y), role: role) }
                continue
            }
            if column - left + w > field.width { break }
            buffer.put(character, at: Point(x: field.x + column - left, y: field.y), role: role)
        }
        guard focused else { return }
        let cursorColumn = DisplayWidth.of(String(shown[..<state.cursor])) - left
        let cursorPoint = Point(x: field.x + cursorColumn, y: field.y)
        buffer.setCursor(cursorPoint)
        if cursorColumn < field.width { buffer.setRole(.inputCursor, in: Rect(origin: cursorPoint, size: Size(width: 1, height: 1))) }
    }
}
