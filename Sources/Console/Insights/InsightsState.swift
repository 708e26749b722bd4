import CloudEngine
import Foundation
import TerminalUI

/// Everything the Logs Insights view shows: the query editor and its history, which log groups and what time
/// range a run covers, the running query, and the last run's records as a table or a chart.
///
/// The editor has the keys while `editing` (text goes into the query; ↑/↓ walk the history); otherwise the
/// results do and the panel's keys work (`e` edits, `s` picks groups, `t` the range, `v` table or chart).
public struct InsightsState: Sendable {
    /// What the editor holds before anything is typed: AWS's own starting query.
    public static let defaultQuery = "fields @timestamp, @message, @logStream, @log | sort @timestamp desc | limit 20"
    /// The engine takes at most 50 groups a query.
    public static let maxGroups = 50

    public var editor = TextInputState(text: InsightsState.defaultQuery)
    public var editing = true
    public var history = InsightsHistory()
    /// Where the history is kept between sessions; nil keeps it for this session only (tests, benchmarks).
    public var historyPath: String?
    public var historyLoaded = false

    /// Every log group of the account, by name.
    public var groups: [String] = []
    public var groupsLoaded = false
    public var groupsError: ConsoleError?
    /// The groups chosen in the picker; nil while the default (every `/aws/lambda/` group) applies.
    public var chosenGroups: [String]?
    public var picker: InsightsGroupPicker?

    public var range: InsightsTimeRange = .hour
    /// An absolute range typed with `c`; it wins over the preset until `t` or `T` picks a preset again.
    public var customRange: InsightsCustomRange?
    /// The range field while it is being typed, and what is wrong with what was typed.
    public var rangeInput: TextInputState?
    public var rangeProblem: String?
    /// Bumped by every run: an answer for an older id is stale and dropped.
    public var runID = 0
    /// The run waiting for its answer.
    public var running: InsightsRunRequest?
    public var result: InsightsRun?
    /// Why the last run failed; the previous result stays under it.
    public var error: ConsoleError?

    /// The result's rows as the table shows them.
    public var table = TableState<Int>(rows: [])
    /// The first result column shown (← → scroll a table wider than the screen).
    public var firstColumn = 0
    /// Whether the result is drawn as a bar chart (offered when the query has `stats … by bin(…)`).
    public var showsChart = false
    /// The first bar shown.
    public var chartScroll = 0
    /// The record opened with Enter, and how far its overlay is scrolled.
    public var detail: InsightsRecordDetail?

    public init() {}

    /// The groups a run covers: those chosen, else every `/aws/lambda/` group, else the first groups there are.
    public var effectiveGroups: [String] {
        if let chosenGroups { return chosenGroups }
        let lambda = groups.filter { $0.hasPrefix(LogTailState.functionGroupPrefix) }
        return Array((lambda.isEmpty ? groups : lambda).prefix(Self.maxGroups))
    }

    /// The span a run started at `now` covers: the typed range, else the preset up to now.
    func span(now: Double) -> (start: Double, end: Double) {
        customRange.map { ($0.start, $0.end) } ?? (now - range.seconds, now)
    }

    /// The range in words: `the last 1h`, or the typed span.
    var rangeWords: String {
        customRange.map { InsightsCustomRange.text(start: $0.start, end: $0.end) + " UTC" } ?? "the last \(range.label)"
    }

    /// The chart of the current result, when its query grouped by `bin(…)`; made once, when the result arrives.
    public internal(set) var chart: InsightsChart?
    /// The result's columns as the table lays them out, measured once when the result arrives (a thousand rows
    /// measured on every frame cost a frame).
    var columns: [TableColumn] = []
}

/// The time ranges offered, as AWS's quick picks: a run covers the span up to the moment it starts.
public enum InsightsTimeRange: Int, CaseIterable, Sendable {
    case fiveMinutes, fifteenMinutes, hour, threeHours, twelveHours, day, week

    public var seconds: Double {
        switch self {
        case .fiveMinutes: return 300
        case .fifteenMinutes: return 900
        case .hour: return 3600
        case .threeHours: return 3 * 3600
        case .twelveHours: return 12 * 3600
        case .day: return 86_400
        case .week: return 7 * 86_400
        }
    }

    /// `5m`, `1h`, `1w`, as the AWS console's buttons.
    public var label: String {
        switch self {
        case .fiveMinutes: return "5m"
        case .fifteenMinutes: return "15m"
        case .hour: return "1h"
        case .threeHours: return "3h"
        case .twelveHours: return "12h"
        case .day: return "1d"
        case .week: return "1w"
        }
    }

    /// The next (or previous) preset, wrapping around.
    func moved(by delta: Int) -> InsightsTimeRange {
        let count = Self.allCases.count
        return Self(rawValue: ((rawValue + delta) % count + count) % count) ?? .hour
    }
}

/// One run as asked of the engine: the query, the groups and the span (seconds since 1970, both inclusive).
public struct InsightsRunRequest: Sendable, Equatable {
    public var id: Int
    public var query: String
    public var groups: [String]
    public var start: Double
    public var end: Double

    public init(id: Int, query: String, groups: [String], start: Double, end: Double) {
        self.id = id
        self.query = query
        self.groups = groups
        self.start = start
        self.end = end
    }
}

/// A finished run: what was asked, what the engine found, and how long it took (measured by the effect).
public struct InsightsRun: Sendable, Equatable {
    public var request: InsightsRunRequest
    public var result: InsightsResult
    public var seconds: Double

    public init(request: InsightsRunRequest, result: InsightsResult, seconds: Double) {
        self.request = request
        self.result = result
        self.seconds = seconds
    }
}

/// The record shown whole over the results.
public struct InsightsRecordDetail: Sendable, Hashable {
    public var row: Int
    public var scroll = 0

    public init(row: Int) {
        self.row = row
    }
}
