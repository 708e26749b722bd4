import CloudEngine
import Foundation
import TerminalUI

/// A new access key's id and secret, with the warning that the secret is shown this once.
struct NewKeyView: Widget {
    var key: AccessKey

    /// Wide enough for the secret on one line where the screen allows.
    static func size(in area: Rect) -> Size {
        Modal<NewKeyView>.size(forContent: Size(width: min(56, max(44, area.width - 8)), height: 9))
    }

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let who = key.userName.map { "for \($0)" } ?? "for the root user"
        buffer.write("A new access key \(who), active now.", in: area.row(0))
        buffer.write("Access key ID", in: area.row(2), role: .fieldLabel)
        buffer.write("  " + key.accessKeyID, in: area.row(3), role: .link)
        buffer.write("Secret access key", in: area.row(4), role: .fieldLabel)
        buffer.write("  " + key.secretAccessKey, in: area.row(5), role: .marked)
        buffer.write("Copy it now; it can't be shown again.", in: area.row(7), role: .warning)
        buffer.write([TextSpan("Enter", role: .keyHint), TextSpan(" Done, I have copied it", role: .dim)], in: area.row(8))
    }
}

/// A list of names to choose one from; names that cannot be chosen say why.
struct NameChoiceView: Widget {
    var state: NameChoiceState

    static func size(_ state: NameChoiceState, in area: Rect) -> Size {
        let widest = state.names.map { $0.displayWidth + 12 }.max() ?? 20
        let width = min(max(44, widest, state.title.displayWidth + 4), max(20, area.width - 8))
        return Modal<NameChoiceView>.size(forContent: Size(width: width, height: min(state.names.count, max(3, area.height - 8)) + 2))
    }

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let rows = area.inset(bottom: 2)
        let top = min(max(0, state.cursor - rows.height + 1), max(0, state.names.count - rows.height))
        for (line, index) in (top..<min(state.names.count, top + rows.height)).enumerated() {
            let name = state.names[index]
            let why = state.unavailable[name]
            let role: StyleRole = index == state.cursor ? .selection : why == nil ? .normal : .dim
            let row = rows.row(line)
            buffer.fill(row, role: role)
            let (left, right) = row.splitRight(why == nil ? 0 : (why?.displayWidth ?? 0) + 1)
            buffer.write(" " + name, in: left, role: role)
            if let why { buffer.write(why, in: right, role: role) }
        }
        if top + rows.height < state.names.count {
            buffer.write("↓", in: Rect(x: rows.maxX - 1, y: rows.maxY - 1, width: 1, height: 1), role: .scrollIndicator)
        }
        buffer.write([TextSpan("Enter", role: .keyHint), TextSpan(" Add  ", role: .dim), TextSpan("Esc", role: .keyHint),
                      TextSpan(" Cancel", role: .dim)], in: area.row(area.height - 1))
    }
}
