import Foundation
import GRDB

extension IAMService {
    // MARK: - Users

    /// CreateUser. The name is unique in the account without regard to case.
    @discardableResult
    public func createUser(_ name: String, path: String = "/", permissionsBoundary: String? = nil,
                           tags: [IAMTag] = [], caller: Caller) throws -> IAMUser {
        try IAMNames.require(IAMNames.nameViolations(name, member: "userName", max: IAMNames.userNameMax)
            + IAMNames.pathViolations(path))
        try Self.validateTags(tags)
        let now = account.clock.now()
        return try account.write([.iam]) { db in
            let userARN = try prepareCreation(.user, name: name, path: path, tags: tags, boundary: permissionsBoundary,
                                              caller: caller, db)
            let id = newUniqueID(Self.idPrefix(.user))
            try db.execute(sql: "INSERT INTO iam_users(id, name, path, created_at, permissions_boundary) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, name, path, now.timeIntervalSince1970, permissionsBoundary])
            try insertTags(tags, kind: .user, id: id, db)
            return IAMUser(name: name, id: id, path: path, arn: userARN, createdAt: now,
                           permissionsBoundary: permissionsBoundary, tags: try self.tags(.user, id: id, db))
        }
    }

    /// GetUser. Without a name, the calling user (IAM's behaviour); a root or role caller must name one.
    public func user(_ name: String? = nil, caller: Caller) throws -> IAMUser {
        let target = try name ?? callingUserName(caller, parameter: "userName")
        return try account.read { db in
            let row = try authorizedEntity(.user(target), action: "iam:GetUser", caller: caller, db)
            return try user(from: row, db)
        }
    }

    /// ListUsers, by name, optionally only those whose path starts with `pathPrefix`.
    public func listUsers(pathPrefix: String = "/", caller: Caller) throws -> [IAMUser] {
        try account.read { db in
            try listEntities(.user, pathPrefix: pathPrefix, caller: caller, db).map { try user(from: $0, db) }
        }
    }

    /// DeleteUser. Refuses (DeleteConflict, IAM's words) while the user has access keys,
    /// inline policies, attached policies or group memberships: remove those first.
    public func deleteUser(_ name: String, caller: Caller) throws {
        try deleteUser(name, detachingEverything: false, caller: caller)
    }

    /// DeleteUser, first (when `detachingEverything`) deleting its access keys, removing it from its groups,
    /// detaching its managed policies and deleting its inline ones, as the AWS console does: one transaction,
    /// each call authorized with its own action, all or nothing.
    public func deleteUser(_ name: String, detachingEverything: Bool, caller: Caller) throws {
        try account.write([.iam]) { db in
            let row = try authorizedEntity(.user(name), action: "iam:DeleteUser", caller: caller, db)
            if detachingEverything {
                let owner = KeyOwner(userID: row.id, userName: row.name, arn: row.arn)
                for key in try String.fetchAll(db, sql: "SELECT id FROM iam_access_keys WHERE user_id = ? ORDER BY id",
                                               arguments: [row.id]) {
                    try account.authorize(caller, "iam:DeleteAccessKey", owner.arn, db: db)
                    try db.execute(sql: "DELETE FROM iam_access_keys WHERE id = ?", arguments: [key])
                }
                for group in try groupNames(ofUser: row.id, db) {
                    try removeMember(row, from: group, caller: caller, db)
                }
                try detachEverything(row, caller: caller, db)
            }
            let keys = try count("SELECT count(*) FROM iam_access_keys WHERE user_id = ?", row.id, db)
            if keys > 0 {
                throw EngineError.deleteConflict(
                    "Cannot delete entity, must delete access keys first. User \(row.name) has \(keys) access key\(keys == 1 ? "" : "s"); delete them with DeleteAccessKey.",
                    resource: row.name)
            }
            try requireNoPolicies(row, db)
            let groups = try count("SELECT count(*) FROM iam_group_members WHERE user_id = ?", row.id, db)
            if groups > 0 {
                throw EngineError.deleteConflict(
                    "Cannot delete entity, must remove user from all groups first. User \(row.name) is in \(groups) group\(groups == 1 ? "" : "s"); remove it with RemoveUserFromGroup (ListGroupsForUser shows them).",
                    resource: row.name)
            }
            try db.execute(sql: "DELETE FROM iam_tags WHERE principal_kind = 'user' AND principal_id = ?", arguments: [row.id])
            try db.execute(sql: "DELETE FROM iam_users WHERE id = ?", arguments: [row.id])
        }
    }

    // MARK: - Tags (users and roles)

    /// TagUser / TagRole: adds tags, replacing the value of a key already there. At most 50 tags each.
    public func tag(_ entity: IAMEntity, tags: [IAMTag], caller: Caller) throws {
        let kind = try userOrRole(entity, refusal: "IAM groups cannot be tagged; tag the users or roles instead.")
        try Self.validateTags(tags)
        try account.write([.iam]) { db in
            let row = try authorizedEntity(entity, action: "iam:Tag\(kind.operationWord)", caller: caller,
                                           context: Self.requestTagContext(tags), db)
            let existing = Set(try self.tags(kind, id: row.id, db).map { $0.key.lowercased() })
            let added = Set(tags.map { $0.key.lowercased() }).subtracting(existing)
            if existing.count + added.count > IAMNames.tagsPerEntity {
                throw EngineError.limitExceeded(
                    "Cannot exceed quota for TagsPer\(kind.operationWord): \(IAMNames.tagsPerEntity). \(row.name) has \(existing.count) tags; remove some with Untag\(kind.operationWord) first.",
                    resource: row.name)
            }
            try insertTags(tags, kind: kind, id: row.id, db)
        }
    }

    /// UntagUser / UntagRole: removes the tags with these keys (keys not there are ignored, as in IAM).
    public func untag(_ entity: IAMEntity, keys: [String], caller: Caller) throws {
        let kind = try userOrRole(entity, refusal: "IAM groups cannot be tagged; tag the users or roles instead.")
        try account.write([.iam]) { db in
            let row = try authorizedEntity(entity, action: "iam:Untag\(kind.operationWord)", caller: caller,
                                           context: keys.isEmpty ? [:] : ["aws:TagKeys": keys], db)
            for key in keys {
                try db.execute(sql: "DELETE FROM iam_tags WHERE principal_kind = ? AND principal_id = ? AND key = ?",
                               arguments: [kind.rawValue, row.id, key])
            }
        }
    }

    /// ListUserTags / ListRoleTags, by key.
    public func tags(of entity: IAMEntity, caller: Caller) throws -> [IAMTag] {
        let kind = try userOrRole(entity, refusal: "IAM groups cannot be tagged; tag the users or roles instead.")
        return try account.read { db in
            let row = try authorizedEntity(entity, action: "iam:List\(kind.operationWord)Tags", caller: caller, db)
            return try tags(kind, id: row.id, db)
        }
    }

    // MARK: - Permissions boundaries (users and roles)

    /// PutUserPermissionsBoundary / PutRolePermissionsBoundary: caps what identity policies can grant.
    public func putPermissionsBoundary(_ policyARN: String, on entity: IAMEntity, caller: Caller) throws {
        let kind = try userOrRole(entity, refusal: "A permissions boundary can be set on a user or a role, not on a group.")
        try account.write([.iam]) { db in
            let row = try authorizedEntity(entity, action: "iam:Put\(kind.operationWord)PermissionsBoundary", caller: caller,
                                           context: ["iam:PermissionsBoundary": [policyARN]], db)
            try requireBoundaryPolicy(policyARN, db)
            try db.execute(sql: "UPDATE \(Self.table(kind)) SET permissions_boundary = ? WHERE id = ?", arguments: [policyARN, row.id])
        }
    }

    /// DeleteUserPermissionsBoundary / DeleteRolePermissionsBoundary.
    public func deletePermissionsBoundary(from entity: IAMEntity, caller: Caller) throws {
        let kind = try userOrRole(entity, refusal: "A permissions boundary can be set on a user or a role, not on a group.")
        try account.write([.iam]) { db in
            let row = try authorizedEntity(entity, action: "iam:Delete\(kind.operationWord)PermissionsBoundary", caller: caller, db)
            guard row.row["permissions_boundary"] as String? != nil else {
                throw EngineError.noSuchEntity(
                    "The \(kind.rawValue) \(row.name) has no permissions boundary; there is nothing to delete.", resource: row.name)
            }
            try db.execute(sql: "UPDATE \(Self.table(kind)) SET permissions_boundary = NULL WHERE id = ?", arguments: [row.id])
        }
    }

    // MARK: - Helpers


    func user(from entity: EntityRow, _ db: Database) throws -> IAMUser {
        IAMUser(name: entity.name, id: entity.id, path: entity.path, arn: entity.arn, createdAt: date(entity.row, "created_at"),
                permissionsBoundary: entity.row["permissions_boundary"], tags: try tags(.user, id: entity.id, db))
    }

    /// The name of the user making the call, for the calls that default to "yourself".
    func callingUserName(_ caller: Caller, parameter: String) throws -> String {
        if case let .user(name, _, _) = caller.identity { return name }
        throw EngineError.iamValidation(
            "Must specify \(parameter) when calling with non-User credentials: the root user and role sessions have no user of their own.")
    }

    func count(_ sql: String, _ argument: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: sql, arguments: [argument]) ?? 0
    }

    /// DeleteConflict while the user, group or role still has inline or attached policies.
    func requireNoPolicies(_ row: EntityRow, _ db: Database) throws {
        let kind = row.kind
        let inline = try Int.fetchOne(db, sql: "SELECT count(*) FROM iam_inline_policies WHERE principal_kind = ? AND principal_id = ?",
                                      arguments: [kind.rawValue, row.id]) ?? 0
        if inline > 0 {
            throw EngineError.deleteConflict(
                "Cannot delete entity, must delete policies first. The \(kind.rawValue) \(row.name) has \(inline) inline polic\(inline == 1 ? "y" : "ies"); delete them with Delete\(kind.operationWord)Policy.",
                resource: row.name)
        }
        let attached = try Int.fetchOne(db, sql: "SELECT count(*) FROM iam_attachments WHERE principal_kind = ? AND principal_id = ?",
                                        arguments: [kind.rawValue, row.id]) ?? 0
        if attached > 0 {
            throw EngineError.deleteConflict(
                "Cannot delete entity, must detach all policies first. The \(kind.rawValue) \(row.name) has \(attached) managed polic\(attached == 1 ? "y" : "ies") attached; detach them with Detach\(kind.operationWord)Policy.",
                resource: row.name)
        }
    }

    /// Detaches every managed policy of the user, group or role and deletes its inline policies, each call
    /// authorized as Detach…Policy / Delete…Policy, inside the caller's transaction.
    func detachEverything(_ row: EntityRow, caller: Caller, _ db: Database) throws {
        let entity = row.kind.entity(row.name)
        for arn in try attachedARNs(row, db).sorted() { try detach(arn, from: entity, caller: caller, db) }
        let inline = try String.fetchAll(db, sql: """
            SELECT name FROM iam_inline_policies WHERE principal_kind = ? AND principal_id = ? ORDER BY name
            """, arguments: [row.kind.rawValue, row.id])
        for policy in inline { try deleteInline(policy, from: entity, caller: caller, db) }
    }

    /// LimitExceeded when the account already has `limit` rows in `table`.
    func requireRoom(table: String, quota: String, limit: Int, _ db: Database) throws {
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        if existing >= limit {
            throw EngineError.limitExceeded("Cannot exceed quota for \(quota): \(limit). Delete one you no longer need first.")
        }
    }

    /// The kind of `entity` for the calls only users and roles support (tags, boundaries); InvalidInput for a group.
    private func userOrRole(_ entity: IAMEntity, refusal: String) throws -> IAMEntity.Kind {
        guard entity.kind != .group else { throw EngineError.invalidInput(refusal) }
        return entity.kind
    }
}
