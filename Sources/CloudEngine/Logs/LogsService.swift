import Foundation
import GRDB

/// CloudWatch Logs in the account: log groups, streams and events.
public struct LogsService: Sendable {
    let account: Account

    /// An event may be at most 1 MB including 26 bytes of overhead, as AWS counts it (botocore's PutLogEvents).
    static let eventOverhead = 26
    static let maxEventBytes = 1_048_576
    static let maxBatchBytes = 1_048_576
    static let maxBatchCount = 10_000

    // MARK: - Resources (ARNs as the IAM actions name them)

    func groupARN(_ group: String) -> String {
        "arn:aws:logs:\(account.region):\(account.accountID):log-group:\(group):*"
    }

    func streamARN(_ group: String, _ stream: String) -> String {
        "arn:aws:logs:\(account.region):\(account.accountID):log-group:\(group):log-stream:\(stream)"
    }

    func nowMillis() -> Int64 { Int64((account.clock.now().timeIntervalSince1970 * 1000).rounded(.down)) }

    // MARK: - Log groups

    /// CreateLogGroup.
    public func createLogGroup(_ name: String, retentionInDays: Int? = nil, tags: [String: String] = [:], caller: Caller) throws {
        if let rule = LogNames.groupViolation(name) { throw EngineError.invalidLogParameter(rule) }
        if let days = retentionInDays { try Self.validateRetention(days) }
        try Self.validateTags(tags)
        try account.write([.logs]) { db in
            try account.authorize(caller, "logs:CreateLogGroup", groupARN(name), db: db)
            if try groupExists(name, db) { throw EngineError.logGroupExists(name) }
            try db.execute(sql: "INSERT INTO log_groups(name, created_at, retention_days) VALUES (?, ?, ?)",
                           arguments: [name, nowMillis(), retentionInDays])
            try saveTags(tags, group: name, db)
        }
    }

    /// DeleteLogGroup, with all its streams and events.
    public func deleteLogGroup(_ name: String, caller: Caller) throws {
        try account.write([.logs]) { db in
            try account.authorize(caller, "logs:DeleteLogGroup", groupARN(name), db: db)
            try requireGroup(name, db)
            try db.execute(sql: "DELETE FROM log_groups WHERE name = ?", arguments: [name])
        }
    }

    /// PutRetentionPolicy: one of CloudWatch's fixed periods.
    public func putRetentionPolicy(group: String, days: Int, caller: Caller) throws {
        try Self.validateRetention(days)
        try setRetention(group: group, days: days, action: "logs:PutRetentionPolicy", caller: caller)
        // What the new period expires goes now, so storedBytes stops counting it at once, as AWS's does.
        // A failure here (the account busy) is left to the background sweep; reads skip expired events anyway.
        _ = try? purgeExpiredEvents(group: group)
    }

    /// DeleteRetentionPolicy: events are kept forever again.
    public func deleteRetentionPolicy(group: String, caller: Caller) throws {
        try setRetention(group: group, days: nil, action: "logs:DeleteRetentionPolicy", caller: caller)
    }

    private func setRetention(group: String, days: Int?, action: String, caller: Caller) throws {
        try account.write([.logs]) { db in
            try account.authorize(caller, action, groupARN(group), db: db)
            try requireGroup(group, db)
            try db.execute(sql: "UPDATE log_groups SET retention_days = ? WHERE name = ?", arguments: [days, group])
        }
    }

    /// DescribeLogGroups by name prefix, or by `pattern` (a part of the name, any case), in name order,
    /// `limit` (1-50) a page.
    public func describeLogGroups(prefix: String = "", pattern: String = "", limit: Int = 50, nextToken: String? = nil,
                                  caller: Caller) throws -> LogPage<LogGroup> {
        guard (1...50).contains(limit) else {
            throw EngineError.invalidLogParameter("limit must be between 1 and 50 (got \(limit)).")
        }
        if !prefix.isEmpty && !pattern.isEmpty {
            throw EngineError.invalidLogParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.")
        }
        let after = try nextToken.map(Self.decodeNameToken) ?? ""
        return try account.read { db in
            try account.authorize(caller, "logs:DescribeLogGroups",
                                  "arn:aws:logs:\(account.region):\(account.accountID):log-group:*", db: db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM log_groups WHERE name > ? AND substr(name, 1, length(?)) = ? AND instr(lower(name), lower(?)) > 0
                ORDER BY name LIMIT ?
                """, arguments: [after, prefix, prefix, pattern, limit + 1])
            let groups = rows.prefix(limit).map { row in
                LogGroup(name: row["name"], arn: groupARN(row["name"]), creationTime: row["created_at"],
                         retentionInDays: row["retention_days"], storedBytes: row["stored_bytes"])
            }
            let token = rows.count > limit ? groups.last.map { Self.encodeNameToken($0.name) } : nil
            return LogPage(items: Array(groups), nextToken: token)
        }
    }

    // MARK: - Log streams

    /// CreateLogStream.
    public func createLogStream(group: String, stream: String, caller: Caller) throws {
        if let rule = LogNames.streamViolation(stream) { throw EngineError.invalidLogParameter(rule) }
        try account.write([.logs]) { db in
            try account.authorize(caller, "logs:CreateLogStream", streamARN(group, stream), db: db)
            try requireGroup(group, db)
            if try streamExists(group, stream, db) { throw EngineError.logStreamExists(group: group, stream: stream) }
            try db.execute(sql: "INSERT INTO log_streams(group_name, name, created_at) VALUES (?, ?, ?)",
                           arguments: [group, stream, nowMillis()])
        }
    }

    /// DeleteLogStream, with its events.
    public func deleteLogStream(group: String, stream: String, caller: Caller) throws {
        try account.write([.logs]) { db in
            try account.authorize(caller, "logs:DeleteLogStream", streamARN(group, stream), db: db)
            try requireStream(group, stream, db)
            let bytes = try Int64.fetchOne(db, sql: "SELECT stored_bytes FROM log_streams WHERE group_name = ? AND name = ?",
                                           arguments: [group, stream]) ?? 0
            try db.execute(sql: "DELETE FROM log_streams WHERE group_name = ? AND name = ?", arguments: [group, stream])
            try db.execute(sql: "UPDATE log_groups SET stored_bytes = stored_bytes - ? WHERE name = ?", arguments: [bytes, group])
        }
    }

    /// How DescribeLogStreams orders its answer.
    public enum StreamOrder: Sendable {
        case logStreamName
        case lastEventTime
    }

    /// DescribeLogStreams by name prefix (name order only, as AWS requires), or by last event time.
    public func describeLogStreams(group: String, prefix: String = "", orderBy: StreamOrder = .logStreamName,
                                   descending: Bool = false, limit: Int = 50, nextToken: String? = nil,
                                   caller: Caller) throws -> LogPage<LogStream> {
        guard (1...50).contains(limit) else {
            throw EngineError.invalidLogParameter("limit must be between 1 and 50 (got \(limit)).")
        }
        if orderBy == .lastEventTime && !prefix.isEmpty {
            throw EngineError.invalidLogParameter("Cannot order by LastEventTime with a logStreamNamePrefix.")
        }
        let offsetKey = try nextToken.map(Self.decodeNameToken)
        return try account.read { db in
            try account.authorize(caller, "logs:DescribeLogStreams", groupARN(group), db: db)
            try requireGroup(group, db)
            let direction = descending ? "DESC" : "ASC"
            let sortColumn = orderBy == .logStreamName ? "name" : "coalesce(last_event_at, 0)"
            // The token holds the sort value and name of the last stream returned.
            // substr and length both count code points, so any prefix (emoji, combining marks) compares whole.
            var condition = "group_name = ? AND substr(name, 1, length(?)) = ?"
            var arguments: StatementArguments = [group, prefix, prefix]
            if let offsetKey {
                let parts = offsetKey.split(separator: "\u{1}", maxSplits: 1).map(String.init)
                let compare = descending ? "<" : ">"
                if orderBy == .logStreamName {
                    condition += " AND name \(compare) ?"
                    arguments += [parts.last ?? ""]
                } else {
                    condition += " AND (\(sortColumn), name) \(compare) (?, ?)"
                    arguments += [Int64(parts.first ?? "") ?? 0, parts.last ?? ""]
                }
            }
            arguments += [limit + 1]
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM log_streams WHERE \(condition) ORDER BY \(sortColumn) \(direction), name \(direction) LIMIT ?
                """, arguments: arguments)
            let streams = rows.prefix(limit).map(stream(from:))
            var token: String?
            if rows.count > limit, let last = streams.last {
                token = Self.encodeNameToken("\(last.lastEventTimestamp ?? 0)\u{1}\(last.name)")
            }
            return LogPage(items: Array(streams), nextToken: token)
        }
    }

    func stream(from row: Row) -> LogStream {
        LogStream(groupName: row["group_name"], name: row["name"], arn: streamARN(row["group_name"], row["name"]),
                  creationTime: row["created_at"], firstEventTimestamp: row["first_event_at"],
                  lastEventTimestamp: row["last_event_at"], lastIngestionTime: row["last_ingestion_at"],
                  storedBytes: row["stored_bytes"])
    }

    // MARK: - Checks and tokens

    static func validateRetention(_ days: Int) throws {
        guard LogNames.retentionDays.contains(days) else {
            throw EngineError.invalidLogParameter(
                "retentionInDays must be one of \(LogNames.retentionDays.map(String.init).joined(separator: ", ")) (got \(days)).")
        }
    }

    func groupExists(_ name: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM log_groups WHERE name = ?", arguments: [name]) ?? false
    }

    func streamExists(_ group: String, _ stream: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM log_streams WHERE group_name = ? AND name = ?",
                          arguments: [group, stream]) ?? false
    }

    func requireGroup(_ name: String, _ db: Database) throws {
        if try !groupExists(name, db) { throw EngineError.logGroupNotFound(name) }
    }

    func requireStream(_ group: String, _ stream: String, _ db: Database) throws {
        try requireGroup(group, db)
        if try !streamExists(group, stream, db) { throw EngineError.logStreamNotFound(group: group, stream: stream) }
    }

    static func encodeNameToken(_ value: String) -> String { Data(value.utf8).base64EncodedString() }

    static func decodeNameToken(_ token: String) throws -> String {
        guard let data = Data(base64Encoded: token) else {
            throw EngineError.invalidLogParameter("The specified nextToken is not valid.")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
