/// The footer: key hints from the binding table, as many as fit.
///
/// Hints are in table order, which is priority order; those that do not
/// fit are dropped whole (never cut), and `? Help` is kept at the right
/// when it is in the list so the rest can always be found.
public struct KeyHintBar: Widget {
    public var hints: [KeyHint]

    public init(hints: [KeyHint]) {
        self.hints = hints
    }

    public init<Action>(table: KeyBindingTable<Action>) {
        self.init(hints: table.footerHints)
    }

    /// The hints that fit in `width`, in order, with the help hint kept.
    public static func fitting(_ hints: [KeyHint], width: Int) -> [KeyHint] {
        let help = hints.first { $0.key == "?" }
        var rest = hints.filter { $0.key != "?" }
        // The help hint and the two spaces before it.
        var reserved = help.map { entryWidth($0) + 2 } ?? 0
        if reserved > width {
            reserved = 0
        }
        var used = reserved
        var shown: [KeyHint] = []
        while !rest.isEmpty {
            let hint = rest.removeFirst()
            let w = entryWidth(hint) + (shown.isEmpty ? 0 : 2)
            if used + w > width { break }
            used += w
            shown.append(hint)
        }
        if let help, reserved > 0 { shown.append(help) }
        return shown
    }

    public func render(into buffer: inout ScreenBuffer) {
        let line = buffer.bounds.row(0)
        guard line.width > 0 else { return }
        buffer.fill(line, role: .normal)
        let shown = Self.fitting(hints, width: line.width)
        var spans: [TextSpan] = []
        for (index, hint) in shown.enumerated() {
            if index > 0 { spans.append(TextSpan("  ")) }
            spans.append(TextSpan(hint.key, role: hint.isEnabled ? .keyHint : .dim))
            spans.append(TextSpan(" " + hint.label, role: hint.isEnabled ? .keyHintLabel : .dim))
        }
        buffer.write(spans, in: line)
    }

    private static func entryWidth(_ hint: KeyHint) -> Int {
        hint.key.displayWidth + 1 + hint.label.displayWidth
    }
}
