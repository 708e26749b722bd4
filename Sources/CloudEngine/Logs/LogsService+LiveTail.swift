import Foundation
import GRDB

/// One bounded read of a live tail: the events to show, and how many newer-than-asked events were skipped
/// so that a burst never makes a reader take more than `limit` at once (CloudWatch Live Tail samples the same way).
public struct LiveTailBatch: Sendable, Equatable {
    public var events: [LiveLogEvent]
    /// Events after the asked id that were passed over so the newest `limit` fit: 0 when nothing was skipped.
    public var skipped: Int
    /// The newest event id the read covered (shown or skipped): the next read asks for events after it.
    public var lastID: Int64?

    public init(events: [LiveLogEvent], skipped: Int = 0, lastID: Int64?) {
        self.events = events
        self.skipped = skipped
        self.lastID = lastID
    }
}

extension LogsService {
    /// The events after `afterID` of the groups whose name starts with `groupPrefix` (and, when `groups` is given,
    /// is one of them), at most `limit`: when more arrived, the newest `limit` and the count of the ones skipped.
    /// With `afterID` nil, the newest `limit` (what a pane shows when it opens), nothing counted as skipped.
    /// Groups and streams made after the tail started are included: the read is by event id, not by a list.
    public func liveTail(groupPrefix: String, groups: Set<String>? = nil, afterID: Int64?, limit: Int = 1000,
                         caller: Caller) throws -> LiveTailBatch {
        let bounded = min(max(1, limit), 10_000)
        var conditions = ["substr(group_name, 1, length(?)) = ?"]
        var arguments: StatementArguments = [groupPrefix, groupPrefix]
        if let groups {
            guard !groups.isEmpty else { return LiveTailBatch(events: [], lastID: afterID) }
            // `+` keeps SQLite on the id range: by the group index it would walk every event the group ever had.
            conditions.append("+group_name IN (" + Array(repeating: "?", count: groups.count).joined(separator: ", ") + ")")
            arguments += StatementArguments(groups.sorted())
        }
        if let afterID {
            conditions.append("id > ?")
            arguments += [afterID]
        }
        let filter = conditions.joined(separator: " AND ")
        let columns = "id, group_name, stream_name, timestamp, ingested_at, message"
        return try account.read { db in
            var skipped = 0
            var newest: Int64?
            if afterID != nil {
                let counted = try Row.fetchOne(db, sql: "SELECT count(*) AS n, max(id) AS top FROM log_events WHERE \(filter)",
                                               arguments: arguments)
                let count: Int = counted?["n"] ?? 0
                newest = counted?["top"]
                guard count > 0 else { return LiveTailBatch(events: [], lastID: afterID) }
                skipped = max(0, count - bounded)
            }
            let rows: [Row] = try Row.fetchAll(db, sql: "SELECT \(columns) FROM log_events WHERE \(filter) ORDER BY id DESC LIMIT \(bounded)",
                                    arguments: arguments).reversed()
            if newest == nil { newest = rows.last?["id"] }
            return LiveTailBatch(events: try readable(rows, caller: caller, db: db), skipped: skipped, lastID: newest ?? afterID)
        }
    }
}
