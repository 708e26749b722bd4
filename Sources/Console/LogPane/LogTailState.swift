import CloudEngine
import Foundation
import TerminalUI

/// The docked log pane's content: the newest events of the log groups it follows, as they arrive.
///
/// Until the user picks groups (`g` in the pane), it follows what the shown panel suggests: the open
/// function's group, or every function's group, so an upload in Buckets shows the triggered function's output
/// without leaving the panel. A pick (all groups, or several) wins until it is cleared.
public struct LogTailState: Sendable {
    /// The group-name prefix read; nil until the pane is first shown.
    public var prefix: String?
    /// The exact groups read, when following a pick of groups or one function's group.
    public var groups: Set<String>?
    /// What the user picked; `.panel` until they pick.
    public var follow: LogFollow = .panel
    /// Bumped whenever the pane starts over on other groups, so answers to an older read are dropped.
    public var generation = 0
    public var lines = LogLineRing(capacity: Self.capacity)
    /// The last event read, so the next read asks only for newer ones.
    public var lastID: Int64?
    public var loaded = false
    public var error: ConsoleError?
    /// A read is on its way; changes that arrive meanwhile ask again when it lands.
    public var reading = false
    public var readAgain = false
    /// Long lines wrap onto more rows (`w` in the pane); else they end in `…`.
    public var wraps = false
    /// JSON messages drawn indented over several rows (`J`); else compact on one.
    public var expandsJSON = false
    /// Space froze the pane; new lines are read and counted but not scrolled in.
    public var paused = false
    /// The `seq` of the bottom line shown while paused or scrolled back; nil follows the newest line.
    public var anchor: Int?
    /// Lines that arrived (and match the filter) since the pane stopped following.
    public var unseen = 0
    public var filter = LogPaneFilter()
    /// The last read had to skip events to keep up: what it showed of how many.
    public var sampled: LogSample?
    /// The group picker, while open.
    public var picker: LogGroupPicker?

    /// Lines kept: older ones scroll away.
    public static let capacity = 500
    /// At most this many events per read, so a burst costs a bounded amount per frame.
    public static let readLimit = 1000

    public init() {}

    /// Whether the pane shows the newest lines as they come.
    public var isFollowing: Bool { anchor == nil }

    public mutating func append(_ events: [LiveLogEvent]) {
        for item in events {
            let matched = filter.pattern?.matches(item.event.message) ?? true
            for line in LogTailLine.lines(of: item, matched: matched) {
                lines.append(line)
                if matched, !isFollowing { unseen += 1 }
            }
            lastID = max(lastID ?? 0, item.event.id)
        }
    }

    /// Re-matches the kept lines after the filter changed; an event's lines go together.
    mutating func refilter() {
        var index = 0
        while index < lines.count {
            var end = index + 1
            var message = lines[index].message
            while end < lines.count, lines[end].eventID == lines[index].eventID, lines[end].timestamp == 0 {
                message += "\n" + lines[end].message
                end += 1
            }
            let matched = filter.pattern?.matches(message) ?? true
            for at in index..<end { lines[at].matched = matched }
            index = end
        }
    }

    static let functionGroupPrefix = LogTailLine.functionGroupPrefix
}

/// Which groups the pane follows.
public enum LogFollow: Sendable, Hashable {
    /// What the shown panel suggests (every function, or the open one).
    case panel
    /// Every group in the account, including ones made later.
    case all
    /// These groups (their new streams included).
    case groups(Set<String>)
}

/// "sampled: showing N of M events".
public struct LogSample: Sendable, Hashable {
    public var shown: Int
    public var total: Int
}
