import TerminalUI

/// The log group picker over the view: how many are ticked and the keys, then every group with its tick box.
struct InsightsPickerView: Widget {
    var picker: InsightsGroupPicker

    static func draw(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        guard let picker = state.insights.picker else { return }
        let widest = picker.groups.map(\.displayWidth).max() ?? 0
        let content = Size(width: min(max(56, widest + 6), 90), height: picker.groups.count + 2)
        buffer.render(Modal(title: "Log groups to query", size: Modal<Self>.size(forContent: content),
                            content: InsightsPickerView(picker: picker)), in: layout.app.main)
    }

    /// Rows of groups the picker shows on this screen: a page for PgUp/PgDn.
    static func visibleRows(_ layout: ConsoleLayout) -> Int {
        // The modal keeps a cell of the panel around it, its border and margin take four, the summary two.
        max(1, layout.app.main.height - 2 - 4 - 2)
    }

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        guard area.height >= 3 else { return }
        if let problem = picker.problem {
            buffer.write("✗ " + problem, in: area.row(0), role: .error)
        } else {
            let count = "\(picker.chosen.count) of \(picker.groups.count) ticked"
            buffer.write("\(count) · Space ticks · Enter queries these", in: area.row(0), role: .dim)
        }
        let rows = area.inset(top: 2)
        let top = min(max(0, picker.cursor - rows.height + 1), max(0, picker.groups.count - rows.height))
        for (line, index) in (top..<min(picker.groups.count, top + rows.height)).enumerated() {
            let group = picker.groups[index]
            let ticked = picker.chosen.contains(group)
            let role: StyleRole = index == picker.cursor ? .selection : ticked ? .marked : .normal
            buffer.write((ticked ? "[x] " : "[ ] ") + group, in: rows.row(line), role: role, fill: true)
        }
        if top > 0 { buffer.write("▲", at: Point(x: rows.maxX - 1, y: rows.y), role: .scrollIndicator) }
        if top + rows.height < picker.groups.count {
            buffer.write("▼", at: Point(x: rows.maxX - 1, y: rows.maxY - 1), role: .scrollIndicator)
        }
    }
}
