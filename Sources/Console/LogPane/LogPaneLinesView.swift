import Foundation
import TerminalUI

/// The pane's lines: the ones that pass the filter, ending at the newest (or, paused or scrolled back, at the
/// line held), each with its time, source and coloured message. Only the lines that fit are looked at, so a
/// frame costs the same with 5 lines kept as with 500.
struct LogPaneLinesView: Widget {
    var state: LogTailState

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        guard area.height > 0 else { return }
        if let error = state.error {
            buffer.write("✗ " + error.description, in: area.row(0), role: .error)
            return
        }
        guard state.loaded else {
            buffer.write("Reading the logs…", in: area.row(0), role: .dim)
            return
        }
        let shown = visibleIndices(limit: area.height)
        if shown.isEmpty {
            buffer.write(emptyText, in: area.row(0), role: .dim)
            return
        }
        let format = LogPaneRowFormat(state: state, width: area.width, lines: shown.map { state.lines[$0] })
        var rows: [[TextSpan]] = []
        for index in shown.reversed() where rows.count < area.height {
            rows = format.rows(state.lines[index]) + rows
        }
        for (offset, spans) in rows.suffix(area.height).enumerated() {
            buffer.write(spans, in: area.row(offset))
        }
    }

    /// Up to `limit` indices of lines that pass the filter, oldest first, ending at the bottom line.
    func visibleIndices(limit: Int) -> [Int] {
        let lines = state.lines
        guard !lines.isEmpty else { return [] }
        var index = state.anchor.flatMap(lines.index(ofSeq:)) ?? lines.count - 1
        var found: [Int] = []
        while index >= 0, found.count < limit {
            if lines[index].matched { found.append(index) }
            index -= 1
        }
        return found.reversed()
    }

    private var emptyText: String {
        if state.filter.isActive { return "No line matches “\(state.filter.text)” yet; / changes the pattern, Esc in it clears." }
        switch state.follow {
        case .all: return "Waiting for log events in any group."
        case .groups(let groups): return "Waiting for log events from the \(groups.count == 1 ? "group" : "\(groups.count) groups") picked (g changes them)."
        case .panel:
            let what = state.prefix.map { $0 == LogTailState.functionGroupPrefix ? "any function" : $0 } ?? "functions"
            return "Waiting for log events from \(what). Invoke a function or upload to a bucket with a trigger."
        }
    }
}
