import CloudEngine
import Foundation
import TerminalUI

/// Draws the docked log pane: its frame and title, then the group picker, or the lines and a status row.
enum LogPaneView {
    static func draw(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let tail = state.logTail
        buffer.drawBox(rect, role: state.focus == .logs ? .borderFocused : .border, title: title(tail))
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 1)
        if let picker = tail.picker {
            buffer.render(LogGroupPickerView(picker: picker), in: inner)
            return
        }
        let status = statusRows(tail, width: inner.width)
        let (body, bottom) = inner.splitBottom(min(status.count, max(0, inner.height - 1)))
        buffer.render(LogPaneLinesView(state: tail), in: body)
        for (offset, row) in status.suffix(bottom.height).enumerated() {
            if case .input(let input) = row {
                let line = bottom.row(offset)
                buffer.write("/", at: Point(x: line.x, y: line.y), role: .keyHint)
                let (field, hint) = line.inset(left: 1).splitRight(min(26, line.width / 3))
                buffer.render(TextInputView(state: input, focused: true, placeholder: "a filter pattern: ERROR -Retry"), in: field)
                buffer.write(" Enter keeps · Esc clears", in: hint, role: .dim)
            } else if case .spans(let spans) = row {
                buffer.write(spans.truncated(toWidth: bottom.width), in: bottom.row(offset))
            }
        }
    }

    /// "Live logs · all functions · paused · 12 new · filter: ERROR".
    static func title(_ tail: LogTailState) -> String {
        var parts = ["Live logs", following(tail)]
        if tail.picker != nil { parts.append("pick the groups to follow") }
        if tail.paused { parts.append("paused · \(tail.unseen) new") }
        if tail.filter.isActive { parts.append("filter: " + tail.filter.text) }
        if tail.wraps { parts.append("wrapping (w)") }
        if tail.expandsJSON { parts.append("JSON expanded (J)") }
        return parts.joined(separator: " · ")
    }

    static func following(_ tail: LogTailState) -> String {
        switch tail.follow {
        case .all: return "following: all groups"
        case .groups(let groups) where groups.count == 1: return "following: " + (groups.first ?? "")
        case .groups(let groups): return "following: \(groups.count) groups"
        case .panel:
            return tail.prefix.map { $0 == LogTailState.functionGroupPrefix ? "all functions" : $0 } ?? "functions"
        }
    }

    enum StatusRow {
        case spans([TextSpan])
        case input(TextInputState)
    }

    /// The rows under the lines: the filter being typed (and why it does not parse), how far back the pane is,
    /// and whether the last read had to sample.
    static func statusRows(_ tail: LogTailState, width: Int) -> [StatusRow] {
        var rows: [StatusRow] = []
        // The whole error, wrapped: its end says where the pattern went wrong.
        if let error = tail.filter.error, tail.filter.input != nil {
            rows += TextWrap.lines("✗ " + error, width: max(10, width)).map { .spans([TextSpan($0, role: .error)]) }
        }
        var notes: [TextSpan] = []
        if !tail.isFollowing, !tail.paused {
            notes.append(TextSpan("\(tail.unseen) new lines ↓", role: .warning))
            notes.append(TextSpan(" G follows", role: .dim))
        }
        if let sample = tail.sampled {
            if !notes.isEmpty { notes.append(TextSpan(" · ", role: .dim)) }
            notes.append(TextSpan("sampled: showing \(Formatting.count(sample.shown)) of \(Formatting.count(sample.total)) events",
                                  role: .warning))
        }
        if !notes.isEmpty { rows.append(.spans(notes)) }
        if let input = tail.filter.input { rows.append(.input(input)) }
        return rows
    }
}
