extension ScreenBuffer {
    /// Draws an outline around `rect`, with an optional title in the top edge.
    ///
    /// The title sits two cells in, padded by a space each side, and is
    /// truncated rather than allowed to overwrite the corners.
    public mutating func drawBox(_ rect: Rect, style: BorderStyle = .single, role: StyleRole = .border,
                                 title: String? = nil, titleRole: StyleRole = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        put(style.topLeft, at: Point(x: rect.minX, y: rect.minY), role: role)
        put(style.topRight, at: Point(x: right, y: rect.minY), role: role)
        put(style.bottomLeft, at: Point(x: rect.minX, y: bottom), role: role)
        put(style.bottomRight, at: Point(x: right, y: bottom), role: role)
        horizontalLine(y: rect.minY, x: rect.minX + 1, width: rect.width - 2, character: style.horizontal, role: role)
        horizontalLine(y: bottom, x: rect.minX + 1, width: rect.width - 2, character: style.horizontal, role: role)
        verticalLine(x: rect.minX, y: rect.minY + 1, height: rect.height - 2, character: style.vertical, role: role)
        verticalLine(x: right, y: rect.minY + 1, height: rect.height - 2, character: style.vertical, role: role)
        if let title, !title.isEmpty, rect.width > 6 {
            let room = rect.width - 6
            let shown = " " + title.truncated(toWidth: room) + " "
            write(shown, at: Point(x: rect.minX + 2, y: rect.minY), role: titleRole)
        }
    }

    /// Draws an outline and blanks its inside; returns the inner rectangle.
    ///
    /// Dialogs and overlays use this so the content underneath does not show through.
    @discardableResult
    public mutating func drawPanel(_ rect: Rect, style: BorderStyle = .single, role: StyleRole = .border,
                                   title: String? = nil, titleRole: StyleRole = .title,
                                   fillRole: StyleRole = .normal) -> Rect {
        fill(rect, role: fillRole)
        drawBox(rect, style: style, role: role, title: title, titleRole: titleRole)
        return rect.inset(by: 1)
    }

    /// Draws a horizontal run of `character` starting at (`x`, `y`).
    public mutating func horizontalLine(y: Int, x: Int, width: Int, character: Character = "─",
                                        role: StyleRole = .border) {
        guard width > 0 else { return }
        for column in x..<(x + width) { put(character, at: Point(x: column, y: y), role: role) }
    }

    /// Draws a vertical run of `character` starting at (`x`, `y`).
    public mutating func verticalLine(x: Int, y: Int, height: Int, character: Character = "│",
                                      role: StyleRole = .border) {
        guard height > 0 else { return }
        for row in y..<(y + height) { put(character, at: Point(x: x, y: row), role: role) }
    }
}
