import Foundation
import GRDB

extension IAMService {
    /// ListEntitiesForPolicy: the users, groups and roles a managed policy (customer or AWS) is attached to,
    /// by kind (groups, roles, users, as IAM's response lists them) and then by name.
    ///
    /// Permissions boundaries are not attachments and are not listed.
    public func entities(attachedTo policyARN: String, caller: Caller) throws -> [IAMEntity] {
        try Self.requirePolicyARNShape(policyARN)
        return try account.read { db in
            try account.authorize(caller, "iam:ListEntitiesForPolicy", policyARN, db: db)
            guard try managedPolicyExists(policyARN, db) else { throw Self.noSuchPolicy(policyARN) }
            var entities: [IAMEntity] = []
            for kind in [IAMEntity.Kind.group, .role, .user] {
                let names = try String.fetchAll(db, sql: """
                    SELECT e.name FROM iam_attachments a JOIN \(Self.table(kind)) e ON e.id = a.principal_id
                    WHERE a.policy_arn = ? AND a.principal_kind = ? ORDER BY e.name
                    """, arguments: [policyARN, kind.rawValue])
                entities += names.map { name in
                    switch kind {
                    case .user: return .user(name)
                    case .group: return .group(name)
                    case .role: return .role(name)
                    }
                }
            }
            return entities
        }
    }
}
