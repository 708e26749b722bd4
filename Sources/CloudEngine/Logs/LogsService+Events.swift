import Foundation
import GRDB

extension LogsService {
    /// PutLogEvents. Events too far in the future (over 2 hours) or too old (over 14 days, or past
    /// the group's retention) are refused and reported by index, as AWS does; the rest are stored.
    @discardableResult
    public func putLogEvents(group: String, stream: String, events: [InputLogEvent],
                             caller: Caller) throws -> PutLogEventsResult {
        guard !events.isEmpty else {
            throw EngineError.invalidLogParameter("At least one log event is required.")
        }
        guard events.count <= Self.maxBatchCount else {
            throw EngineError.invalidLogParameter("A batch can hold at most 10,000 log events (this one has \(events.count)).")
        }
        var batchBytes = 0
        for (index, event) in events.enumerated() {
            let size = event.message.utf8.count + Self.eventOverhead
            if size > Self.maxEventBytes {
                throw EngineError.invalidLogParameter("Log event \(index) is too large: \(size) bytes with overhead; the maximum is 1,048,576 bytes.")
            }
            if event.message.isEmpty {
                throw EngineError.invalidLogParameter("Log event \(index) has an empty message; a message needs at least one character.")
            }
            if index > 0 && event.timestamp < events[index - 1].timestamp {
                throw EngineError.invalidLogParameter("Log events in a single PutLogEvents request must be in chronological order (event \(index) is older than event \(index - 1)).")
            }
            batchBytes += size
        }
        if batchBytes > Self.maxBatchBytes {
            throw EngineError.invalidLogParameter("The batch is too large: \(batchBytes) bytes; the maximum is 1,048,576 bytes (messages plus 26 bytes each).")
        }
        let now = nowMillis()
        let tooNew = now + 2 * 3_600_000
        let tooOld = now - 14 * 86_400_000
        // The 24-hour span is measured over the valid events only (14 days back to 2 hours ahead).
        let valid = events.map(\.timestamp).filter { $0 >= tooOld && $0 <= tooNew }
        if let low = valid.min(), let high = valid.max(), high - low > 24 * 3_600_000 {
            throw EngineError.invalidLogParameter("The log events in a batch must not span more than 24 hours.")
        }
        return try account.write([.logs]) { db in
            try account.authorize(caller, "logs:PutLogEvents", streamARN(group, stream), db: db)
            try requireStream(group, stream, db)
            let retention = try Int.fetchOne(db, sql: "SELECT retention_days FROM log_groups WHERE name = ?", arguments: [group])
            var result = PutLogEventsResult(accepted: 0)
            let expired = retention.map { now - Int64($0) * 86_400_000 }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO log_events(group_name, stream_name, timestamp, ingested_at, message) VALUES (?, ?, ?, ?, ?)
                """)
            var stored: Int64 = 0
            var accepted: [Int64] = []
            // The batch is in timestamp order, so the refused ones are a head (old) and a tail (new).
            // AWS's end indexes are exclusive: events [0, end) were refused.
            for (index, event) in events.enumerated() {
                if event.timestamp > tooNew {
                    result.tooNewLogEventStartIndex = min(result.tooNewLogEventStartIndex ?? index, index)
                    continue
                }
                if let expired, event.timestamp < expired {
                    result.expiredLogEventEndIndex = index + 1
                    continue
                }
                if event.timestamp < tooOld {
                    result.tooOldLogEventEndIndex = index + 1
                    continue
                }
                try insert.execute(arguments: [group, stream, event.timestamp, now, event.message])
                stored += Int64(event.message.utf8.count)
                accepted.append(event.timestamp)
            }
            result.accepted = accepted.count
            if let first = accepted.min(), let last = accepted.max() {
                try db.execute(sql: """
                    UPDATE log_streams SET first_event_at = min(coalesce(first_event_at, ?), ?),
                        last_event_at = max(coalesce(last_event_at, ?), ?), last_ingestion_at = ?,
                        stored_bytes = stored_bytes + ?
                    WHERE group_name = ? AND name = ?
                    """, arguments: [first, first, last, last, now, stored, group, stream])
                try db.execute(sql: "UPDATE log_groups SET stored_bytes = stored_bytes + ? WHERE name = ?",
                               arguments: [stored, group])
            }
            return result
        }
    }

    /// GetLogEvents, forward or backward from a token, as AWS pages them.
    ///
    /// Without a token, `startFromHead` false (the default) returns the newest
    /// events; a forward token that has reached the end comes back unchanged.
    public func getLogEvents(group: String, stream: String, startTime: Int64? = nil, endTime: Int64? = nil,
                             nextToken: String? = nil, limit: Int = 10_000, startFromHead: Bool = false,
                             caller: Caller) throws -> LogEventsPage {
        guard (1...10_000).contains(limit) else {
            throw EngineError.invalidLogParameter("limit must be between 1 and 10,000 (got \(limit)).")
        }
        let position = try nextToken.map(LogEventPosition.decode)
        return try account.read { db in
            try account.authorize(caller, "logs:GetLogEvents", streamARN(group, stream), db: db)
            try requireStream(group, stream, db)
            return try eventsPage(db, group: group, stream: stream, startTime: startTime, endTime: endTime, position: position,
                                  limit: limit, startFromHead: startFromHead)
        }
    }

    /// Events of a group that arrived after event `afterID`, across its streams, in arrival order: what a live pane tails.
    public func eventsAfter(group: String, afterID: Int64, limit: Int = 1000, caller: Caller) throws -> [OutputLogEvent] {
        try account.read { db in
            try account.authorize(caller, "logs:FilterLogEvents", groupARN(group), db: db)
            try requireGroup(group, db)
            return try Row.fetchAll(db, sql: """
                SELECT id, stream_name, timestamp, ingested_at, message FROM log_events
                WHERE id > ? AND group_name = ? ORDER BY id LIMIT ?
                """, arguments: [afterID, group, limit]).map(Self.event(from:))
        }
    }

    static func event(from row: Row) -> OutputLogEvent {
        OutputLogEvent(id: row["id"], streamName: row["stream_name"], timestamp: row["timestamp"],
                       ingestionTime: row["ingested_at"], message: row["message"])
    }
}

/// A place between two events of a stream, written into `f/...` and `b/...` tokens.
struct LogEventPosition: Equatable {
    var forward: Bool
    var timestamp: Int64
    var id: Int64

    /// `f/` or `b/` and digits, like AWS's tokens; the digits hold the timestamp (offset to stay positive) and the id.
    var token: String {
        let shifted = UInt64(bitPattern: timestamp) ^ (1 << 63)
        return (forward ? "f/" : "b/") + Self.pad(shifted) + Self.pad(UInt64(max(id, 0)))
    }

    static func decode(_ token: String) throws -> LogEventPosition {
        let invalid = EngineError.invalidLogParameter("The specified nextToken is not valid: \(token)")
        guard token.count == 42, token.hasPrefix("f/") || token.hasPrefix("b/") else { throw invalid }
        let digits = token.dropFirst(2)
        guard let shifted = UInt64(digits.prefix(20)), let id = Int64(digits.suffix(20)) else { throw invalid }
        return LogEventPosition(forward: token.hasPrefix("f/"), timestamp: Int64(bitPattern: shifted ^ (1 << 63)), id: id)
    }

    private static func pad(_ value: UInt64) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 20 - text.count)) + text
    }
}
