import TerminalUI

/// The create dialog: the form, then the starting document's first lines, or why the engine refused the document.
struct PolicyCreateView: Widget {
    var form: FormState
    var document: String?
    var problem: DocumentProblem?

    /// The form, a blank line and the problem (or a two-line note), for content `width` cells wide.
    func preferredHeight(width: Int) -> Int {
        FormView.height(for: form) + 1 + (problem.map { problemView($0).preferredHeight(width: width) } ?? 2)
    }

    private func problemView(_ problem: DocumentProblem) -> DocumentProblemView {
        DocumentProblemView(problem: problem, keys: [
            [TextSpan("Enter", role: .keyHint), TextSpan(" edits it again, as you left it")],
        ])
    }

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let formHeight = min(FormView.height(for: form), area.height)
        buffer.render(FormView(state: form), in: Rect(x: area.x, y: area.y, width: area.width, height: formHeight))
        let below = area.inset(top: formHeight + 1)
        guard below.height > 0 else { return }
        if let problem {
            problemView(problem).render(into: &buffer, in: below)
        } else {
            let note = document == nil
                ? "The document opens in $VISUAL or $EDITOR. Save and quit to create the policy; IAM checks it first."
                : "Enter opens your document again; saving creates the policy."
            for (offset, line) in TextWrap.lines(note, width: below.width).prefix(below.height).enumerated() {
                buffer.write(line, in: below.row(offset), role: .dim)
            }
        }
    }
}

/// Why a document was refused: the message, the offending line with a caret under the column, and what to do.
struct DocumentProblemView: Widget {
    var problem: DocumentProblem
    var keys: [[TextSpan]]

    func preferredHeight(width: Int) -> Int {
        min(4, TextWrap.lines(problem.message, width: width).count) + (problem.lineText == nil ? 0 : 2) + 1 + keys.count
    }

    func render(into buffer: inout ScreenBuffer) {
        render(into: &buffer, in: buffer.bounds)
    }

    func render(into buffer: inout ScreenBuffer, in area: Rect) {
        var y = 0
        let message = TextWrap.lines(problem.message, width: area.width)
        let room = max(1, area.height - keys.count - 1 - (problem.lineText == nil ? 0 : 2))
        for (offset, line) in message.prefix(room).enumerated() {
            let cut = offset == room - 1 && message.count > room
            buffer.write(cut ? line + "…" : line, in: area.row(y), role: .error)
            y += 1
        }
        if let text = problem.lineText, let line = problem.line, let column = problem.column {
            let prefix = "\(line) │ "
            // Keep the column in view: long lines are shown from a little before it.
            let width = max(8, area.width - prefix.count)
            let start = max(0, column - 1 - (width - 8))
            var shown = String(text.dropFirst(start))
            if start > 0 { shown = "…" + shown.dropFirst() }
            buffer.write([TextSpan(prefix, role: .dim), TextSpan(shown.truncated(toWidth: width))], in: area.row(y))
            let caret = String(repeating: " ", count: prefix.count + max(0, column - 1 - start)) + "^"
            buffer.write(caret, in: area.row(y + 1), role: .error)
            y += 2
        }
        y += 1
        for spans in keys where y < area.height {
            buffer.write(spans, in: area.row(y))
            y += 1
        }
    }
}
