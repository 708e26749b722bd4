import Foundation
import GRDB

/// What one retention sweep removed.
public struct LogRetentionSweep: Sendable, Equatable {
    public var events = 0
    public var bytes: Int64 = 0
    /// The groups that lost events.
    public var groups: Set<String> = []

    public init() {}
}

extension LogsService {
    /// Events a sweep deletes per write transaction, so a group with millions of expired events never holds
    /// the account's write lock for long.
    public static let retentionBatch = 5_000

    /// Deletes the events past their group's retention (all groups with one, or just `group`), and takes their
    /// bytes off the streams' and groups' `storedBytes`.
    ///
    /// AWS marks expired events for deletion at once (reads and `storedBytes` stop counting them) and deletes
    /// them within 72 hours; reads here already skip them, and the sweep makes `storedBytes` match.
    /// Runs in batches of `batchSize`, each its own transaction: a kill between batches loses nothing but time.
    @discardableResult
    public func purgeExpiredEvents(group: String? = nil, batchSize: Int = retentionBatch) throws -> LogRetentionSweep {
        let floors = try account.read { db in try expiryFloors(group: group, db) }
        var sweep = LogRetentionSweep()
        for (name, floor) in floors {
            while true {
                let removed = try purgeBatch(group: name, before: floor, limit: max(1, batchSize))
                guard removed.events > 0 else { break }
                sweep.events += removed.events
                sweep.bytes += removed.bytes
                sweep.groups.insert(name)
                if removed.events < batchSize { break }
            }
        }
        return sweep
    }

    /// Each group with a retention and at least one expired event, with its floor (events older are expired).
    private func expiryFloors(group: String?, _ db: Database) throws -> [(String, Int64)] {
        let now = nowMillis()
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, retention_days FROM log_groups WHERE retention_days IS NOT NULL AND (? IS NULL OR name = ?)
            """, arguments: [group, group])
        return try rows.compactMap { row in
            let name: String = row["name"]
            let days: Int64 = row["retention_days"]
            let floor = now - days * 86_400_000
            let expired = try Bool.fetchOne(db, sql: "SELECT 1 FROM log_events WHERE group_name = ? AND timestamp < ? LIMIT 1",
                                            arguments: [name, floor]) ?? false
            return expired ? (name, floor) : nil
        }
    }

    /// Deletes the oldest `limit` expired events of one group, in one transaction, with the byte counts.
    private func purgeBatch(group: String, before floor: Int64, limit: Int) throws -> LogRetentionSweep {
        try account.write([.logs]) { db in
            var sweep = LogRetentionSweep()
            let batch = """
                SELECT id, stream_name, length(CAST(message AS BLOB)) AS bytes FROM log_events
                WHERE group_name = :group AND timestamp < :floor ORDER BY timestamp, id LIMIT :limit
                """
            let arguments: StatementArguments = ["group": group, "floor": floor, "limit": limit]
            let perStream = try Row.fetchAll(db, sql: """
                SELECT stream_name, count(*) AS events, sum(bytes) AS bytes FROM (\(batch)) GROUP BY stream_name
                """, arguments: arguments)
            guard !perStream.isEmpty else { return sweep }
            try db.execute(sql: "DELETE FROM log_events WHERE id IN (SELECT id FROM (\(batch)))", arguments: arguments)
            for row in perStream {
                let stream: String = row["stream_name"]
                let bytes: Int64 = row["bytes"]
                sweep.events += row["events"] as Int
                sweep.bytes += bytes
                // The first event is now the oldest one left; a stream left empty keeps its times, as AWS's does.
                try db.execute(sql: """
                    UPDATE log_streams SET stored_bytes = max(0, stored_bytes - :bytes),
                        first_event_at = coalesce((SELECT min(timestamp) FROM log_events
                                                   WHERE group_name = :group AND stream_name = :stream), first_event_at)
                    WHERE group_name = :group AND name = :stream
                    """, arguments: ["bytes": bytes, "group": group, "stream": stream])
            }
            try db.execute(sql: "UPDATE log_groups SET stored_bytes = max(0, stored_bytes - ?) WHERE name = ?",
                           arguments: [sweep.bytes, group])
            return sweep
        }
    }
}
