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
