import GRDB
import IAMPolicy

/// Writes trail rows with one prepared statement and plain arguments: a batch of thousands is written on every
/// flush, so it skips the record's Codable encoding (several times slower per row, measured) and writes the
/// statements column by hand, in the JSON `ActivityEvent` reads back.
enum ActivityRows {
    static func insert(_ events: [ActivityEvent], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO activity_events(event_id, event_time, principal_arn, principal_kind, user_name, role_name,
                access_key_id, action, event_source, event_name, resource, resource_type, read_only, decision, statements,
                origin, origin_detail, user_agent, request_id, error_code, error_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for event in events {
            let values: [(any DatabaseValueConvertible)?] = [
                event.eventID, event.eventTime, event.principalARN, event.principalKind, event.userName, event.roleName,
                event.accessKeyID, event.action, event.eventSource, event.eventName, event.resource, event.resourceType,
                event.readOnly, event.decision, statementsJSON(event.statements), event.origin, event.originDetail,
                event.userAgent, event.requestID, event.errorCode, event.errorMessage,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    /// The statements as the JSON array `ActivityStatement`'s Codable reads.
    static func statementsJSON(_ statements: [ActivityStatement]) -> String {
        guard !statements.isEmpty else { return "[]" }
        let items = statements.map { statement -> String in
            var fields = [
                "\"effect\":" + JSONString.quoted(statement.effect),
                "\"index\":\(statement.index)",
                "\"line\":\(statement.line)",
                "\"policyName\":" + JSONString.quoted(statement.policyName),
                "\"source\":" + JSONString.quoted(statement.source),
            ]
            if let arn = statement.policyARN { fields.append("\"policyARN\":" + JSONString.quoted(arn)) }
            if let sid = statement.sid { fields.append("\"sid\":" + JSONString.quoted(sid)) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }
}
