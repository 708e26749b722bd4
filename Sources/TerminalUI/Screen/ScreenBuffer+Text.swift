extension ScreenBuffer {
    /// Writes `text` on one line from `point`, clipped to `maxWidth` cells; returns the cells used.
    ///
    /// Text never wraps: a view decides where lines break. A wide character
    /// that would cross `maxWidth` is not drawn.
    @discardableResult
    public mutating func write(_ text: String, at point: Point, role: StyleRole = .normal,
                               maxWidth: Int = .max) -> Int {
        var x = point.x
        let limit = maxWidth == .max ? Int.max : point.x + max(0, maxWidth)
        for character in text {
            let w = Self.sanitize(character).1
            if w == 0 { continue }
            if x + w > limit { break }
            put(character, at: Point(x: x, y: point.y), role: role)
            x += w
        }
        return x - point.x
    }

    /// Writes spans one after another on one line; returns the cells used.
    @discardableResult
    public mutating func write(_ spans: [TextSpan], at point: Point, maxWidth: Int = .max) -> Int {
        var used = 0
        for span in spans {
            let room = maxWidth == .max ? Int.max : maxWidth - used
            if room <= 0 { break }
            used += write(span.text, at: Point(x: point.x + used, y: point.y), role: span.role, maxWidth: room)
        }
        return used
    }

    /// Writes `text` aligned in the first row of `field`, truncated with an ellipsis if too wide.
    ///
    /// With `fill` the rest of the field is blanked in `role`, so a row's
    /// background colour runs edge to edge.
    public mutating func write(_ text: String, in field: Rect, alignment: TextAlignment = .left,
                               role: StyleRole = .normal, fill: Bool = false) {
        guard field.width > 0, field.height > 0 else { return }
        if fill { self.fill(field.row(0), role: role) }
        let shown = text.truncated(toWidth: field.width)
        let offset = alignment.offset(textWidth: shown.displayWidth, fieldWidth: field.width)
        write(shown, at: Point(x: field.x + offset, y: field.y), role: role, maxWidth: field.width - offset)
    }

    /// Writes spans aligned in the first row of `field`, cut at the field's edge.
    public mutating func write(_ spans: [TextSpan], in field: Rect, alignment: TextAlignment = .left) {
        guard field.width > 0, field.height > 0 else { return }
        let offset = alignment.offset(textWidth: spans.displayWidth, fieldWidth: field.width)
        write(spans, at: Point(x: field.x + offset, y: field.y), maxWidth: field.width - offset)
    }
}
