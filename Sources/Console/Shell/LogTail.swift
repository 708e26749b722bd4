import CloudEngine
import Foundation
import TerminalUI

/// The docked log pane's content: the newest events of the log groups it follows, as they arrive.
///
/// It follows the open function's group (`/aws/lambda/NAME`), or every function's group when none is open,
/// so an upload in Buckets shows the triggered function's output without leaving the panel.
public struct LogTailState: Sendable {
    /// The group-name prefix followed; nil until the pane is first shown.
    public var prefix: String?
    public var lines: [LogTailLine] = []
    /// The last event seen, so the next read asks only for newer ones.
    public var lastID: Int64?
    public var loaded = false
    public var error: ConsoleError?
    /// A read is on its way; changes that arrive meanwhile ask again when it lands.
    public var reading = false
    public var readAgain = false
    /// Long lines wrap onto more rows (`w` in the pane); else they end in `…`.
    public var wraps = false

    /// Lines kept: older ones scroll away.
    public static let capacity = 500

    public init() {}

    public mutating func append(_ events: [LiveLogEvent]) {
        for item in events {
            let source = item.group.hasPrefix(Self.functionGroupPrefix)
                ? String(item.group.dropFirst(Self.functionGroupPrefix.count)) : item.group
            let parts = item.event.message.replacingOccurrences(of: "\t", with: "  ")
                .split(separator: "\n", omittingEmptySubsequences: false)
            let trimmed = parts.count > 1 && parts.last == "" ? parts.dropLast() : parts[...]
            for (index, part) in trimmed.enumerated() {
                lines.append(LogTailLine(timestamp: index == 0 ? item.event.timestamp : 0, source: source, message: String(part)))
            }
            lastID = max(lastID ?? 0, item.event.id)
        }
        if lines.count > Self.capacity { lines.removeFirst(lines.count - Self.capacity) }
    }

    static let functionGroupPrefix = "/aws/lambda/"
}

/// One line of the log pane.
public struct LogTailLine: Sendable, Hashable {
    public var timestamp: Int64
    /// The function (or group) that wrote it.
    public var source: String
    public var message: String
}

/// What the log pane does with actions: start following, read what is new, and take the answers.
enum LogTailReducer {
    /// The prefix the pane should follow for what is on screen now.
    static func wantedPrefix(_ s: ConsoleState) -> String {
        s.service.panel?.logGroupPrefix(s) ?? LogTailState.functionGroupPrefix
    }

    /// Run after every action: when the pane is shown and should follow something else, start over.
    static func sync(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard s.logPane.isVisible else { return [] }
        let wanted = wantedPrefix(s)
        guard s.logTail.prefix != wanted else { return [] }
        s.logTail = LogTailState()
        s.logTail.prefix = wanted
        s.logTail.reading = true
        return [.tailLogs(prefix: wanted, afterID: nil)]
    }

    /// New log events were written somewhere: read them if the pane shows that kind.
    static func logsChanged(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard s.logPane.isVisible, let prefix = s.logTail.prefix else { return [] }
        if s.logTail.reading {
            s.logTail.readAgain = true
            return []
        }
        s.logTail.reading = true
        return [.tailLogs(prefix: prefix, afterID: s.logTail.lastID ?? 0)]
    }

    static func loaded(_ s: inout ConsoleState, prefix: String, events: [LiveLogEvent]) -> [ConsoleEffect] {
        guard s.logTail.prefix == prefix else { return [] }
        s.logTail.reading = false
        s.logTail.loaded = true
        s.logTail.error = nil
        // A prefix ending in "/" follows every group under it; otherwise it names one group ("/aws/lambda/fn" is not "fnx").
        let wanted = prefix.hasSuffix("/") ? events : events.filter { $0.group == prefix }
        s.logTail.append(wanted)
        if let last = events.last?.event.id { s.logTail.lastID = max(s.logTail.lastID ?? 0, last) }
        if s.logTail.readAgain {
            s.logTail.readAgain = false
            return logsChanged(&s)
        }
        return []
    }

    static func failed(_ s: inout ConsoleState, prefix: String, error: ConsoleError) -> [ConsoleEffect] {
        guard s.logTail.prefix == prefix else { return [] }
        s.logTail.reading = false
        s.logTail.loaded = true
        s.logTail.error = error
        return []
    }
}

/// Draws the log pane's inside: the newest lines that fit, each with its time and the function that wrote it.
struct LogTailView: Widget {
    var state: LogTailState

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        if let error = state.error {
            buffer.write("✗ " + error.description, in: area.row(0), role: .error)
            return
        }
        guard state.loaded else {
            buffer.write("Reading the logs…", in: area.row(0), role: .dim)
            return
        }
        if state.lines.isEmpty {
            let what = state.prefix.map { $0 == LogTailState.functionGroupPrefix ? "any function" : $0 } ?? "functions"
            buffer.write("Waiting for log events from \(what). Invoke a function or upload to a bucket with a trigger.",
                         in: area.row(0), role: .dim)
            return
        }
        // Narrow panes drop the milliseconds; a pane following one function leaves out its name.
        let narrow = area.width < 100
        let showSource = state.prefix?.hasSuffix("/") ?? true
        let sourceWidth = min(18, max(6, state.lines.suffix(area.height).map(\.source.count).max() ?? 6))
        // The newest lines fill the pane from the bottom; a wrapped line takes as many rows as it needs.
        var rows: [[TextSpan]] = []
        for line in state.lines.reversed() where rows.count < area.height {
            var stamp = line.timestamp > 0 ? ConsoleFormat.logTime(milliseconds: line.timestamp) : String(repeating: " ", count: 12)
            if narrow { stamp = String(stamp.prefix(8)) }
            let role: StyleRole = LogLineStyle.isPlatformLine(line.message) ? .dim
                : line.message.contains("[ERROR]") || line.message.hasPrefix("Traceback") ? .logError : .normal
            var head = [TextSpan(stamp + " ", role: .logTimestamp)]
            if showSource {
                head.append(TextSpan(line.source.truncated(toWidth: sourceWidth)
                    .padding(toLength: sourceWidth, withPad: " ", startingAt: 0) + " ", role: .info))
            }
            let indent = head.displayWidth
            let room = max(1, area.width - indent)
            guard state.wraps, line.message.displayWidth > room else {
                rows.append((head + [TextSpan(line.message, role: role)]).truncated(toWidth: area.width))
                continue
            }
            let pieces = TextWrap.lines(line.message, width: room)
            let continuation = TextSpan(String(repeating: " ", count: indent))
            for (index, piece) in pieces.enumerated().reversed() where rows.count < area.height {
                rows.append((index == 0 ? head : [continuation]) + [TextSpan(piece, role: role)])
            }
        }
        for (offset, spans) in rows.reversed().enumerated() {
            buffer.write(spans, in: area.row(offset))
        }
    }
}
