import Foundation
import GRDB

/// An event with the group it belongs to, as a live pane across groups shows it.
public struct LiveLogEvent: Sendable, Equatable {
    public var group: String
    public var event: OutputLogEvent

    public init(group: String, event: OutputLogEvent) {
        self.group = group
        self.event = event
    }
}

extension LogsService {
    /// Events of every group whose name starts with `groupPrefix`, in arrival order: after event `afterID`,
    /// or, when `afterID` is nil, the newest `limit` (what a live pane shows when it opens).
    ///
    /// Each group is authorized as `logs:FilterLogEvents`; events of groups the caller may not read are left out
    /// rather than failing the whole tail.
    public func liveEvents(groupPrefix: String, afterID: Int64?, limit: Int = 200, caller: Caller) throws -> [LiveLogEvent] {
        let bounded = min(max(1, limit), 10_000)
        return try account.read { db in
            let prefixMatch = "substr(group_name, 1, length(:prefix)) = :prefix"
            let rows: [Row]
            if let afterID {
                rows = try Row.fetchAll(db, sql: """
                    SELECT id, group_name, stream_name, timestamp, ingested_at, message FROM log_events
                    WHERE id > :after AND \(prefixMatch) ORDER BY id LIMIT :limit
                    """, arguments: ["after": afterID, "prefix": groupPrefix, "limit": bounded])
            } else {
                rows = try Row.fetchAll(db, sql: """
                    SELECT id, group_name, stream_name, timestamp, ingested_at, message FROM log_events
                    WHERE \(prefixMatch) ORDER BY id DESC LIMIT :limit
                    """, arguments: ["prefix": groupPrefix, "limit": bounded]).reversed()
            }
            return try readable(rows, caller: caller, db: db)
        }
    }

    /// The rows' events the caller may read (`logs:FilterLogEvents` on each group, asked once per group).
    func readable(_ rows: [Row], caller: Caller, db: Database) throws -> [LiveLogEvent] {
        var allowed: [String: Bool] = [:]
        return try rows.compactMap { row -> LiveLogEvent? in
            let group: String = row["group_name"]
            if allowed[group] == nil {
                do {
                    try account.authorize(caller, "logs:FilterLogEvents", groupARN(group), db: db)
                    allowed[group] = true
                } catch let error as EngineError where error.code == "AccessDeniedException" || error.code == "AccessDenied" {
                    allowed[group] = false
                }
            }
            return allowed[group] == true ? LiveLogEvent(group: group, event: Self.event(from: row)) : nil
        }
    }
}
