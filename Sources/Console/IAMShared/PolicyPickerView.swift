import TerminalUI

/// Draws the policy picker: the filter line, the matching policies with marks, and the selected one's document.
struct PolicyPickerView: Widget {
    var state: PolicyPickerState
    /// Shown above the list ("Choose the permissions of reader").
    var heading: String

    /// Rows the list shows in an area of `height` (the filter line, the heading and the column titles take three).
    static func listHeight(_ area: Rect) -> Int {
        let body = max(0, area.height - 3)
        return area.width >= 100 ? body : max(3, body - previewHeight(body))
    }

    private static func previewHeight(_ body: Int) -> Int { max(0, body * 2 / 5) }

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        guard area.height >= 4 else { return }
        buffer.write(heading, in: area.row(0), role: .dim)
        drawFilter(&buffer, area.row(1))
        let body = area.inset(top: 2)
        let wide = area.width >= 100
        let listArea: Rect
        let previewArea: Rect
        if wide {
            (listArea, previewArea) = body.splitLeft(body.width * 3 / 5)
        } else {
            let (top, bottom) = body.splitBottom(Self.previewHeight(body.height))
            (listArea, previewArea) = (top, bottom)
        }
        drawList(&buffer, listArea, showDescription: wide || area.width >= 90)
        drawPreview(&buffer, wide ? previewArea.inset(left: 1) : previewArea)
    }

    private func drawFilter(_ buffer: inout ScreenBuffer, _ row: Rect) {
        let count = state.loaded ? "\(state.visible.count) of \(state.choices.count)" : "loading…"
        let marked = state.marked.isEmpty ? "" : "\(state.marked.count) selected · "
        let summary = " " + marked + count
        let (field, right) = row.splitRight(min(row.width / 2, summary.displayWidth + 1))
        buffer.write("Filter ", in: field, role: .fieldLabelFocused)
        buffer.render(TextInputView(state: state.filter, focused: true, placeholder: "type a name or a word of the description"),
                      in: field.inset(left: 7))
        buffer.write(summary, in: right, alignment: .right, role: .dim)
    }

    private func drawList(_ buffer: inout ScreenBuffer, _ area: Rect, showDescription: Bool) {
        guard area.height > 1 else { return }
        var columns = [TableColumn("Policy name", width: .flexible(min: 16)), TableColumn("Type", width: .fixed(16))]
        if showDescription { columns.append(TableColumn("Description", width: .flexible(min: 12))) }
        let widths = ColumnWidth.layout(columns.map(\.width), total: max(0, area.width - 5))
        var header = "    "
        for (column, width) in zip(columns, widths) { header += column.title.padded(toWidth: width) + " " }
        buffer.write(header, in: area.row(0), role: .header, fill: true)
        let rows = area.inset(top: 1)
        if let error = state.loadError {
            buffer.write("✗ " + error, in: rows.row(0), role: .error)
            return
        }
        guard !state.visible.isEmpty else {
            let message = !state.loaded ? "Loading policies…"
                : state.filterText.isEmpty ? "No managed policies to choose from."
                : "No policy matches “\(state.filterText)”. Backspace widens the search."
            buffer.write(message, in: rows.row(0).inset(left: 4), role: .dim)
            return
        }
        let top = min(max(0, state.cursor - rows.height + 1), max(0, state.visible.count - rows.height))
        for (line, position) in (top..<min(state.visible.count, top + rows.height)).enumerated() {
            let choice = state.choices[state.visible[position]]
            let row = rows.row(line)
            let isCursor = position == state.cursor
            let unavailable = state.unavailable[choice.arn]
            let mark = unavailable != nil ? " ✓  " : state.isMarked(choice.arn) ? "[x] " : "[ ] "
            var cells = [choice.name, unavailable ?? choice.typeTitle]
            if showDescription { cells.append(choice.description ?? "") }
            let role: StyleRole = isCursor ? .selection : unavailable != nil ? .dim : state.isMarked(choice.arn) ? .marked : .normal
            buffer.fill(row, role: role)
            buffer.write(mark, in: Rect(x: row.x, y: row.y, width: 4, height: 1), role: role)
            var x = row.x + 4
            for (cell, width) in zip(cells, widths) {
                buffer.write(cell, in: Rect(x: x, y: row.y, width: width, height: 1), role: role)
                x += width + 1
            }
        }
        if top + rows.height < state.visible.count {
            buffer.write("↓", in: Rect(x: rows.maxX - 1, y: rows.maxY - 1, width: 1, height: 1), role: .scrollIndicator)
        }
    }

    private func drawPreview(_ buffer: inout ScreenBuffer, _ area: Rect) {
        guard area.height > 1, let selected = state.selected else { return }
        buffer.write("─ \(selected.name) ", in: area.row(0), role: .dim)
        let body = area.inset(top: 1)
        guard let document = selected.document else {
            buffer.write("The document could not be read.", in: body.row(0), role: .dim)
            return
        }
        PolicyDocumentLines.draw(&buffer, PolicyDocumentLines.lines(document), scroll: 0, in: body)
    }
}
