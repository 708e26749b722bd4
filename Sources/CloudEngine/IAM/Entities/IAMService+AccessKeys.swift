import Foundation
import GRDB

extension IAMService {
    // MARK: - Access keys

    /// Whose access keys a call is about: a user's, or the account root's.
    struct KeyOwner {
        /// Nil for the root.
        var userID: String?
        var userName: String?
        var arn: String
    }

    /// CreateAccessKey. Returns the secret: the only time it is ever shown.
    ///
    /// Without `userName`, the key is the calling user's (or the root's, for the root). At most two per owner.
    @discardableResult
    public func createAccessKey(userName: String? = nil, caller: Caller) throws -> AccessKey {
        try account.write([.iam]) { db in
            let owner = try authorizedKeyOwner(userName, action: "iam:CreateAccessKey", caller: caller, db)
            return try Self.insertAccessKey(owner: owner, ids: account.ids, now: account.clock.now(), db)
        }
    }

    /// ListAccessKeys: the keys of the user (or the caller, or the root), without their secrets.
    public func listAccessKeys(userName: String? = nil, caller: Caller) throws -> [AccessKeyMetadata] {
        try account.read { db in
            let owner = try authorizedKeyOwner(userName, action: "iam:ListAccessKeys", caller: caller, db)
            return try Row.fetchAll(db, sql: "SELECT * FROM iam_access_keys WHERE user_id IS ? ORDER BY created_at, id",
                                    arguments: [owner.userID])
                .map { row in
                    AccessKeyMetadata(userName: owner.userName, accessKeyID: row["id"],
                                      status: AccessKeyStatus(rawValue: row["status"]) ?? .inactive, createdAt: date(row, "created_at"))
                }
        }
    }

    /// UpdateAccessKey: makes a key Active or Inactive. An inactive key no longer signs requests.
    public func updateAccessKey(_ accessKeyID: String, status: AccessKeyStatus, userName: String? = nil, caller: Caller) throws {
        try account.write([.iam]) { db in
            let owner = try authorizedKeyOwner(userName, action: "iam:UpdateAccessKey", caller: caller, db)
            try requireKey(accessKeyID, of: owner, db)
            try db.execute(sql: "UPDATE iam_access_keys SET status = ? WHERE id = ?", arguments: [status.rawValue, accessKeyID])
        }
    }

    /// DeleteAccessKey.
    public func deleteAccessKey(_ accessKeyID: String, userName: String? = nil, caller: Caller) throws {
        try account.write([.iam]) { db in
            let owner = try authorizedKeyOwner(userName, action: "iam:DeleteAccessKey", caller: caller, db)
            try requireKey(accessKeyID, of: owner, db)
            try db.execute(sql: "DELETE FROM iam_access_keys WHERE id = ?", arguments: [accessKeyID])
        }
    }

    /// GetAccessKeyLastUsed. A key never used reports service and region `N/A`, as IAM does.
    public func accessKeyLastUsed(_ accessKeyID: String, caller: Caller) throws -> AccessKeyLastUsed {
        try account.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT k.*, u.name AS user_name, u.path AS user_path FROM iam_access_keys k
                LEFT JOIN iam_users u ON u.id = k.user_id WHERE k.id = ?
                """, arguments: [accessKeyID])
            let userName: String? = row?["user_name"]
            let resource = userName.map { arn(.user, name: $0, path: row?["user_path"] ?? "/") } ?? rootARN
            try account.authorize(caller, "iam:GetAccessKeyLastUsed", resource, db: db)
            guard let row else { throw Self.noSuchAccessKey(accessKeyID) }
            return AccessKeyLastUsed(userName: userName, lastUsedAt: optionalDate(row, "last_used_at"),
                                     serviceName: row["last_used_service"] ?? "N/A", region: row["last_used_region"] ?? "N/A")
        }
    }

    /// Records that `accessKeyID` signed a request to `service` (`s3`, `iam`, ...) in `region`.
    ///
    /// Front ends call it after a signature checks out. Writes at most once a
    /// minute per key and service, so a busy client does not turn every request into a write.
    public func recordAccessKeyUse(_ accessKeyID: String, service: String, region: String? = nil) throws {
        let now = account.clock.now().timeIntervalSince1970
        let usedRegion = region ?? account.region
        let current = try account.read { db in
            try Row.fetchOne(db, sql: "SELECT last_used_at, last_used_service, last_used_region FROM iam_access_keys WHERE id = ?",
                             arguments: [accessKeyID])
        }
        guard let current else { return }
        if let last: Double = current["last_used_at"], now - last < 60,
           current["last_used_service"] == service, current["last_used_region"] == usedRegion {
            return
        }
        try account.write([]) { db in
            try db.execute(sql: "UPDATE iam_access_keys SET last_used_at = ?, last_used_service = ?, last_used_region = ? WHERE id = ?",
                           arguments: [now, service, usedRegion, accessKeyID])
        }
    }

    /// The root user's active access key with its secret, for front ends that show how to
    /// configure the AWS CLI against this local account (whoever holds the file owns the account).
    public func rootAccessKey() throws -> AccessKey? {
        try account.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM iam_access_keys WHERE user_id IS NULL AND status = 'Active' ORDER BY created_at, id LIMIT 1
                """) else { return nil }
            return AccessKey(userName: nil, accessKeyID: row["id"], secretAccessKey: row["secret"], status: .active,
                             createdAt: date(row, "created_at"))
        }
    }

    // MARK: - Helpers

    /// Inserts a new key for `owner`, enforcing the two-keys quota. Used by CreateAccessKey and when an account is created.
    static func insertAccessKey(owner: KeyOwner, ids: any IDGenerator, now: Date, _ db: Database) throws -> AccessKey {
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM iam_access_keys WHERE user_id IS ?", arguments: [owner.userID]) ?? 0
        if existing >= accessKeysPerUser {
            let who = owner.userName.map { "User \($0)" } ?? "The root user"
            throw EngineError.limitExceeded(
                "Cannot exceed quota for AccessKeysPerUser: \(accessKeysPerUser). \(who) already has \(existing) access keys; delete one (DeleteAccessKey) before creating another.",
                resource: owner.userName)
        }
        let key = AccessKey(userName: owner.userName, accessKeyID: "AKIA" + ids.upperAlphanumeric(16),
                            secretAccessKey: CredentialFactory.secret(ids), status: .active, createdAt: now)
        try db.execute(sql: "INSERT INTO iam_access_keys(id, user_id, secret, status, created_at) VALUES (?, ?, ?, 'Active', ?)",
                       arguments: [key.accessKeyID, owner.userID, key.secretAccessKey, now.timeIntervalSince1970])
        return key
    }

    /// Creates the root user's first access key; called once, when the account file is created.
    static func createRootAccessKey(accountID: String, ids: any IDGenerator, now: Date, _ db: Database) throws {
        _ = try insertAccessKey(owner: KeyOwner(userID: nil, userName: nil, arn: "arn:aws:iam::\(accountID):root"),
                                ids: ids, now: now, db)
    }

    /// Resolves whose keys the call is about and authorizes `action` on that owner's ARN.
    private func authorizedKeyOwner(_ userName: String?, action: String, caller: Caller, _ db: Database) throws -> KeyOwner {
        let name: String
        if let userName {
            name = userName
        } else if caller.isRoot {
            try account.authorize(caller, action, rootARN, db: db)
            return KeyOwner(userID: nil, userName: nil, arn: rootARN)
        } else {
            name = try callingUserName(caller, parameter: "userName")
        }
        let row = try authorizedEntity(.user(name), action: action, caller: caller, db)
        return KeyOwner(userID: row.id, userName: row.name, arn: row.arn)
    }

    private func requireKey(_ accessKeyID: String, of owner: KeyOwner, _ db: Database) throws {
        let found = try Bool.fetchOne(db, sql: "SELECT 1 FROM iam_access_keys WHERE id = ? AND user_id IS ?",
                                      arguments: [accessKeyID, owner.userID]) ?? false
        if !found { throw Self.noSuchAccessKey(accessKeyID, owner: owner.userName) }
    }

    static func noSuchAccessKey(_ id: String, owner: String? = nil) -> EngineError {
        let whose = owner.map { " for user \($0)" } ?? ""
        return EngineError.noSuchEntity(
            "The Access Key with id \(id) cannot be found\(whose). Check the id with ListAccessKeys.", resource: id)
    }
}
