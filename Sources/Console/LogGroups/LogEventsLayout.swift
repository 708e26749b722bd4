import CloudEngine
import Foundation
import TerminalUI

/// How the events view's entries become screen rows, and where scrolling lands: the reducer and the view agree
/// through it. Rows are worked out only for the entries on the way, so a long window costs nothing to scroll.
struct LogEventsLayout {
    var options: LogViewOptions
    /// The width of the events area.
    var width: Int
    var height: Int
    /// A bar marks the lines of the request the view was opened for.
    var marksRequest: Bool
    /// All of a group's streams: each line says which one.
    var showsStream: Bool

    static let stampWidth = 13
    static let streamWidth = 12

    init(_ state: ConsoleState, _ events: LogEventsState) {
        let area = LogEventsView.area(ConsoleLayout(state))
        options = state.logGroups.options
        width = area.width
        height = max(1, area.height)
        marksRequest = events.requestID != nil
        showsStream = events.source.stream == nil
    }

    var prefixWidth: Int {
        (marksRequest ? 2 : 0) + (options.timestamps ? Self.stampWidth : 0) + (showsStream ? Self.streamWidth + 1 : 0)
    }

    // MARK: - Rows

    func rows(_ s: LogEventsState, _ entry: Int) -> [[TextSpan]] {
        guard s.entries.indices.contains(entry) else { return [] }
        guard case .event(let index, let isMatch) = s.entries[entry] else {
            return [[TextSpan(String(repeating: "┄", count: min(width, 40)), role: .dim)]]
        }
        let event = s.events[index]
        let isContext = !s.pattern.isEmpty && !isMatch
        var result: [[TextSpan]] = []
        for line in messageLines(event.message, isContext: isContext) {
            let text = line.map(\.text).joined()
            let ranges = isMatch ? (s.compiled?.highlightRanges(in: text) ?? []).map { range in
                text.distance(from: text.startIndex, to: range.lowerBound)..<text.distance(from: text.startIndex, to: range.upperBound)
            } : []
            for piece in LogLineSpans.rows(line, highlights: ranges, width: max(8, width - prefixWidth), wraps: options.wraps) {
                result.append(prefix(event, first: result.isEmpty, inRequest: s.requestEvents.contains(event.id),
                                     isMatch: isMatch && !s.pattern.isEmpty) + piece)
            }
        }
        return result
    }

    private func prefix(_ event: OutputLogEvent, first: Bool, inRequest: Bool, isMatch: Bool) -> [TextSpan] {
        var spans: [TextSpan] = []
        if marksRequest { spans.append(TextSpan(inRequest ? "▌ " : "  ", role: .info)) }
        if options.timestamps {
            let stamp = first ? ConsoleFormat.logTime(milliseconds: event.timestamp) + " " : String(repeating: " ", count: Self.stampWidth)
            spans.append(TextSpan(stamp, role: isMatch && first ? .match : .logTimestamp))
        }
        if showsStream {
            let name = first ? event.streamName.suffix(fittingWidth: Self.streamWidth) : ""
            spans.append(TextSpan(name.padded(toWidth: Self.streamWidth) + " ", role: .info))
        }
        return spans
    }

    /// A message as lines of spans: pretty JSON (`J`) coloured, else its own lines, coloured by level.
    func messageLines(_ message: String, isContext: Bool) -> [[TextSpan]] {
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if options.prettyJSON, trimmed.hasPrefix("{") || trimmed.hasPrefix("["), let pretty = JSONLayout.pretty(trimmed) {
            return SyntaxHighlighter.highlight(pretty, language: .json).filter { !$0.isEmpty }
        }
        let role: StyleRole = isContext ? .dim : Self.role(message)
        var parts = message.replacingOccurrences(of: "\t", with: "  ").split(separator: "\n", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        return parts.map { [TextSpan(String($0), role: role)] }
    }

    /// Lambda's own lines dimmed, errors and warnings in their colours, the level read as the live pane reads it.
    static func role(_ message: String) -> StyleRole {
        if LogLineStyle.isPlatformLine(message) { return .dim }
        switch LogLevel.of(message) {
        case .error?: return .logError
        case .warn?: return .logWarn
        default: return .normal
        }
    }

    // MARK: - Scrolling

    /// The top that shows the last entries filling the screen.
    func bottom(_ s: LogEventsState) -> LogEventsPosition {
        var used = 0
        var entry = s.entries.count
        while entry > 0 {
            let count = rows(s, entry - 1).count
            if used + count >= height { return LogEventsPosition(entry: entry - 1, row: used + count - height) }
            used += count
            entry -= 1
        }
        return LogEventsPosition()
    }

    /// `from` moved `lines` rows down (negative: up), within the entries.
    func moved(_ from: LogEventsPosition, by lines: Int, _ s: LogEventsState) -> LogEventsPosition {
        var position = from
        var left = lines
        while left > 0 {
            if position.row + 1 < rows(s, position.entry).count {
                position.row += 1
            } else if position.entry + 1 < s.entries.count {
                position = LogEventsPosition(entry: position.entry + 1, row: 0)
            } else {
                break
            }
            left -= 1
        }
        while left < 0 {
            if position.row > 0 {
                position.row -= 1
            } else if position.entry > 0 {
                position.entry -= 1
                position.row = max(0, rows(s, position.entry).count - 1)
            } else {
                break
            }
            left += 1
        }
        return min(position, bottom(s))
    }

    /// The rows on screen from `top`.
    func visibleRows(_ s: LogEventsState, from top: LogEventsPosition) -> [[TextSpan]] {
        var shown: [[TextSpan]] = []
        var entry = top.entry
        var skip = top.row
        while entry < s.entries.count, shown.count < height {
            shown += rows(s, entry).dropFirst(skip)
            skip = 0
            entry += 1
        }
        return Array(shown.prefix(height))
    }
}
