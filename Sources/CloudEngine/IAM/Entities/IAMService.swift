import Foundation
import GRDB
import IAMPolicy

/// IAM in the account: users, groups, roles, access keys, managed and inline policies.
///
/// Every method takes the caller and authorizes IAM's own action on the
/// entity's ARN inside the transaction that does the work. Entities are looked
/// up before the authorization only to learn their path (the ARN includes it);
/// NoSuchEntity is thrown after it, so a caller without permission learns nothing.
public struct IAMService: Sendable {
    let account: Account

    // MARK: - Quotas (IAM UG "IAM and AWS STS quotas", defaults)

    static let accessKeysPerUser = 2
    static let groupsPerUser = 10
    static let managedPoliciesPerEntity = 10
    static let policyVersionsPerPolicy = 5
    static let usersPerAccount = 5000
    static let groupsPerAccount = 300
    static let rolesPerAccount = 1000
    static let customerPoliciesPerAccount = 1500

    /// The quota on all of one principal's inline policies; document sizes live in
    /// `PolicySizeLimit`, so the engine and `overcast iam simulate` count alike.
    static func inlinePolicyLimit(_ kind: IAMEntity.Kind, name: String) -> PolicySizeLimit {
        switch kind {
        case .user: return .inlinePolicies(.user, name: name)
        case .group: return .inlinePolicies(.group, name: name)
        case .role: return .inlinePolicies(.role, name: name)
        }
    }

    // MARK: - ARNs and ids

    var accountID: String { account.accountID }

    func arn(_ kind: IAMEntity.Kind, name: String, path: String) -> String {
        "arn:aws:iam::\(accountID):\(kind.rawValue)\(path)\(name)"
    }

    func policyARN(name: String, path: String) -> String {
        "arn:aws:iam::\(accountID):policy\(path)\(name)"
    }

    var rootARN: String { "arn:aws:iam::\(accountID):root" }

    /// An IAM unique id: the kind's four-letter prefix and 17 characters.
    func newUniqueID(_ prefix: String) -> String { prefix + account.ids.upperAlphanumeric(17) }

    static func idPrefix(_ kind: IAMEntity.Kind) -> String {
        switch kind {
        case .user: return "AIDA"
        case .group: return "AGPA"
        case .role: return "AROA"
        }
    }

    static func table(_ kind: IAMEntity.Kind) -> String {
        switch kind {
        case .user: return "iam_users"
        case .group: return "iam_groups"
        case .role: return "iam_roles"
        }
    }

    // MARK: - Entity rows

    /// What every user, group and role row has in common.
    struct EntityRow {
        var kind: IAMEntity.Kind
        var id: String
        var name: String
        var path: String
        var arn: String
        var row: Row
    }

    func entityRow(_ kind: IAMEntity.Kind, name: String, _ db: Database) throws -> EntityRow? {
        try Row.fetchOne(db, sql: "SELECT * FROM \(Self.table(kind)) WHERE name = ?", arguments: [name]).map { entity(kind, $0) }
    }

    /// A user, group or role row with its ARN.
    func entity(_ kind: IAMEntity.Kind, _ row: Row) -> EntityRow {
        let name: String = row["name"]
        let path: String = row["path"]
        return EntityRow(kind: kind, id: row["id"], name: name, path: path, arn: arn(kind, name: name, path: path), row: row)
    }

    /// Looks the entity up, authorizes `action` on its ARN, then throws NoSuchEntity if it is missing.
    func authorizedEntity(_ entity: IAMEntity, action: String, caller: Caller, context: [String: [String]] = [:],
                          _ db: Database) throws -> EntityRow {
        let found = try entityRow(entity.kind, name: entity.name, db)
        try account.authorize(caller, action, found?.arn ?? arn(entity.kind, name: entity.name, path: "/"),
                              context: context, db: db)
        guard let found else { throw Self.noSuchEntity(entity) }
        if found.kind == .role, ServiceLinkedRoles.isServiceLinked(path: found.path),
           ServiceLinkedRoles.changingActions.contains(action) {
            throw ServiceLinkedRoles.protectedRole(found.name)
        }
        return found
    }

    /// Authorizes creating a user, group or role (and setting its boundary), refuses a name already
    /// taken, checks the account's quota and the boundary policy; returns the new entity's ARN.
    func prepareCreation(_ kind: IAMEntity.Kind, name: String, path: String, tags: [IAMTag] = [], boundary: String? = nil,
                         caller: Caller, _ db: Database) throws -> String {
        let entityARN = arn(kind, name: name, path: path)
        try account.authorize(caller, "iam:Create\(kind.operationWord)", entityARN, context: Self.requestTagContext(tags), db: db)
        if let boundary {
            try account.authorize(caller, "iam:Put\(kind.operationWord)PermissionsBoundary", entityARN,
                                  context: ["iam:PermissionsBoundary": [boundary]], db: db)
        }
        if let existing = try entityRow(kind, name: name, db) {
            throw EngineError.entityAlreadyExists(
                "\(kind.operationWord) with name \(existing.name) already exists. \(kind.operationWord) names are unique without regard to case; choose another name.",
                resource: name)
        }
        let (quota, limit) = Self.accountQuota(kind)
        try requireRoom(table: Self.table(kind), quota: quota, limit: limit, db)
        if let boundary { try requireBoundaryPolicy(boundary, db) }
        return entityARN
    }

    /// ListUsers / ListGroups / ListRoles: the entities whose path starts with `pathPrefix`, by name.
    func listEntities(_ kind: IAMEntity.Kind, pathPrefix: String, caller: Caller, _ db: Database) throws -> [EntityRow] {
        try IAMNames.require(IAMNames.pathPrefixViolations(pathPrefix))
        try account.authorize(caller, "iam:List\(kind.operationWord)s", "*", db: db)
        return try Row.fetchAll(db, sql: "SELECT * FROM \(Self.table(kind)) WHERE substr(path, 1, ?) = ? ORDER BY name",
                                arguments: [pathPrefix.count, pathPrefix])
            .map { entity(kind, $0) }
    }

    static func accountQuota(_ kind: IAMEntity.Kind) -> (name: String, limit: Int) {
        switch kind {
        case .user: return ("UsersPerAccount", usersPerAccount)
        case .group: return ("GroupsPerAccount", groupsPerAccount)
        case .role: return ("RolesPerAccount", rolesPerAccount)
        }
    }

    static func noSuchEntity(_ entity: IAMEntity) -> EngineError {
        EngineError.noSuchEntity(
            "The \(entity.kind.rawValue) with name \(entity.name) cannot be found. Check the name (List\(entity.kind.operationWord)s shows them all).",
            resource: entity.name)
    }

    // MARK: - Policy documents

    /// Parses `text` as a policy of `kind` (through the shared cache), or throws MalformedPolicyDocument.
    static func parse(_ text: String, kind: PolicyKind) throws -> PolicyDocument {
        do {
            return try PolicyDocumentCache.shared.document(for: text, kind: kind)
        } catch {
            throw EngineError.malformedPolicyDocument(error)
        }
    }

    /// Refuses a document over `limit` before reading it (ValidationError or LimitExceeded), then one malformed as `kind`.
    static func validateDocument(_ text: String, kind: PolicyKind, limit: PolicySizeLimit) throws {
        try requireSize(text, within: limit)
        _ = try parse(text, kind: kind)
    }

    /// Refuses a document that, with `alreadyUsed` characters of others, is over `limit`.
    static func requireSize(_ text: String, within limit: PolicySizeLimit, alreadyUsed: Int = 0) throws {
        do {
            try limit.check(text, alreadyUsed: alreadyUsed)
        } catch {
            throw EngineError.policyTooLarge(error)
        }
    }

    /// Whether a managed policy ARN exists: a customer managed one in the account, or one in the AWS catalog.
    func managedPolicyExists(_ arn: String, _ db: Database) throws -> Bool {
        if AWSManagedPolicies.isAWSManaged(arn) { return AWSManagedPolicies.policy(arn) != nil }
        return try Bool.fetchOne(db, sql: "SELECT 1 FROM iam_policies WHERE arn = ?", arguments: [arn]) ?? false
    }

    /// Refuses text that is not a managed policy ARN at all (InvalidInput), before looking it up.
    static func requirePolicyARNShape(_ arn: String) throws {
        let isPolicyARN = arn.hasPrefix("arn:aws:iam::") && arn.contains(":policy/") && !arn.hasSuffix("/")
        if !isPolicyARN {
            throw EngineError.invalidInput(
                "ARN \(arn) is not valid. A managed policy ARN looks like arn:aws:iam::123456789012:policy/NAME or arn:aws:iam::aws:policy/NAME.")
        }
    }

    static func policyNotAttachable(_ arn: String) -> EngineError {
        EngineError.noSuchEntity(
            "Policy \(arn) does not exist or is not attachable. Check the ARN: ListPolicies shows the managed policies you can use.",
            resource: arn)
    }

    // MARK: - Tags

    func tags(_ kind: IAMEntity.Kind, id: String, _ db: Database) throws -> [IAMTag] {
        try Row.fetchAll(db, sql: "SELECT key, value FROM iam_tags WHERE principal_kind = ? AND principal_id = ? ORDER BY key",
                         arguments: [kind.rawValue, id])
            .map { IAMTag(key: $0["key"], value: $0["value"]) }
    }

    /// Refuses more than 50 tags, bad characters, and keys that differ only in case.
    static func validateTags(_ tags: [IAMTag]) throws {
        if tags.count > IAMNames.tagsPerEntity {
            throw EngineError.iamValidation([ParameterViolation(
                member: "tags", value: "[\(tags.count) tags]",
                constraint: "Member must have length less than or equal to \(IAMNames.tagsPerEntity)")])
        }
        try IAMNames.require(IAMNames.tagViolations(tags))
        var seen = Set<String>()
        for tag in tags where !seen.insert(tag.key.lowercased()).inserted {
            throw EngineError.invalidInput(
                "Duplicate tag keys found (\(tag.key)). Please note that Tag keys are case insensitive; give each key once.")
        }
    }

    /// The request-tag condition keys (`aws:RequestTag/K`, `aws:TagKeys`) for a call that sets tags.
    static func requestTagContext(_ tags: [IAMTag]) -> [String: [String]] {
        guard !tags.isEmpty else { return [:] }
        var context: [String: [String]] = ["aws:TagKeys": tags.map(\.key)]
        for tag in tags { context["aws:RequestTag/\(tag.key)"] = [tag.value] }
        return context
    }

    func insertTags(_ tags: [IAMTag], kind: IAMEntity.Kind, id: String, _ db: Database) throws {
        for tag in tags {
            try db.execute(sql: """
                INSERT INTO iam_tags(principal_kind, principal_id, key, value) VALUES (?, ?, ?, ?)
                ON CONFLICT(principal_kind, principal_id, key) DO UPDATE SET value = excluded.value
                """, arguments: [kind.rawValue, id, tag.key, tag.value])
        }
    }

    // MARK: - Permissions boundaries

    /// Refuses a boundary ARN that is malformed or names no managed policy.
    func requireBoundaryPolicy(_ arn: String, _ db: Database) throws {
        try Self.requirePolicyARNShape(arn)
        guard try managedPolicyExists(arn, db) else {
            throw EngineError.noSuchEntity(
                "Scope ARN: \(arn) does not exist or is not attachable. A permissions boundary must be a managed policy; check the ARN with ListPolicies.",
                resource: arn)
        }
    }

    func date(_ row: Row, _ column: String) -> Date { Date(timeIntervalSince1970: row[column]) }

    func optionalDate(_ row: Row, _ column: String) -> Date? {
        (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
    }
}
