import Foundation
import GRDB

extension IAMService {
    // MARK: - Roles

    static let minSessionDuration = 3600
    static let maxSessionDuration = 43200

    /// CreateRole. The trust policy says who may assume the role; it is parsed as a trust policy
    /// (MalformedPolicyDocument with line and column) and may be at most 2,048 non-whitespace characters.
    /// The `/aws-service-role/` path is refused: only a service makes a service-linked role.
    @discardableResult
    public func createRole(_ name: String, trustPolicy: String, path: String = "/", description: String? = nil,
                           maxSessionDuration: Int = 3600, permissionsBoundary: String? = nil, tags: [IAMTag] = [],
                           caller: Caller) throws -> IAMRole {
        try Self.validateRole(name, trustPolicy: trustPolicy, path: path, description: description,
                              maxSessionDuration: maxSessionDuration, tags: tags)
        return try account.write([.iam]) { db in
            try insertRole(name, trustPolicy: trustPolicy, path: path, description: description,
                           maxSessionDuration: maxSessionDuration, permissionsBoundary: permissionsBoundary, tags: tags,
                           caller: caller, db)
        }
    }

    /// CreateRole followed by AttachRolePolicy for each of `policyARNs`, in one transaction, as the AWS
    /// console's create-role wizard does it: every call is authorized, and if any is refused nothing is made.
    @discardableResult
    public func createRole(_ name: String, trustPolicy: String, path: String = "/", description: String? = nil,
                           tags: [IAMTag] = [], attaching policyARNs: [String], caller: Caller) throws -> IAMRole {
        try Self.validateRole(name, trustPolicy: trustPolicy, path: path, description: description,
                              maxSessionDuration: Self.minSessionDuration, tags: tags)
        for arn in policyARNs { try Self.requirePolicyARNShape(arn) }
        return try account.write([.iam]) { db in
            let role = try insertRole(name, trustPolicy: trustPolicy, path: path, description: description,
                                      maxSessionDuration: Self.minSessionDuration, permissionsBoundary: nil, tags: tags,
                                      caller: caller, db)
            for arn in policyARNs { try attach(arn, to: .role(name), caller: caller, db) }
            return role
        }
    }

    private static func validateRole(_ name: String, trustPolicy: String, path: String, description: String?,
                                      maxSessionDuration: Int, tags: [IAMTag]) throws {
        try IAMNames.require(IAMNames.nameViolations(name, member: "roleName", max: IAMNames.roleNameMax)
            + IAMNames.pathViolations(path)
            + (description.map(IAMNames.roleDescriptionViolations) ?? [])
            + Self.sessionDurationViolations(maxSessionDuration))
        if ServiceLinkedRoles.isServiceLinked(path: path) { throw ServiceLinkedRoles.reservedPath(path) }
        try Self.validateTags(tags)
        try Self.validateTrustPolicy(trustPolicy)
    }

    private func insertRole(_ name: String, trustPolicy: String, path: String, description: String?, maxSessionDuration: Int,
                            permissionsBoundary: String?, tags: [IAMTag], caller: Caller, _ db: Database) throws -> IAMRole {
        _ = try prepareCreation(.role, name: name, path: path, tags: tags, boundary: permissionsBoundary, caller: caller, db)
        let id = newUniqueID(Self.idPrefix(.role))
        try db.execute(sql: """
            INSERT INTO iam_roles(id, name, path, trust_policy, description, max_session_duration, created_at, permissions_boundary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, name, path, trustPolicy, description, maxSessionDuration, account.clock.now().timeIntervalSince1970,
                             permissionsBoundary])
        try insertTags(tags, kind: .role, id: id, db)
        return try role(from: entity(.role, try requireRow(.role, id: id, db)), db)
    }

    /// GetRole.
    public func role(_ name: String, caller: Caller) throws -> IAMRole {
        try account.read { db in
            try role(from: authorizedEntity(.role(name), action: "iam:GetRole", caller: caller, db), db)
        }
    }

    /// ListRoles, by name, optionally only those whose path starts with `pathPrefix`.
    public func listRoles(pathPrefix: String = "/", caller: Caller) throws -> [IAMRole] {
        try account.read { db in
            try listEntities(.role, pathPrefix: pathPrefix, caller: caller, db).map { try role(from: $0, db) }
        }
    }

    /// DeleteRole. Refuses (DeleteConflict) while policies are attached or inline policies remain.
    ///
    /// Sessions of the role already handed out keep their identity until they
    /// expire, but with the role gone no policy grants them anything.
    public func deleteRole(_ name: String, caller: Caller) throws {
        try deleteRole(name, detachingPolicies: false, caller: caller)
    }

    /// DeleteRole, first (when `detachingPolicies`) detaching its managed policies and deleting its inline
    /// ones, as the AWS console does: one transaction, each call authorized, all or nothing.
    public func deleteRole(_ name: String, detachingPolicies: Bool, caller: Caller) throws {
        try account.write([.iam]) { db in
            let row = try authorizedEntity(.role(name), action: "iam:DeleteRole", caller: caller, db)
            if detachingPolicies { try detachEverything(row, caller: caller, db) }
            try requireNoPolicies(row, db)
            try db.execute(sql: "DELETE FROM iam_tags WHERE principal_kind = 'role' AND principal_id = ?", arguments: [row.id])
            try db.execute(sql: "DELETE FROM iam_roles WHERE id = ?", arguments: [row.id])
        }
    }

    /// UpdateAssumeRolePolicy: replaces the role's trust policy.
    public func updateAssumeRolePolicy(role name: String, trustPolicy: String, caller: Caller) throws {
        try Self.validateTrustPolicy(trustPolicy)
        try account.write([.iam]) { db in
            let row = try authorizedEntity(.role(name), action: "iam:UpdateAssumeRolePolicy", caller: caller, db)
            try db.execute(sql: "UPDATE iam_roles SET trust_policy = ? WHERE id = ?", arguments: [trustPolicy, row.id])
        }
    }

    /// UpdateRole: changes the description and/or the maximum session duration (nil leaves a value as it is).
    public func updateRole(_ name: String, description: String? = nil, maxSessionDuration: Int? = nil, caller: Caller) throws {
        try IAMNames.require((description.map(IAMNames.roleDescriptionViolations) ?? [])
            + (maxSessionDuration.map(Self.sessionDurationViolations) ?? []))
        try account.write([.iam]) { db in
            let row = try authorizedEntity(.role(name), action: "iam:UpdateRole", caller: caller, db)
            if let description {
                try db.execute(sql: "UPDATE iam_roles SET description = ? WHERE id = ?", arguments: [description, row.id])
            }
            if let maxSessionDuration {
                try db.execute(sql: "UPDATE iam_roles SET max_session_duration = ? WHERE id = ?", arguments: [maxSessionDuration, row.id])
            }
        }
    }

    // MARK: - Helpers

    func role(from entity: EntityRow, _ db: Database) throws -> IAMRole {
        let row = entity.row
        return IAMRole(name: entity.name, id: entity.id, path: entity.path, arn: entity.arn, createdAt: date(row, "created_at"),
                       trustPolicy: row["trust_policy"], description: row["description"],
                       maxSessionDuration: row["max_session_duration"], permissionsBoundary: row["permissions_boundary"],
                       tags: try tags(.role, id: entity.id, db), lastUsedAt: optionalDate(row, "last_used_at"),
                       lastUsedRegion: row["last_used_region"])
    }

    func requireRow(_ kind: IAMEntity.Kind, id: String, _ db: Database) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(Self.table(kind)) WHERE id = ?", arguments: [id]) else {
            throw EngineError.internalError("The \(kind.rawValue) \(id) vanished while it was being written.")
        }
        return row
    }

    static func sessionDurationViolations(_ seconds: Int) -> [ParameterViolation] {
        if seconds < minSessionDuration {
            return [ParameterViolation(member: "maxSessionDuration", number: seconds,
                                       constraint: "Member must have value greater than or equal to \(minSessionDuration)")]
        }
        if seconds > maxSessionDuration {
            return [ParameterViolation(member: "maxSessionDuration", number: seconds,
                                       constraint: "Member must have value less than or equal to \(maxSessionDuration)")]
        }
        return []
    }

    /// A trust policy must fit IAM's 2,048-character quota and parse as a trust policy.
    static func validateTrustPolicy(_ text: String) throws {
        try validateDocument(text, kind: .trust, limit: .roleTrustPolicy)
    }
}
