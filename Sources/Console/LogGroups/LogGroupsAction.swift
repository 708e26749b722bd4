import CloudEngine
import Foundation
import TerminalUI

/// What happened in the Log groups panel: key presses by name, and engine results.
public enum LogGroupsAction: Sendable {
    // MARK: - What the person did
    /// Movement keys: the cursor in the lists, scrolling in the events.
    case table(TableCommand)
    case openPressed
    /// `a` on the streams: every stream of the group, interleaved by time (the AWS console's "Search log group").
    case allStreamsPressed
    case filterChanged(String)
    case deletePressed
    case retentionPressed
    /// A key while a dialog is open; the dialog decides what it means.
    case dialogKeyPressed(KeyEvent)
    case deleteGroupConfirmed(String)
    case deleteStreamConfirmed(group: String, stream: String)
    case wrapToggled
    case timestampsToggled
    case jsonToggled
    case fullScreenToggled
    /// `/` on the events: a CloudWatch filter pattern.
    case patternPressed
    /// `C`: lines of context around each match (0, 2, 5).
    case contextCycled
    /// `T`: jump to a time.
    case jumpPressed
    /// Another panel opens the events of a stream here (a function's invocation).
    case openedAt(LogEventsRequest)

    // MARK: - What the engine answered
    case groupsLoaded([LogGroupSummary])
    case groupsLoadFailed(ConsoleError)
    case streamsLoaded(group: String, [LogStream], truncated: Bool)
    case streamsLoadFailed(group: String, ConsoleError)
    case eventsLoaded(LogEventsSource, LogEventsPageRequest, LogEventsPage)
    case eventsLoadFailed(LogEventsSource, ConsoleError)
    /// The ids of the loaded events the pattern matched (`complete` false: the search stopped at its cap).
    case matchesFound(LogEventsSource, pattern: String, Set<Int64>, complete: Bool)
    case matchFailed(LogEventsSource, pattern: String, ConsoleError)
    case groupDeleted(String)
    case streamDeleted(group: String, stream: String)
    case retentionSet(group: String, days: Int?)
    case actionFailed(ConsoleError)
}

/// Whose events a view shows: one stream of a group, or (`stream` nil) all of them interleaved.
public struct LogEventsSource: Sendable, Hashable {
    public var group: String
    public var stream: String?

    public init(group: String, stream: String?) {
        self.group = group
        self.stream = stream
    }
}

/// Which page of events to read.
public enum LogEventsPageRequest: Sendable, Hashable {
    /// The newest page (a view opening).
    case newest
    /// The page before the loaded ones (scrolling up past the top), with GetLogEvents' backward token.
    case older(String)
    /// What came after the loaded ones (scrolling down, or new events), with the forward token.
    case newer(String)
    /// A page starting at a time (milliseconds): jumping to it, or an invocation's start.
    case from(Int64)
}

/// How another panel opens a stream's events here.
public struct LogEventsRequest: Sendable, Hashable {
    public var source: LogEventsSource
    /// The request whose lines are marked; the view opens at its START line.
    public var requestID: String?
    /// Where to start reading (milliseconds), so a request deep in a long stream is loaded.
    public var startTime: Int64?
    /// The panel Esc goes back to.
    public var returnTo: ConsoleService?

    public init(source: LogEventsSource, requestID: String?, startTime: Int64?, returnTo: ConsoleService?) {
        self.source = source
        self.requestID = requestID
        self.startTime = startTime
        self.returnTo = returnTo
    }
}

/// Engine work for the Log groups panel, run off the UI thread.
public enum LogGroupsEffect: Sendable, Equatable {
    case listGroups
    case listStreams(group: String)
    case loadEvents(LogEventsSource, LogEventsPageRequest)
    /// FilterLogEvents over the loaded time range (`start`...`end`, milliseconds, inclusive).
    case matchEvents(LogEventsSource, pattern: String, start: Int64, end: Int64)
    case deleteGroup(String)
    case deleteStream(group: String, stream: String)
    case setRetention(group: String, days: Int?)
}
