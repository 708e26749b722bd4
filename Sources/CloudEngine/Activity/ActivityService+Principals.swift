import Foundation
import GRDB

/// An IAM identity whose activity is asked about: a user, or a role (every session of it).
public enum ActivityPrincipal: Sendable, Hashable {
    case user(String)
    case role(String)

    /// The rows' condition and its one argument. A role's sessions are the principal ARNs under
    /// `…:assumed-role/NAME/`, a range of the principal index (the trail keeps no role index).
    func condition(accountID: String) -> (String, String, String?) {
        switch self {
        case .user(let name):
            return ("principal_kind = 'user' AND user_name = ?", name, nil)
        case .role(let name):
            let prefix = "arn:aws:sts::\(accountID):assumed-role/\(name)/"
            // "0" follows "/": every ARN with the prefix sorts between the two.
            return ("principal_arn >= ? AND principal_arn < ?", prefix, String(prefix.dropLast()) + "0")
        }
    }
}

/// When an identity last used a service, as IAM's Access Advisor shows it.
public struct ServiceLastAccessed: Sendable, Equatable {
    /// `s3`, `logs`.
    public var service: String
    /// Milliseconds since the epoch.
    public var lastAccessed: Int64
    /// The action of that last call, `s3:PutObject`.
    public var lastAction: String
    /// Calls to the service in the trail.
    public var calls: Int
}

extension ActivityService {
    /// Per service the identity called, its last call (allowed or denied), newest first. Authorized as
    /// `iam:GenerateServiceLastAccessedDetails`, the call AWS's Access Advisor makes.
    public func lastAccessed(by principal: ActivityPrincipal, caller: Caller) throws -> [ServiceLastAccessed] {
        try flush()
        return try account.read { db in
            try account.authorize(caller, "iam:GenerateServiceLastAccessedDetails", identityARN(principal), db: db)
            let (condition, first, second) = principal.condition(accountID: account.accountID)
            let bound: StatementArguments = second.map { [first, $0] } ?? [first]
            let rows = try Row.fetchAll(db, sql: """
                SELECT event_source, max(event_time) AS last, count(*) AS calls,
                       (SELECT action FROM activity_events latest WHERE latest.event_source = a.event_source AND \(condition)
                        ORDER BY id DESC LIMIT 1) AS action
                FROM activity_events a WHERE \(condition) GROUP BY event_source ORDER BY last DESC
                """, arguments: bound + bound)
            return rows.map { row in
                let source: String = row["event_source"]
                return ServiceLastAccessed(service: String(source.prefix { $0 != "." }), lastAccessed: row["last"],
                                           lastAction: row["action"] ?? "", calls: row["calls"])
            }
        }
    }

    /// A least-privilege policy from the identity's calls between `startTime` and `endTime` (milliseconds, inclusive):
    /// every call it made, allowed or denied, so what it was refused is what the policy adds. Authorized as
    /// `cloudtrail:LookupEvents`, since it reads the trail. Throws NoSuchEntity-like `NoActivity` when there is nothing to go on.
    public func generatePolicy(for principal: ActivityPrincipal, startTime: Int64? = nil, endTime: Int64? = nil,
                               caller: Caller) throws -> GeneratedPolicy {
        try flush()
        let calls = try account.read { db -> [GeneratedPolicy.Call] in
            try account.authorize(caller, "cloudtrail:LookupEvents", "*", db: db)
            let (condition, first, second) = principal.condition(accountID: account.accountID)
            let bound: StatementArguments = second.map { [first, $0] } ?? [first]
            let rows = try Row.fetchAll(db, sql: """
                SELECT action, resource, max(decision <> 'allowed') AS denied FROM activity_events
                WHERE \(condition) AND event_time >= ? AND event_time <= ? GROUP BY action, resource
                """, arguments: bound + [startTime ?? 0, endTime ?? Int64.max])
            return rows.map { GeneratedPolicy.Call(action: $0["action"], resource: $0["resource"], wasDenied: $0["denied"]) }
        }
        guard !calls.isEmpty else {
            throw EngineError(code: "NoActivity", httpStatus: 404,
                              message: "The trail has no calls by \(principal.label) in that time range; run it (invoke the function, make the calls) and generate again.")
        }
        return PolicyGenerator.generate(from: calls)
    }

    private func identityARN(_ principal: ActivityPrincipal) -> String {
        switch principal {
        case .user(let name): return "arn:aws:iam::\(account.accountID):user/\(name)"
        case .role(let name): return "arn:aws:iam::\(account.accountID):role/\(name)"
        }
    }
}

extension ActivityPrincipal {
    /// "user alice", "role orders-fn".
    public var label: String {
        switch self {
        case .user(let name): return "user \(name)"
        case .role(let name): return "role \(name)"
        }
    }
}
