import Foundation
import GRDB

/// A log group as the console's list shows it: DescribeLogGroups' fields and when it last heard from a stream.
public struct LogGroupSummary: Sendable, Equatable {
    public let group: LogGroup
    /// The newest event's timestamp across its streams (milliseconds since 1970); nil before the first event.
    public let lastEventTime: Int64?
    public let streamCount: Int

    public init(group: LogGroup, lastEventTime: Int64?, streamCount: Int) {
        self.group = group
        self.lastEventTime = lastEventTime
        self.streamCount = streamCount
    }

    public var name: String { group.name }
}

extension LogsService {
    /// Every log group in name order, each with its last event time (the newest of its streams') and stream count:
    /// what the console lists in one read. Authorized as DescribeLogGroups, which the AWS console's list calls.
    public func logGroupSummaries(caller: Caller) throws -> [LogGroupSummary] {
        try account.read { db in
            try account.authorize(caller, "logs:DescribeLogGroups",
                                  "arn:aws:logs:\(account.region):\(account.accountID):log-group:*", db: db)
            return try Row.fetchAll(db, sql: """
                SELECT g.name, g.created_at, g.retention_days, g.stored_bytes,
                       max(s.last_event_at) AS last_event_at, count(s.name) AS streams
                FROM log_groups g LEFT JOIN log_streams s ON s.group_name = g.name
                GROUP BY g.name ORDER BY g.name
                """).map { row in
                LogGroupSummary(group: LogGroup(name: row["name"], arn: groupARN(row["name"]), creationTime: row["created_at"],
                                                retentionInDays: row["retention_days"], storedBytes: row["stored_bytes"]),
                                lastEventTime: row["last_event_at"], streamCount: row["streams"])
            }
        }
    }

    /// GetLogEvents over all of a group's streams, interleaved by time: the AWS console's "Search log group"
    /// without a pattern. Paged and tokened exactly as GetLogEvents (newest first without a token), so a viewer
    /// reads a stream and a whole group the same way. Authorized as FilterLogEvents on the group.
    public func getGroupLogEvents(group: String, startTime: Int64? = nil, endTime: Int64? = nil, nextToken: String? = nil,
                                  limit: Int = 10_000, startFromHead: Bool = false, caller: Caller) throws -> LogEventsPage {
        guard (1...10_000).contains(limit) else {
            throw EngineError.invalidLogParameter("limit must be between 1 and 10,000 (got \(limit)).")
        }
        let position = try nextToken.map(LogEventPosition.decode)
        return try account.read { db in
            try account.authorize(caller, "logs:FilterLogEvents", groupARN(group), db: db)
            try requireGroup(group, db)
            return try eventsPage(db, group: group, stream: nil, startTime: startTime, endTime: endTime, position: position,
                                  limit: limit, startFromHead: startFromHead)
        }
    }

    /// The read behind GetLogEvents, for one stream or (`stream` nil) every stream of the group.
    func eventsPage(_ db: Database, group: String, stream: String?, startTime: Int64?, endTime: Int64?,
                    position: LogEventPosition?, limit: Int, startFromHead: Bool) throws -> LogEventsPage {
        var condition = "group_name = ?"
        var arguments: StatementArguments = [group]
        if let stream {
            condition += " AND stream_name = ?"
            arguments += [stream]
        }
        // Events older than the group's retention are gone, as they are from AWS.
        let retained = try retentionFloor(group, db)
        if let floor = [startTime, retained].compactMap({ $0 }).max() {
            condition += " AND timestamp >= ?"
            arguments += [floor]
        }
        if let endTime {
            condition += " AND timestamp < ?"
            arguments += [endTime]
        }
        let forward = position?.forward ?? startFromHead
        if let position {
            condition += forward ? " AND (timestamp, id) > (?, ?)" : " AND (timestamp, id) < (?, ?)"
            arguments += [position.timestamp, position.id]
        }
        let order = forward ? "ASC" : "DESC"
        arguments += [limit]
        // As many events as fit in 1 MB of messages, up to `limit`, as AWS returns them.
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, stream_name, timestamp, ingested_at, message FROM log_events
            WHERE \(condition) ORDER BY timestamp \(order), id \(order) LIMIT ?
            """, arguments: arguments)
        var events: [OutputLogEvent] = []
        var bytes = 0
        while let row = try cursor.next() {
            let event = Self.event(from: row)
            bytes += event.message.utf8.count + Self.eventOverhead
            if bytes > Self.maxBatchBytes && !events.isEmpty { break }
            events.append(event)
        }
        if !forward { events.reverse() }
        let first = events.first.map { LogEventPosition(forward: false, timestamp: $0.timestamp, id: $0.id) }
        let last = events.last.map { LogEventPosition(forward: true, timestamp: $0.timestamp, id: $0.id) }
        // With nothing returned, hand back the same place (or the stream's ends), so a tailing client waits there.
        // A forward place (ts, id) means "after it", a backward one "before it": turning one into the
        // other moves the id by one so the event at the boundary is neither lost nor repeated.
        let head = position.map { LogEventPosition(forward: true, timestamp: $0.timestamp, id: $0.forward ? $0.id : $0.id - 1) }
            ?? LogEventPosition(forward: true, timestamp: Int64.min, id: 0)
        let tail = position.map { LogEventPosition(forward: false, timestamp: $0.timestamp, id: $0.forward ? $0.id + 1 : $0.id) }
            ?? LogEventPosition(forward: false, timestamp: Int64.max, id: 0)
        return LogEventsPage(events: events, nextForwardToken: (last ?? head).token,
                             nextBackwardToken: (first ?? tail).token)
    }
}
