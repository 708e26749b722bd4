import CloudEngine
import Foundation

/// One line of the log pane: an event's message, or one line of a multi-line one.
public struct LogTailLine: Sendable, Hashable {
    /// The event's time on its first line; 0 on the lines that continue it.
    public var timestamp: Int64
    /// The function (or group) that wrote it.
    public var source: String
    /// The stream's short id (`[$LATEST]3f2a…` → `3f2a9c`), telling two instances of a function apart.
    public var stream: String
    public var message: String
    /// The level the event states; every line of an event gets the event's.
    public var level: LogLevel?
    public var kind: LogLineKind
    /// The event it came from: the filter matches whole events.
    public var eventID: Int64
    /// Whether the event matches the pane's filter pattern (true when there is none).
    public var matched = true

    public init(timestamp: Int64, source: String, stream: String = "", message: String, level: LogLevel? = nil,
                kind: LogLineKind = .plain, eventID: Int64 = 0) {
        self.timestamp = timestamp
        self.source = source
        self.stream = stream
        self.message = message
        self.level = level
        self.kind = kind
        self.eventID = eventID
    }
}

/// What kind of line it is, which decides how it is drawn.
public enum LogLineKind: Sendable, Hashable {
    case plain
    /// START, END, INIT_START: Lambda's own bookkeeping, dimmed.
    case platform
    /// Lambda's REPORT line, drawn as its figures.
    case report(InvocationReport)
    /// A JSON message, kept on one line; `pretty` is its indented form for the expanded view.
    case json(pretty: String)
}

extension LogTailLine {
    static let functionGroupPrefix = "/aws/lambda/"

    /// The lines an event becomes: JSON stays one line (compacted), anything else splits at newlines, tabs become spaces.
    static func lines(of item: LiveLogEvent, matched: Bool) -> [LogTailLine] {
        let group = item.group
        let source = group.hasPrefix(functionGroupPrefix) ? String(group.dropFirst(functionGroupPrefix.count))
            : group.split(separator: "/").last.map(String.init) ?? group
        let stream = shortStream(item.event.streamName)
        let message = item.event.message
        let level = LogLevel.of(message)
        func line(_ text: String, _ kind: LogLineKind, first: Bool) -> LogTailLine {
            var made = LogTailLine(timestamp: first ? item.event.timestamp : 0, source: source, stream: stream,
                                   message: text, level: level, kind: kind, eventID: item.event.id)
            made.matched = matched
            return made
        }
        if let report = InvocationReport.parse(message) {
            return [line(message.replacingOccurrences(of: "\t", with: "  "), .report(report), first: true)]
        }
        if let json = JSONLayout.oneLine(message) {
            return [line(json.compact, .json(pretty: json.pretty), first: true)]
        }
        let parts = withoutLambdaTimestamp(message).replacingOccurrences(of: "\t", with: "  ")
            .split(separator: "\n", omittingEmptySubsequences: false)
        let trimmed = parts.count > 1 && parts.last == "" ? parts.dropLast() : parts[...]
        let kind: LogLineKind = LogLineStyle.isPlatformLine(message) ? .platform : .plain
        return trimmed.enumerated().map { line(String($0.element), kind, first: $0.offset == 0) }
    }

    /// Lambda's tab format repeats the time the pane already shows (`[INFO]\t2026-01-01T00:00:00.500Z\treq\tmsg`,
    /// `2026-…Z\treq\tINFO\tmsg`): the pane leaves that field out, keeping the level, the request id and the message.
    static func withoutLambdaTimestamp(_ message: String) -> String {
        var fields = message.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, let stamp = fields.prefix(2).firstIndex(where: isISOTime) else { return message }
        fields.remove(at: stamp)
        return fields.joined(separator: "\t")
    }

    private static func isISOTime(_ field: Substring) -> Bool {
        field.count >= 20 && field.count <= 30 && field.first?.isNumber == true && field.last == "Z"
            && field.dropFirst(10).first == "T"
    }

    /// A stream's short id: the first six characters after Lambda's `[$LATEST]`/`[3]`, or the end of the name.
    static func shortStream(_ name: String) -> String {
        if let bracket = name.lastIndex(of: "]") { return String(name[name.index(after: bracket)...].prefix(6)) }
        let last = name.split(separator: "/").last.map(String.init) ?? name
        return String(last.suffix(6))
    }
}
