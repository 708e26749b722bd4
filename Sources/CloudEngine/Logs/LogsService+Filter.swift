import Foundation
import GRDB

/// An event FilterLogEvents found, with the stream it is in.
public struct FilteredLogEvent: Sendable, Equatable {
    public let logStreamName: String
    public let timestamp: Int64
    public let message: String
    public let ingestionTime: Int64
    public let eventId: String
}

/// One page of FilterLogEvents. `nextToken` is nil once the time range has been searched to its end; a page
/// may be short, or empty, with a token when the search stopped after reading its share of events.
public struct FilteredLogEventsPage: Sendable, Equatable {
    public let events: [FilteredLogEvent]
    public let nextToken: String?
}

/// Which streams of a group FilterLogEvents searches.
public enum LogStreamSelection: Sendable, Equatable {
    case all
    case names([String])
    case prefix(String)
}

extension LogsService {
    /// How many events one FilterLogEvents page reads before it answers with what it found and a token.
    static let filterScanBudget = 200_000

    /// FilterLogEvents: the group's events in the chosen streams, `startTime` to `endTime` (both inclusive, as
    /// AWS documents them), matching `filterPattern`, interleaved by timestamp and then arrival.
    public func filterLogEvents(group: String, streams: LogStreamSelection = .all, startTime: Int64? = nil,
                                endTime: Int64? = nil, filterPattern: String? = nil, limit: Int = 10_000,
                                nextToken: String? = nil, caller: Caller) throws -> FilteredLogEventsPage {
        guard (1...10_000).contains(limit) else {
            throw EngineError.invalidLogParameter("limit must be between 1 and 10,000 (got \(limit)).")
        }
        if let startTime, let endTime, endTime < startTime {
            throw EngineError.invalidLogParameter("endTime (\(endTime)) must not be before startTime (\(startTime)).")
        }
        let pattern = try FilterPattern(filterPattern ?? "")
        let after = try nextToken.map(Self.decodeFilterToken)
        return try account.read { db in
            try account.authorize(caller, "logs:FilterLogEvents", groupARN(group), db: db)
            try requireGroup(group, db)
            var condition = "group_name = ?"
            var arguments: StatementArguments = [group]
            let retained = try retentionFloor(group, db)
            let floor = [startTime, retained].compactMap { $0 }.max()
            if let floor {
                condition += " AND timestamp >= ?"
                arguments += [floor]
            }
            if let endTime {
                condition += " AND timestamp <= ?"
                arguments += [endTime]
            }
            if let after {
                condition += " AND (timestamp, id) > (?, ?)"
                arguments += [after.timestamp, after.id]
            }
            switch streams {
            case .all:
                break
            case .names(let names):
                condition += " AND stream_name IN (\(names.map { _ in "?" }.joined(separator: ",")))"
                arguments += StatementArguments(names)
            case .prefix(let prefix):
                condition += " AND substr(stream_name, 1, length(?)) = ?"
                arguments += [prefix, prefix]
            }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT id, stream_name, timestamp, ingested_at, message FROM log_events
                WHERE \(condition) ORDER BY timestamp, id
                """, arguments: arguments)
            var events: [FilteredLogEvent] = []
            var bytes = 0
            var scanned = 0
            var last: LogEventPosition?
            while let row = try cursor.next() {
                let message: String = row["message"]
                let position = LogEventPosition(forward: true, timestamp: row["timestamp"], id: row["id"])
                if events.count == limit || scanned == Self.filterScanBudget {
                    return FilteredLogEventsPage(events: events, nextToken: last.map(Self.encodeFilterToken))
                }
                scanned += 1
                guard pattern.matchesEverything || pattern.matches(message) else { last = position; continue }
                bytes += message.utf8.count + Self.eventOverhead
                if bytes > Self.maxBatchBytes && !events.isEmpty {
                    return FilteredLogEventsPage(events: events, nextToken: last.map(Self.encodeFilterToken))
                }
                last = position
                events.append(FilteredLogEvent(logStreamName: row["stream_name"], timestamp: position.timestamp, message: message,
                                               ingestionTime: row["ingested_at"], eventId: String(position.id)))
            }
            return FilteredLogEventsPage(events: events, nextToken: nil)
        }
    }

    /// The oldest timestamp the group's retention still keeps, or nil when it keeps everything.
    /// Reads skip older events, so expiry needs no sweeper to be seen.
    func retentionFloor(_ group: String, _ db: Database) throws -> Int64? {
        let days = try Int64.fetchOne(db, sql: "SELECT retention_days FROM log_groups WHERE name = ?", arguments: [group])
        return days.map { nowMillis() - $0 * 86_400_000 }
    }

    static func encodeFilterToken(_ position: LogEventPosition) -> String {
        Data("filter/\(position.timestamp)/\(position.id)".utf8).base64EncodedString()
    }

    static func decodeFilterToken(_ token: String) throws -> LogEventPosition {
        let parts = (Data(base64Encoded: token).map { String(decoding: $0, as: UTF8.self) } ?? "").split(separator: "/")
        guard parts.count == 3, parts[0] == "filter", let timestamp = Int64(parts[1]), let id = Int64(parts[2]) else {
            throw EngineError.invalidLogParameter("The specified nextToken is not valid: \(token)")
        }
        return LogEventPosition(forward: true, timestamp: timestamp, id: id)
    }
}
