import Foundation
import TerminalUI

/// How one line becomes screen rows: time, source (function or group, and the stream's short id), then the
/// message coloured by its level; START/END dimmed, REPORT as its figures, JSON compact or indented.
struct LogPaneRowFormat {
    let narrow: Bool
    let showSource: Bool
    let sourceWidth: Int
    let width: Int
    let wraps: Bool
    let expandsJSON: Bool

    init(state: LogTailState, width: Int, lines: [LogTailLine]) {
        self.width = width
        narrow = width < 100
        // A pane following one group leaves its name out.
        showSource = state.groups.map { $0.count != 1 } ?? true
        let widest = lines.map { Self.source($0).count }.max() ?? 6
        sourceWidth = min(narrow ? 18 : 26, max(6, widest))
        wraps = state.wraps
        expandsJSON = state.expandsJSON
    }

    /// `fn·3f2a9c`: the function (or group) and the stream's short id.
    static func source(_ line: LogTailLine) -> String {
        line.stream.isEmpty ? line.source : line.source + "·" + line.stream
    }

    func rows(_ line: LogTailLine) -> [[TextSpan]] {
        var stamp = line.timestamp > 0 ? ConsoleFormat.logTime(milliseconds: line.timestamp) : String(repeating: " ", count: 12)
        if narrow { stamp = String(stamp.prefix(8)) }
        var head = [TextSpan(stamp + " ", role: .logTimestamp)]
        if showSource {
            head.append(TextSpan(Self.source(line).truncated(toWidth: sourceWidth)
                .padding(toLength: sourceWidth, withPad: " ", startingAt: 0) + " ", role: .info))
        }
        let indent = head.displayWidth
        let room = max(1, width - indent)
        let continuation = TextSpan(String(repeating: " ", count: indent))
        let role = line.level?.role ?? .normal
        switch line.kind {
        case .report(let report):
            return [(head + LogReportFormat.spans(report, message: line.message)).truncated(toWidth: width)]
        case .json(let pretty) where expandsJSON:
            return pretty.split(separator: "\n").enumerated().map { index, piece in
                ((index == 0 ? head : [continuation]) + [TextSpan(String(piece), role: role)]).truncated(toWidth: width)
            }
        default:
            let textRole = line.kind == .platform ? StyleRole.dim : role
            guard wraps, line.message.displayWidth > room else {
                return [(head + [TextSpan(line.message, role: textRole)]).truncated(toWidth: width)]
            }
            return TextWrap.lines(line.message, width: room).enumerated().map { index, piece in
                (index == 0 ? head : [continuation]) + [TextSpan(piece, role: textRole)]
            }
        }
    }
}

/// Lambda's REPORT line at a glance: "REPORT 12.34 ms · billed 13 ms · 128 MB max 41 MB · init 180.12 ms",
/// the figures emphasised.
enum LogReportFormat {
    static func spans(_ report: InvocationReport, message: String) -> [TextSpan] {
        var spans = [TextSpan("REPORT ", role: .dim), TextSpan(report.duration, role: .title),
                     TextSpan(" · billed ", role: .dim), TextSpan(report.billedDuration, role: .title)]
        if !report.memorySize.isEmpty {
            spans += [TextSpan(" · " + report.memorySize + " max ", role: .dim), TextSpan(report.maxMemoryUsed, role: .title)]
        }
        if let initDuration = report.initDuration {
            spans += [TextSpan(" · init ", role: .dim), TextSpan(initDuration, role: .title)]
        }
        if message.contains("Status: timeout") {
            spans.append(TextSpan(" · timed out", role: .logError))
        } else if message.contains("Status: error") {
            spans.append(TextSpan(" · failed", role: .logError))
        }
        return spans
    }
}
