import CloudEngine
import Foundation
import TerminalUI

/// Draws the events view: the rows `LogEventsLayout` makes from the entries, from the top (or the bottom when
/// following), and what its status line says.
enum LogEventsView {
    /// Where the events go in the panel.
    static func area(_ layout: ConsoleLayout) -> Rect {
        layout.body.inset(left: 1, right: 1)
    }

    static func draw(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ view: LogEventsState, in area: Rect) {
        if let error = view.error {
            buffer.write("✗ " + error.description, in: area.row(0), role: .error)
            return
        }
        guard view.loaded else {
            buffer.write("Reading \(view.source.stream ?? view.source.group)…", in: area.row(0), role: .dim)
            return
        }
        if view.events.isEmpty {
            LogGroupsView.writeWrapped(&buffer, view.source.stream == nil ? "This group has no events yet."
                                       : "This stream has no events yet. New ones appear here as they are written.", in: area)
            return
        }
        if view.entries.isEmpty {
            LogGroupsView.writeWrapped(&buffer, "No event matches \(view.pattern) in the \(Formatting.count(view.events.count)) "
                                       + "events read. Press / to change the pattern (empty shows every event).", in: area)
            return
        }
        let layout = LogEventsLayout(state, view)
        let top = view.follow ? layout.bottom(view) : view.top
        for (offset, spans) in layout.visibleRows(view, from: top).enumerated() {
            buffer.write(spans, in: area.row(offset))
        }
    }

    static func status(_ view: LogEventsState, _ options: LogViewOptions) -> [TextSpan] {
        var spans: [TextSpan] = []
        let count = Formatting.count(view.events.count)
        var text = view.events.count == 1 ? "1 event" : "\(count) events"
        if view.full {
            text = "the newest \(count) events (T jumps further back)"
        } else if view.olderToken != nil, view.events.count >= LogEventsState.pageSize {
            text = (view.hasNewer ? "\(count) events" : "the newest \(count) events") + " · scroll up for older"
        }
        if view.hasNewer { text += " · newer below" }
        spans.append(TextSpan(text, role: .dim))
        if !view.pattern.isEmpty {
            spans += [TextSpan(" · filter ", role: .dim), TextSpan(view.pattern, role: .match)]
            if view.matches != nil {
                let found = view.entries.filter { if case .event(_, true) = $0 { return true } else { return false } }.count
                spans.append(TextSpan(": \(found) match\(found == 1 ? "" : "es")\(view.matchesComplete ? "" : "+")", role: .dim))
            } else {
                spans.append(TextSpan(": searching…", role: .dim))
            }
            if options.context > 0 { spans.append(TextSpan(" · ±\(options.context) context", role: .dim)) }
        }
        var flags: [String] = []
        if options.wraps { flags.append("wrap") }
        if options.prettyJSON { flags.append("JSON") }
        if !options.timestamps { flags.append("no times") }
        if view.follow { flags.append("following") }
        if !flags.isEmpty { spans.append(TextSpan(" · " + flags.joined(separator: " · "), role: .dim)) }
        return spans
    }
}
