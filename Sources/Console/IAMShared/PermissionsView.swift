import TerminalUI

/// Draws a user's, group's or role's permissions: the policies, then the selected one's document.
enum PermissionsView {
    static func documentLines(_ permission: EntityPermission?) -> [[TextSpan]] {
        permission?.document.map(PolicyDocumentLines.lines) ?? []
    }

    /// How many rows the list takes in `content` (its header included), leaving the rest to the document.
    static func listHeight(count: Int, content: Rect) -> Int {
        min(max(1, count), max(3, content.height / 3)) + 1
    }

    static func draw(_ buffer: inout ScreenBuffer, _ permissions: [EntityPermission], index: Int, scroll: Int, focused: Bool,
                     owner: String, list: Rect, document: Rect, content: Rect) {
        guard !permissions.isEmpty else {
            let message = "No permissions: the \(owner) may do nothing. Press a to attach a managed policy, i to add an inline policy."
            IAMDetailParts.drawWrapped(&buffer, message, in: content)
            return
        }
        let typeWidth = 17
        buffer.write("Policy name".padded(toWidth: max(0, list.width - typeWidth)) + "Type", in: list.row(0), role: .header, fill: true)
        let rows = list.inset(top: 1)
        let top = min(max(0, index - rows.height + 1), max(0, permissions.count - rows.height))
        for (line, position) in (top..<min(permissions.count, top + rows.height)).enumerated() {
            let permission = permissions[position]
            let row = rows.row(line)
            let role: StyleRole = position == index ? (focused ? .selection : .selectionInactive) : .normal
            buffer.fill(row, role: role)
            let (name, type) = row.splitRight(typeWidth)
            buffer.write(" " + permission.name, in: name, role: role)
            buffer.write(permission.typeTitle, in: type, role: role)
        }
        if top + rows.height < permissions.count {
            buffer.write("↓", in: Rect(x: rows.maxX - 1, y: rows.maxY - 1, width: 1, height: 1), role: .scrollIndicator)
        }
        guard permissions.indices.contains(index) else { return }
        let selected = permissions[index]
        let lines = documentLines(selected)
        let hint = selected.isInline ? "e edits as JSON · x deletes" : "x detaches · edit it in :policies"
        drawDocumentHeading(&buffer, "\(selected.name) · \(selected.typeTitle) · \(hint)", lines: lines.count, scroll: scroll,
                            height: document.height, in: Rect(x: list.x, y: list.maxY, width: list.width, height: 1))
        if selected.document == nil {
            buffer.write("The document could not be read.", in: document.row(0), role: .dim)
        }
        PolicyDocumentLines.draw(&buffer, lines, scroll: scroll, in: document)
    }

    /// "─ title ─── lines 1–20 of 60 · PgDn".
    static func drawDocumentHeading(_ buffer: inout ScreenBuffer, _ text: String, lines: Int, scroll: Int, height: Int,
                                    in row: Rect) {
        var position = ""
        if lines > height, height > 0 {
            position = " \(scroll + 1)–\(min(lines, scroll + height)) of \(lines) "
        }
        let (left, right) = row.splitRight(position.displayWidth)
        buffer.write("─ " + text + " ", in: left, role: .dim)
        buffer.write(position, in: right, role: .dim)
    }
}
