import Foundation
import GRDB

extension IAMService {
    // MARK: - Groups

    /// CreateGroup. The name is unique in the account without regard to case.
    @discardableResult
    public func createGroup(_ name: String, path: String = "/", caller: Caller) throws -> IAMGroup {
        try IAMNames.require(IAMNames.nameViolations(name, member: "groupName", max: IAMNames.groupNameMax)
            + IAMNames.pathViolations(path))
        let now = account.clock.now()
        return try account.write([.iam]) { db in
            let groupARN = try prepareCreation(.group, name: name, path: path, caller: caller, db)
            let id = newUniqueID(Self.idPrefix(.group))
            try db.execute(sql: "INSERT INTO iam_groups(id, name, path, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [id, name, path, now.timeIntervalSince1970])
            return IAMGroup(name: name, id: id, path: path, arn: groupARN, createdAt: now)
        }
    }

    /// GetGroup: the group and its members, by user name.
    public func group(_ name: String, caller: Caller) throws -> IAMGroupDetails {
        try account.read { db in
            let row = try authorizedEntity(.group(name), action: "iam:GetGroup", caller: caller, db)
            let members = try Row.fetchAll(db, sql: """
                SELECT u.* FROM iam_group_members m JOIN iam_users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY u.name
                """, arguments: [row.id])
            return IAMGroupDetails(group: group(from: row), users: try members.map { try user(from: entity(.user, $0), db) })
        }
    }

    /// ListGroups, by name, optionally only those whose path starts with `pathPrefix`.
    public func listGroups(pathPrefix: String = "/", caller: Caller) throws -> [IAMGroup] {
        try account.read { db in
            try listEntities(.group, pathPrefix: pathPrefix, caller: caller, db).map(group(from:))
        }
    }

    /// DeleteGroup. Refuses (DeleteConflict) while the group has members or policies.
    public func deleteGroup(_ name: String, caller: Caller) throws {
        try deleteGroup(name, detachingEverything: false, caller: caller)
    }

    /// DeleteGroup, first (when `detachingEverything`) removing its members, detaching its managed policies and
    /// deleting its inline ones: one transaction, each call authorized with its own action, all or nothing.
    public func deleteGroup(_ name: String, detachingEverything: Bool, caller: Caller) throws {
        try account.write([.iam]) { db in
            let row = try authorizedEntity(.group(name), action: "iam:DeleteGroup", caller: caller, db)
            if detachingEverything {
                let members = try Row.fetchAll(db, sql: """
                    SELECT u.* FROM iam_group_members m JOIN iam_users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY u.name
                    """, arguments: [row.id])
                for member in members { try removeMember(entity(.user, member), from: row.name, caller: caller, db) }
                try detachEverything(row, caller: caller, db)
            }
            let members = try count("SELECT count(*) FROM iam_group_members WHERE group_id = ?", row.id, db)
            if members > 0 {
                throw EngineError.deleteConflict(
                    "Cannot delete entity, must remove users from group first. Group \(row.name) has \(members) member\(members == 1 ? "" : "s"); remove them with RemoveUserFromGroup.",
                    resource: row.name)
            }
            try requireNoPolicies(row, db)
            try db.execute(sql: "DELETE FROM iam_groups WHERE id = ?", arguments: [row.id])
        }
    }

    /// AddUserToGroup. Adding a member again does nothing; a user can be in at most 10 groups.
    public func addUserToGroup(group groupName: String, user userName: String, caller: Caller) throws {
        try account.write([.iam]) { db in
            let group = try authorizedEntity(.group(groupName), action: "iam:AddUserToGroup", caller: caller, db)
            guard let user = try entityRow(.user, name: userName, db) else { throw Self.noSuchEntity(.user(userName)) }
            let already = try Bool.fetchOne(db, sql: "SELECT 1 FROM iam_group_members WHERE group_id = ? AND user_id = ?",
                                            arguments: [group.id, user.id]) ?? false
            if already { return }
            let groups = try count("SELECT count(*) FROM iam_group_members WHERE user_id = ?", user.id, db)
            if groups >= Self.groupsPerUser {
                throw EngineError.limitExceeded(
                    "Cannot exceed quota for GroupsPerUser: \(Self.groupsPerUser). User \(user.name) is already in \(groups) groups; remove it from one first.",
                    resource: user.name)
            }
            try db.execute(sql: "INSERT INTO iam_group_members(group_id, user_id, added_at) VALUES (?, ?, ?)",
                           arguments: [group.id, user.id, account.clock.now().timeIntervalSince1970])
        }
    }

    /// RemoveUserFromGroup. NoSuchEntity when the user is not a member.
    public func removeUserFromGroup(group groupName: String, user userName: String, caller: Caller) throws {
        try account.write([.iam]) { db in
            guard let user = try entityRow(.user, name: userName, db) else {
                _ = try authorizedEntity(.group(groupName), action: "iam:RemoveUserFromGroup", caller: caller, db)
                throw Self.noSuchEntity(.user(userName))
            }
            try removeMember(user, from: groupName, caller: caller, db)
        }
    }

    /// ListGroupsForUser, by name.
    public func listGroupsForUser(_ userName: String, caller: Caller) throws -> [IAMGroup] {
        try account.read { db in
            let user = try authorizedEntity(.user(userName), action: "iam:ListGroupsForUser", caller: caller, db)
            return try Row.fetchAll(db, sql: """
                SELECT g.* FROM iam_group_members m JOIN iam_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.name
                """, arguments: [user.id])
                .map { group(from: entity(.group, $0)) }
        }
    }

    // MARK: - Helpers

    /// RemoveUserFromGroup inside the caller's transaction, authorized on the group.
    func removeMember(_ user: EntityRow, from groupName: String, caller: Caller, _ db: Database) throws {
        let group = try authorizedEntity(.group(groupName), action: "iam:RemoveUserFromGroup", caller: caller, db)
        try db.execute(sql: "DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?", arguments: [group.id, user.id])
        if db.changesCount == 0 {
            throw EngineError.noSuchEntity(
                "User \(user.name) is not a member of group \(group.name). GetGroup lists its members.", resource: user.name)
        }
    }

    /// The names of the groups a user (by id) is in, by name.
    func groupNames(ofUser userID: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT g.name FROM iam_group_members m JOIN iam_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.name
            """, arguments: [userID])
    }


    func group(from entity: EntityRow) -> IAMGroup {
        IAMGroup(name: entity.name, id: entity.id, path: entity.path, arn: entity.arn, createdAt: date(entity.row, "created_at"))
    }
}
