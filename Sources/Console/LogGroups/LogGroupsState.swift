import CloudEngine
import Foundation
import TerminalUI

/// Everything the Log groups panel shows: the groups, one group's streams, a stream's (or a group's) events, dialogs.
///
/// The screens stack: groups, then a group's streams, then events; Esc pops the top one (or, for events opened
/// from another panel, goes back there). A dialog (`modal`) sits above them and takes the keys.
public struct LogGroupsState: Sendable {
    public var groups: [LogGroupSummary] = []
    public var table = TableState<String>(rows: [])
    public var loaded = false
    public var loadError: ConsoleError?
    public var streams: LogStreamsState?
    public var events: LogEventsState?
    public var modal: LogGroupsModal?
    /// Wrap, timestamps, JSON, full screen and context: kept from one events view to the next.
    public var options = LogViewOptions()

    public init() {}

    public var screen: LogGroupsScreen {
        if events != nil { return .events }
        if streams != nil { return .streams }
        return .groups
    }

    public var selectedGroup: LogGroupSummary? {
        table.selectedID.flatMap { name in groups.first { $0.name == name } }
    }

    /// The group the screen is about: the open one, or the one under the cursor.
    public var currentGroupName: String? {
        events?.source.group ?? streams?.group ?? selectedGroup?.name
    }
}

/// Which of the panel's screens is showing.
public enum LogGroupsScreen: Sendable, Hashable {
    case groups
    case streams
    case events
}

/// A group's streams, newest event first. The first row (id "") stands for all of them together.
public struct LogStreamsState: Sendable {
    public var group: String
    public var streams: [LogStream] = []
    public var table = TableState<String>(rows: [])
    public var loaded = false
    public var error: ConsoleError?
    /// More streams than the list holds; the newest are shown.
    public var truncated = false

    /// The id of the "all streams" row: stream names are never empty.
    public static let allStreamsID = ""

    public init(group: String) {
        self.group = group
    }

    public var selectedStream: LogStream? {
        table.selectedID.flatMap { name in streams.first { $0.name == name } }
    }
}

/// How events are shown; `t`, `w`, `J`, `f` and `C` change it.
public struct LogViewOptions: Sendable, Hashable {
    public var wraps = false
    public var timestamps = true
    public var prettyJSON = false
    public var fullScreen = false
    /// Events of context shown around each match.
    public var context = 0

    public init() {}

    /// The context sizes `C` cycles through.
    public static let contextSteps = [0, 2, 5]
}

/// The panel's dialogs; each takes the keys while it is open.
public enum LogGroupsModal: Sendable {
    /// The retention choice: row 0 is "Never expire", then CloudWatch's periods.
    case retention(group: String, selected: Int)
    case confirmDeleteGroup(ConfirmationState, group: String)
    case confirmDeleteStream(ConfirmationState, group: String, stream: String)
    /// The filter pattern line of the events view, with why the last pattern typed was refused.
    case pattern(TextInputState, problem: String?)
    /// The jump-to-time line, with why the last time typed was not understood.
    case jump(TextInputState, problem: String?)
}

/// Retention choices as the AWS console names them.
enum RetentionChoice {
    /// "Never expire", then every period CloudWatch accepts.
    static var options: [Int?] { [nil] + LogNames.retentionDays.map { Optional($0) } }

    /// `30 days`, or `Never expire`.
    static func label(_ days: Int?) -> String {
        guard let days else { return "Never expire" }
        return days == 1 ? "1 day" : "\(days) days"
    }

    /// `30 days (1 month)`: the days, and the name the AWS console gives the period when it has a rounder one.
    static func longLabel(_ days: Int?) -> String {
        guard let days else { return label(nil) }
        let names: [Int: String] = [7: "1 week", 14: "2 weeks", 30: "1 month", 60: "2 months", 90: "3 months",
                                    120: "4 months", 150: "5 months", 180: "6 months", 365: "12 months", 400: "13 months",
                                    545: "18 months", 731: "2 years", 1096: "3 years", 1827: "5 years", 2192: "6 years",
                                    2557: "7 years", 2922: "8 years", 3288: "9 years", 3653: "10 years"]
        return label(days) + (names[days].map { " (\($0))" } ?? "")
    }
}
