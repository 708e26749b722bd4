import Foundation
import GRDB

/// What a Logs Insights query found: the columns in order, one row of values per result (nil where the
/// row has no such field, which Insights leaves out), and the statistics GetQueryResults reports.
public struct InsightsResult: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[String?]]
    public let recordsMatched: Int
    public let recordsScanned: Int
    public let bytesScanned: Int
}

extension LogsService {
    /// Runs a Logs Insights query over the events of `groups` from `start` to `end` (both inclusive), as
    /// StartQuery and GetQueryResults would, in one call. `limit` caps the rows (default 1000, as Insights).
    public func runQuery(_ text: String, groups: [String], start: Date, end: Date, limit: Int? = nil,
                         caller: Caller) throws -> InsightsResult {
        guard (1...50).contains(groups.count) else {
            throw EngineError.invalidLogParameter("A query needs between 1 and 50 log groups (got \(groups.count)).")
        }
        if let limit, !(1...10_000).contains(limit) {
            throw EngineError.invalidLogParameter("limit must be between 1 and 10,000 (got \(limit)).")
        }
        let startMillis = Int64((start.timeIntervalSince1970 * 1000).rounded(.down))
        let endMillis = Int64((end.timeIntervalSince1970 * 1000).rounded(.down))
        guard endMillis >= startMillis else {
            throw EngineError.invalidLogParameter("The end time must not be before the start time.")
        }
        let query = try InsightsParser.parse(text)
        var cap = query.limit ?? limit ?? 1000
        if let limit { cap = min(cap, limit) }
        return try account.read { db in
            var condition: [String] = []
            var arguments: StatementArguments = []
            var logNames: [String: String] = [:]
            for group in groups {
                try account.authorize(caller, "logs:StartQuery", groupARN(group), db: db)
                try requireGroup(group, db)
                condition.append("(group_name = ? AND timestamp >= ?)")
                let floor = try retentionFloor(group, db) ?? startMillis
                arguments += [group, max(startMillis, floor)]
                logNames[group] = "\(account.accountID):\(group)"
            }
            arguments += [endMillis]
            let direction = query.stats == nil ? "DESC" : "ASC"
            let message = query.usesMessage ? "message" : "length(CAST(message AS BLOB))"
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT group_name, stream_name, timestamp, ingested_at, \(message) FROM log_events
                WHERE (\(condition.joined(separator: " OR "))) AND timestamp <= ? ORDER BY timestamp \(direction), id \(direction)
                """, arguments: arguments)
            var scan = InsightsScan(query: query, cap: cap)
            while let row = try cursor.next() {
                if query.usesLog {
                    let group: String = row[0]
                    scan.record.log = logNames[group] ?? group
                }
                if query.usesStream { scan.record.logStream = row[1] }
                scan.record.timestamp = row[2]
                scan.record.ingestionTime = row[3]
                if query.usesMessage {
                    scan.record.message = row[4]
                    scan.bytes += scan.record.message.utf8.count
                } else {
                    scan.bytes += row[4] as Int
                }
                if scan.add() { break }
            }
            return scan.result()
        }
    }
}
