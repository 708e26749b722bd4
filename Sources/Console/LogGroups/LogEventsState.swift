import CloudEngine
import Foundation
import TerminalUI

/// The events of a stream (or of a whole group), as a window of loaded pages, with the filter pattern's matches.
///
/// The window grows a page at a time: older events when scrolling up past the top, newer ones when scrolling down
/// past the bottom or when new events arrive. What is drawn is `entries`: every loaded event, or with a pattern
/// only the matches and their context, with a gap between hunks that are not adjacent (as grep does).
public struct LogEventsState: Sendable {
    public var source: LogEventsSource
    /// Oldest first.
    public var events: [OutputLogEvent] = []
    public var loaded = false
    public var error: ConsoleError?
    /// GetLogEvents' tokens for the pages before and after the window; nil when there are none.
    public var olderToken: String?
    public var newerToken: String?
    /// There may be events after the window that are not loaded (it was opened at a time).
    public var hasNewer = false
    /// A page on its way; no other is asked for meanwhile.
    public var loading: LogEventsPageRequest?
    /// The window reached `eventLimit`: no older pages are loaded.
    public var full = false
    /// The pattern applied (empty: none), compiled for highlighting, and the loaded events it matched (nil: searching).
    public var pattern = ""
    public var compiled: FilterPattern?
    public var matches: Set<Int64>?
    public var matchesComplete = true
    /// The invocation whose lines are marked, and the ids of those lines.
    public var requestID: String?
    public var requestEvents: Set<Int64> = []
    /// Where to land when the next page arrives: a time (milliseconds) or the request's START line.
    public var landing: LogEventsLanding?
    public private(set) var entries: [LogEventEntry] = []
    /// The first entry shown and how many of its rows are scrolled off.
    public var top = LogEventsPosition()
    /// Shows the newest events at the bottom as they come.
    public var follow = true
    /// Where Esc goes (nil: the streams list).
    public var returnTo: ConsoleService?
    /// New events were written while a page was on its way: read again when it lands.
    public var readAgain = false

    /// Events read per page, and the most a window holds.
    public static let pageSize = 1_000
    public static let eventLimit = 20_000

    public init(source: LogEventsSource) {
        self.source = source
    }

    /// Rebuilds the entries (after matches or context changed), keeping the event at the top in place.
    public mutating func rebuild(context: Int) {
        rebuild(context: context, keeping: topEvent)
    }

    /// The event at the top of the screen (the one after a gap), to keep in place when the entries change.
    public var topEvent: OutputLogEvent? {
        entries.indices.contains(top.entry) ? entries[top.entry...].lazy.compactMap(eventIndex(of:)).first.map { events[$0] } : nil
    }

    /// Rebuilds the entries (after events changed too), keeping `anchor` at the top.
    public mutating func rebuild(context: Int, keeping anchor: OutputLogEvent?) {
        requestEvents = Self.requestLines(events, requestID: requestID)
        entries = Self.entries(events: events, matches: pattern.isEmpty ? nil : matches, context: context)
        guard let anchor else {
            top = LogEventsPosition()
            return
        }
        if let same = entry(ofEventID: anchor.id) {
            top.entry = same
        } else {
            top = LogEventsPosition(entry: firstEntry(atOrAfter: anchor.timestamp) ?? max(0, entries.count - 1), row: 0)
        }
    }

    /// The first entry whose event is at or after `time`; nil when every event is older.
    public func firstEntry(atOrAfter time: Int64) -> Int? {
        entries.firstIndex { entry in eventIndex(of: entry).map { events[$0].timestamp >= time } ?? false }
    }

    /// The entry showing event `id`, if it is shown.
    public func entry(ofEventID id: Int64) -> Int? {
        entries.firstIndex { eventIndex(of: $0).map { events[$0].id == id } ?? false }
    }

    func eventIndex(of entry: LogEventEntry) -> Int? {
        if case .event(let index, _) = entry { return index }
        return nil
    }

    /// Every event, or the matches with `context` events either side, a gap between hunks that do not touch
    /// (with context only, as grep: without it every match is its own line).
    static func entries(events: [OutputLogEvent], matches: Set<Int64>?, context: Int) -> [LogEventEntry] {
        guard let matches else { return events.indices.map { .event($0, isMatch: false) } }
        var keep = Array(repeating: false, count: events.count)
        for (index, event) in events.enumerated() where matches.contains(event.id) {
            for near in max(0, index - context)...min(events.count - 1, index + context) { keep[near] = true }
        }
        var result: [LogEventEntry] = []
        var last: Int?
        for index in events.indices where keep[index] {
            if let last, context > 0, index != last + 1 { result.append(.gap) }
            result.append(.event(index, isMatch: matches.contains(events[index].id)))
            last = index
        }
        return result
    }

    /// The events of request `requestID`: from its START line to the next START (or the end).
    static func requestLines(_ events: [OutputLogEvent], requestID: String?) -> Set<Int64> {
        guard let requestID else { return [] }
        var inside = false
        var ids: Set<Int64> = []
        for event in events {
            if event.message.hasPrefix("START RequestId: ") { inside = event.message.hasPrefix("START RequestId: \(requestID)") }
            if inside { ids.insert(event.id) }
        }
        return ids
    }
}

/// A line of the events view's list: an event (a match, or context) or the gap between two hunks.
public enum LogEventEntry: Sendable, Hashable {
    case event(Int, isMatch: Bool)
    case gap
}

/// A place in the entries: the entry at the top, and how many of its rows are above the screen.
public struct LogEventsPosition: Sendable, Hashable, Comparable {
    public var entry = 0
    public var row = 0

    public init(entry: Int = 0, row: Int = 0) {
        self.entry = entry
        self.row = row
    }

    public static func < (a: LogEventsPosition, b: LogEventsPosition) -> Bool {
        (a.entry, a.row) < (b.entry, b.row)
    }
}

/// Where a view lands when its page arrives.
public enum LogEventsLanding: Sendable, Hashable {
    case time(Int64)
    case request(String, fallback: Int64?)
}
