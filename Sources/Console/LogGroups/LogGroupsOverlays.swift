import CloudEngine
import Foundation
import TerminalUI

/// The Log groups panel's dialogs as drawn: the retention list, confirmations, and the pattern and time lines
/// (those sit on the status line, like the `/` filter, with their problem or hint just above).
enum LogGroupsOverlays {
    static func draw(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        guard let modal = state.logGroups.modal else { return }
        let area = Rect(x: 0, y: layout.app.header.maxY, width: state.size.width,
                        height: max(0, layout.app.footer.y - layout.app.header.maxY))
        switch modal {
        case .retention(let group, let selected):
            let current = state.logGroups.groups.first { $0.name == group }?.group.retentionInDays
            let items = RetentionChoice.options.map { days in
                RetentionChoice.longLabel(days) + (days == current ? "  · current" : "")
            }
            buffer.render(Modal(title: "Retention of \(group)",
                                size: Modal<ListView>.size(forContent: Size(width: 40, height: items.count)),
                                content: ListView(items: items, selected: selected, focused: true, role: .normal,
                                                  selectedRole: .selection)), in: area)
        case .confirmDeleteGroup(let confirmation, _), .confirmDeleteStream(let confirmation, _, _):
            buffer.render(ConfirmationView(state: confirmation).modal, in: area)
        case .pattern(let input, let problem):
            drawLine(&buffer, layout, prompt: " Pattern ", input: input, placeholder: "ERROR -Retry  { $.level = \"ERROR\" }",
                     note: problem.map { ($0, .error) } ?? ("Terms (all must match), \"a phrase\", -term, ?term; "
                        + "{ $.field = value }; [a, b, ..., c = 5*]. Empty shows every event.", .dim))
        case .jump(let input, let problem):
            drawLine(&buffer, layout, prompt: " Jump to ", input: input, placeholder: "10:30",
                     note: problem.map { ($0, .error) } ?? ("Type " + TimeInput.hint + ".", .dim))
        }
    }

    private static func drawLine(_ buffer: inout ScreenBuffer, _ layout: ConsoleLayout, prompt: String, input: TextInputState,
                                 placeholder: String, note: (String, StyleRole)) {
        let line = layout.status
        buffer.fill(line, role: .normal)
        buffer.write(prompt, at: Point(x: line.x, y: line.y), role: .keyHint)
        let (field, hint) = line.inset(left: prompt.displayWidth).splitRight(min(20, line.width / 3))
        buffer.render(TextInputView(state: input, focused: true, placeholder: placeholder), in: field)
        buffer.write(" Enter · Esc cancels", in: hint, role: .dim)
        // The note takes the rows just above, as many as it needs (two at most).
        let width = max(1, layout.body.width)
        let lines = Array(TextWrap.lines(note.0, width: width - 1).prefix(2))
        for (index, text) in lines.enumerated() {
            let row = Rect(x: layout.body.x, y: line.y - lines.count + index, width: width, height: 1)
            buffer.fill(row, role: .normal)
            buffer.write(" " + text, in: row, role: note.1)
        }
    }
}
