/// The `?` overlay: every key of the current view, grouped, from its binding table.
///
/// Disabled bindings are listed dimmed with the reason, so the person
/// learns both that the key exists and why it does nothing now.
public struct HelpOverlay: Widget {
    public var title: String
    public var sections: [(group: String, rows: [(keys: String, help: String, disabledReason: String?)])]
    /// How many lines the content is scrolled.
    public var scroll: Int

    public init<Action>(title: String, table: KeyBindingTable<Action>, scroll: Int = 0) {
        self.title = title
        self.sections = table.helpSections.map { section in
            (section.group, section.bindings.map { ($0.keyLabel, $0.help, $0.disabledReason) })
        }
        self.scroll = scroll
    }

    /// The lines of the overlay, before scrolling.
    public var lines: [[TextSpan]] {
        let keyWidth = min(16, (sections.flatMap { $0.rows.map { $0.keys.displayWidth } }.max() ?? 0))
        var result: [[TextSpan]] = []
        for section in sections {
            if !result.isEmpty { result.append([]) }
            if !section.group.isEmpty { result.append([TextSpan(section.group, role: .title)]) }
            for row in section.rows {
                let keys = TextSpan(row.keys.padded(toWidth: keyWidth) + "  ", role: row.disabledReason == nil ? .keyHint : .dim)
                var line = [keys, TextSpan(row.help, role: row.disabledReason == nil ? .normal : .dim)]
                if let reason = row.disabledReason { line.append(TextSpan(" — " + reason, role: .dim)) }
                result.append(line)
            }
        }
        return result
    }

    public func render(into buffer: inout ScreenBuffer) {
        let all = lines
        let size = Size(width: min(buffer.bounds.width - 4, 100), height: min(buffer.bounds.height - 2, all.count + 4))
        let outer = Modal<EmptyWidget>.frame(size: size, in: buffer.bounds)
        let inner = buffer.drawPanel(outer, style: .rounded, role: .modalBorder, title: title)
        let body = inner.inset(top: 1, left: 1, right: 1)
        let top = min(max(0, scroll), max(0, all.count - body.height))
        for (row, line) in all.dropFirst(top).prefix(body.height).enumerated() {
            buffer.write(line.truncated(toWidth: body.width), in: body.row(row))
        }
        let hint = all.count > body.height ? " j/k scroll · Esc close " : " Esc close "
        buffer.write(hint, in: Rect(x: outer.x, y: outer.maxY - 1, width: outer.width - 2, height: 1),
                     alignment: .right, role: .dim)
    }
}
