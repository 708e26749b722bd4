import Foundation
import GRDB

/// What to look up in the trail: at most one attribute, as CloudTrail's LookupEvents takes, and a time range.
public struct ActivityQuery: Sendable, Equatable {
    public enum Attribute: Sendable, Equatable {
        case userName(String)
        case eventName(String)
        case resourceName(String)
        case eventSource(String)
        case accessKeyID(String)
        case principalARN(String)
        case eventID(String)
        case readOnly(Bool)
        case resourceType(String)
    }

    public var attribute: Attribute?
    /// Milliseconds since the epoch, inclusive.
    public var startTime: Int64?
    public var endTime: Int64?
    /// Only denied calls.
    public var deniedOnly = false
    public var limit = 50
    /// The token a previous page gave.
    public var nextToken: String?

    public init(attribute: Attribute? = nil, startTime: Int64? = nil, endTime: Int64? = nil, deniedOnly: Bool = false,
                limit: Int = 50, nextToken: String? = nil) {
        self.attribute = attribute
        self.startTime = startTime
        self.endTime = endTime
        self.deniedOnly = deniedOnly
        self.limit = limit
        self.nextToken = nextToken
    }
}

/// A page of the trail, newest first.
public struct ActivityPage: Sendable, Equatable {
    public var events: [ActivityEvent]
    public var nextToken: String?
}

/// The account's activity trail: every authorization decision, newest first.
public struct ActivityService: Sendable {
    let account: Account

    /// Writes the decisions still waiting in memory (a front end calls it before it closes; tests before reading).
    public func flush() throws {
        try account.activityRecorder.flush(account)
    }

    /// LookupEvents: the newest events matching `query`, `limit` (1 to 1,000) a page.
    public func lookup(_ query: ActivityQuery, caller: Caller) throws -> ActivityPage {
        guard (1...1_000).contains(query.limit) else {
            throw EngineError(code: "InvalidMaxResultsException", httpStatus: 400,
                              message: "MaxResults must be between 1 and 1000 (got \(query.limit)).")
        }
        let before = try query.nextToken.map(Self.decodeToken)
        return try account.read { db in
            try account.authorize(caller, "cloudtrail:LookupEvents", "*", db: db)
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let (column, value) = query.attribute.map(Self.condition) {
                conditions.append("\(column) = ?")
                arguments += [value]
            }
            if let start = query.startTime {
                conditions.append("event_time >= ?")
                arguments += [start]
            }
            if let end = query.endTime {
                conditions.append("event_time <= ?")
                arguments += [end]
            }
            if query.deniedOnly { conditions.append("decision <> 'allowed'") }
            if let before {
                conditions.append("id < ?")
                arguments += [before]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [query.limit + 1]
            let rows = try ActivityEvent.fetchAll(db, sql: """
                SELECT * FROM activity_events \(whereClause) ORDER BY id DESC LIMIT ?
                """, arguments: arguments)
            let page = Array(rows.prefix(query.limit))
            let token = rows.count > query.limit ? page.last?.id.map(Self.encodeToken) : nil
            return ActivityPage(events: page, nextToken: token)
        }
    }

    static func condition(_ attribute: ActivityQuery.Attribute) -> (String, any DatabaseValueConvertible) {
        switch attribute {
        case .userName(let value): return ("user_name", value)
        case .eventName(let value): return ("event_name", value)
        case .resourceName(let value): return ("resource", value)
        case .eventSource(let value): return ("event_source", value)
        case .accessKeyID(let value): return ("access_key_id", value)
        case .principalARN(let value): return ("principal_arn", value)
        case .eventID(let value): return ("event_id", value)
        case .readOnly(let value): return ("read_only", value)
        case .resourceType(let value): return ("resource_type", value)
        }
    }

    static func encodeToken(_ id: Int64) -> String { Data("activity:\(id)".utf8).base64EncodedString() }

    static func decodeToken(_ token: String) throws -> Int64 {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("activity:"), let id = Int64(text.dropFirst("activity:".count)) else {
            throw EngineError(code: "InvalidNextTokenException", httpStatus: 400, message: "Invalid NextToken.")
        }
        return id
    }
}

extension ActivityService {
    /// Writes events straight into the trail in one transaction, for benchmarks that need a million of them.
    /// Not a front end's call: it skips authorization and the recorder on purpose.
    @_spi(Benchmarks)
    public func bulkLoad(_ events: some Sequence<ActivityEvent>) throws {
        try account.write([.activity]) { db in
            try ActivityRows.insert(Array(events), db)
        }
    }
}
