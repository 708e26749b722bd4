import Foundation
import GRDB

extension IAMService {
    // MARK: - Managed policy attachments

    /// AttachUserPolicy / AttachGroupPolicy / AttachRolePolicy. Attaching one already attached does nothing;
    /// at most 10 managed policies per user, group or role.
    public func attachPolicy(_ policyARN: String, to entity: IAMEntity, caller: Caller) throws {
        try Self.requirePolicyARNShape(policyARN)
        try account.write([.iam]) { db in try attach(policyARN, to: entity, caller: caller, db) }
    }

    /// Attaches several managed policies in one transaction: all of them, or (on the first refusal) none.
    public func attachPolicies(_ policyARNs: [String], to entity: IAMEntity, caller: Caller) throws {
        for arn in policyARNs { try Self.requirePolicyARNShape(arn) }
        try account.write([.iam]) { db in
            for arn in policyARNs { try attach(arn, to: entity, caller: caller, db) }
        }
    }

    func attach(_ policyARN: String, to entity: IAMEntity, caller: Caller, _ db: Database) throws {
        let row = try authorizedEntity(entity, action: "iam:Attach\(entity.kind.operationWord)Policy", caller: caller,
                                       context: ["iam:PolicyARN": [policyARN]], db)
        guard try managedPolicyExists(policyARN, db) else { throw Self.policyNotAttachable(policyARN) }
        let attached = try attachedARNs(row, db)
        if attached.contains(policyARN) { return }
        if attached.count >= Self.managedPoliciesPerEntity {
            throw EngineError.limitExceeded(
                "Cannot exceed quota for PoliciesPer\(entity.kind.operationWord): \(Self.managedPoliciesPerEntity). The \(entity.kind.rawValue) \(row.name) already has \(attached.count) managed policies; detach one, or combine several into one customer managed policy.",
                resource: row.name)
        }
        try db.execute(sql: "INSERT INTO iam_attachments(principal_kind, principal_id, policy_arn, attached_at) VALUES (?, ?, ?, ?)",
                       arguments: [row.kind.rawValue, row.id, policyARN, account.clock.now().timeIntervalSince1970])
    }

    /// DetachUserPolicy / DetachGroupPolicy / DetachRolePolicy. NoSuchEntity when the policy is not attached.
    public func detachPolicy(_ policyARN: String, from entity: IAMEntity, caller: Caller) throws {
        try Self.requirePolicyARNShape(policyARN)
        try account.write([.iam]) { db in try detach(policyARN, from: entity, caller: caller, db) }
    }

    func detach(_ policyARN: String, from entity: IAMEntity, caller: Caller, _ db: Database) throws {
        let row = try authorizedEntity(entity, action: "iam:Detach\(entity.kind.operationWord)Policy", caller: caller,
                                       context: ["iam:PolicyARN": [policyARN]], db)
        try db.execute(sql: "DELETE FROM iam_attachments WHERE principal_kind = ? AND principal_id = ? AND policy_arn = ?",
                       arguments: [row.kind.rawValue, row.id, policyARN])
        if db.changesCount == 0 {
            throw EngineError.noSuchEntity(
                "Policy \(policyARN) was not found attached to \(entity.kind.rawValue) \(row.name). ListAttached\(entity.kind.operationWord)Policies shows what is attached.",
                resource: policyARN)
        }
    }

    /// ListAttachedUserPolicies / ListAttachedGroupPolicies / ListAttachedRolePolicies, by name.
    public func attachedPolicies(of entity: IAMEntity, caller: Caller) throws -> [AttachedPolicy] {
        try account.read { db in
            let row = try authorizedEntity(entity, action: "iam:ListAttached\(entity.kind.operationWord)Policies", caller: caller, db)
            return try attachedARNs(row, db)
                .map { AttachedPolicy(name: Self.policyName(fromARN: $0), arn: $0) }
                .sorted { ($0.name, $0.arn) < ($1.name, $1.arn) }
        }
    }

    // MARK: - Inline policies

    /// PutUserPolicy / PutGroupPolicy / PutRolePolicy: adds or replaces an inline policy.
    ///
    /// The aggregate of the principal's inline policies may be at most 2,048 (user),
    /// 5,120 (group) or 10,240 (role) non-whitespace characters.
    public func putInlinePolicy(_ name: String, document: String, on entity: IAMEntity, caller: Caller) throws {
        try IAMNames.require(IAMNames.nameViolations(name, member: "policyName", max: IAMNames.policyNameMax))
        // Alone over the aggregate quota, the document can never fit: refused before it is parsed.
        try Self.requireSize(document, within: Self.inlinePolicyLimit(entity.kind, name: entity.name))
        _ = try Self.parse(document, kind: .identity)
        try account.write([.iam]) { db in
            let row = try authorizedEntity(entity, action: "iam:Put\(entity.kind.operationWord)Policy", caller: caller, db)
            let others = try String.fetchAll(db, sql: """
                SELECT document FROM iam_inline_policies WHERE principal_kind = ? AND principal_id = ? AND name <> ?
                """, arguments: [row.kind.rawValue, row.id, name])
            let limit = Self.inlinePolicyLimit(row.kind, name: row.name)
            try Self.requireSize(document, within: limit, alreadyUsed: others.reduce(0) { $0 + limit.size(of: $1) })
            try db.execute(sql: """
                INSERT INTO iam_inline_policies(principal_kind, principal_id, name, document) VALUES (?, ?, ?, ?)
                ON CONFLICT(principal_kind, principal_id, name) DO UPDATE SET document = excluded.document
                """, arguments: [row.kind.rawValue, row.id, name, document])
        }
    }

    /// GetUserPolicy / GetGroupPolicy / GetRolePolicy.
    public func inlinePolicy(_ name: String, of entity: IAMEntity, caller: Caller) throws -> InlinePolicy {
        try account.read { db in
            let row = try authorizedEntity(entity, action: "iam:Get\(entity.kind.operationWord)Policy", caller: caller, db)
            guard let found = try Row.fetchOne(db, sql: """
                SELECT name, document FROM iam_inline_policies WHERE principal_kind = ? AND principal_id = ? AND name = ?
                """, arguments: [row.kind.rawValue, row.id, name]) else {
                throw Self.noSuchInlinePolicy(name, of: row)
            }
            return InlinePolicy(entity: entity, name: found["name"], document: found["document"])
        }
    }

    /// ListUserPolicies / ListGroupPolicies / ListRolePolicies: the inline policies' names, sorted.
    public func inlinePolicyNames(of entity: IAMEntity, caller: Caller) throws -> [String] {
        try account.read { db in
            let row = try authorizedEntity(entity, action: "iam:List\(entity.kind.operationWord)Policies", caller: caller, db)
            return try String.fetchAll(db, sql: """
                SELECT name FROM iam_inline_policies WHERE principal_kind = ? AND principal_id = ? ORDER BY name
                """, arguments: [row.kind.rawValue, row.id])
        }
    }

    /// DeleteUserPolicy / DeleteGroupPolicy / DeleteRolePolicy.
    public func deleteInlinePolicy(_ name: String, from entity: IAMEntity, caller: Caller) throws {
        try account.write([.iam]) { db in try deleteInline(name, from: entity, caller: caller, db) }
    }

    func deleteInline(_ name: String, from entity: IAMEntity, caller: Caller, _ db: Database) throws {
        let row = try authorizedEntity(entity, action: "iam:Delete\(entity.kind.operationWord)Policy", caller: caller, db)
        try db.execute(sql: "DELETE FROM iam_inline_policies WHERE principal_kind = ? AND principal_id = ? AND name = ?",
                       arguments: [row.kind.rawValue, row.id, name])
        if db.changesCount == 0 { throw Self.noSuchInlinePolicy(name, of: row) }
    }

    // MARK: - Helpers

    func attachedARNs(_ row: EntityRow, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT policy_arn FROM iam_attachments WHERE principal_kind = ? AND principal_id = ?",
                            arguments: [row.kind.rawValue, row.id])
    }

    /// The policy's name: the last part of its ARN.
    static func policyName(fromARN arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }

    static func noSuchInlinePolicy(_ name: String, of row: EntityRow) -> EngineError {
        EngineError.noSuchEntity(
            "The \(row.kind.rawValue) policy with name \(name) cannot be found. List\(row.kind.operationWord)Policies shows the inline policies of \(row.name).",
            resource: name)
    }
}
