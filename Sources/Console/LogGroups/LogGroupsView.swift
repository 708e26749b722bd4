import CloudEngine
import Foundation
import TerminalUI

/// Draws the Log groups panel: the group and stream lists, the events (`LogEventsView`), and the dialogs.
enum LogGroupsView {
    /// The rightmost columns give way first: at 80 columns Stored and First event are hidden, so names keep room.
    static let groupColumns = [
        TableColumn("Log group", width: .flexible(min: 28)),
        TableColumn("Retention", width: .fixed(12)),
        TableColumn("Last event", width: .fixed(16)),
        TableColumn("Stored", width: .fixed(9), alignment: .right),
    ]

    static let streamColumns = [
        TableColumn("Log stream", width: .flexible(min: 40)),
        TableColumn("Last event", width: .fixed(16)),
        TableColumn("First event", width: .fixed(16)),
    ]

    static let emptyGroups = "No log groups yet. A function writes to /aws/lambda/NAME the first time it is invoked; "
        + "or make one with aws logs create-log-group --log-group-name NAME (:profile sets up the aws CLI)."

    static func title(_ state: ConsoleState) -> String {
        let l = state.logGroups
        switch l.screen {
        case .groups: return l.loaded ? "Log groups (\(l.groups.count))" : "Log groups"
        case .streams: return (l.streams?.loaded ?? false) ? "Log streams (\(l.streams?.streams.count ?? 0))" : "Log streams"
        case .events: return l.events?.source.stream == nil ? "Log events · all streams" : "Log events"
        }
    }

    static func breadcrumb(_ state: ConsoleState) -> [String] {
        var items = ["CloudWatch Logs", "Log groups"]
        if let group = state.logGroups.streams?.group ?? state.logGroups.events?.source.group { items.append(group) }
        if let events = state.logGroups.events { items.append(events.source.stream ?? "All streams") }
        return items
    }

    // MARK: - Panel

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        buffer.render(Breadcrumb(breadcrumb(state)), in: layout.breadcrumb.inset(left: 1))
        let l = state.logGroups
        let focused = state.focus == .main && l.modal == nil
        switch l.screen {
        case .groups:
            if let error = l.loadError, l.groups.isEmpty {
                buffer.write("✗ " + error.description, in: layout.body.inset(left: 1).row(1), role: .error)
            } else if l.loaded, l.groups.isEmpty {
                writeWrapped(&buffer, emptyGroups, in: layout.body.inset(left: 2, right: 1).inset(top: 1))
            } else {
                buffer.render(TableView(state: l.table, columns: groupColumns, focused: focused,
                                        loadingMessage: "Loading log groups…"), in: layout.body.inset(left: 1))
            }
        case .streams:
            guard let streams = l.streams else { return }
            if let error = streams.error {
                buffer.write("✗ " + error.description, in: layout.body.inset(left: 1).row(1), role: .error)
            } else if streams.loaded, streams.streams.isEmpty {
                writeWrapped(&buffer, "\(streams.group) has no log streams yet. Streams appear when something writes to the "
                             + "group: a function's invocation, or aws logs put-log-events.",
                             in: layout.body.inset(left: 2, right: 1).inset(top: 1))
            } else {
                buffer.render(TableView(state: streams.table, columns: streamColumns, focused: focused,
                                        loadingMessage: "Loading log streams…"), in: layout.body.inset(left: 1))
            }
        case .events:
            guard let events = l.events else { return }
            LogEventsView.draw(&buffer, state, events, in: LogEventsView.area(layout))
        }
    }

    static func writeWrapped(_ buffer: inout ScreenBuffer, _ text: String, in area: Rect, role: StyleRole = .dim) {
        for (index, line) in TextWrap.lines(text, width: area.width).enumerated() where index < area.height {
            buffer.write(line, in: area.row(index), role: role)
        }
    }

    // MARK: - Status line

    /// The line under the panel, cut with … to the panel's width.
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        ([TextSpan(" ")] + status(state.logGroups)).truncated(toWidth: ConsoleLayout(state).status.width)
    }

    private static func status(_ l: LogGroupsState) -> [TextSpan] {
        switch l.screen {
        case .groups:
            return listStatus(filter: l.table.query.filter, shown: l.table.rows.count, total: l.groups.count,
                              noun: ("log group", "log groups"), loaded: l.loaded)
        case .streams:
            guard let streams = l.streams else { return [] }
            var spans = listStatus(filter: streams.table.query.filter, shown: max(0, streams.table.rows.count - 1),
                                   total: streams.streams.count, noun: ("stream", "streams"), loaded: streams.loaded)
            if streams.truncated { spans.append(TextSpan(" · the newest \(streams.streams.count) shown", role: .warning)) }
            if let group = l.groups.first(where: { $0.name == streams.group }) {
                spans.append(TextSpan(" · retention \(RetentionChoice.label(group.group.retentionInDays)) (R)", role: .dim))
            }
            return spans
        case .events:
            return l.events.map { LogEventsView.status($0, l.options) } ?? []
        }
    }

    private static func listStatus(filter: String, shown: Int, total: Int, noun: (String, String), loaded: Bool) -> [TextSpan] {
        guard loaded else { return [] }
        if !filter.isEmpty {
            return [TextSpan("filter ", role: .dim), TextSpan(filter, role: .match),
                    TextSpan(" · \(shown) of \(total) · Esc clears", role: .dim)]
        }
        return [TextSpan("\(total) \(total == 1 ? noun.0 : noun.1)", role: .dim)]
    }
}
