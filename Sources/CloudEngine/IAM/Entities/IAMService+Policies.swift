import Foundation
import GRDB
import IAMPolicy

extension IAMService {
    // MARK: - Customer managed policies

    /// CreatePolicy: a customer managed policy whose first version, `v1`, is the default.
    @discardableResult
    public func createPolicy(_ name: String, document: String, path: String = "/", description: String? = nil,
                             caller: Caller) throws -> IAMManagedPolicy {
        var violations = IAMNames.nameViolations(name, member: "policyName", max: IAMNames.policyNameMax)
            + IAMNames.policyPathViolations(path)
        if let description, description.unicodeScalars.count > IAMNames.descriptionMax {
            violations.append(ParameterViolation(member: "description", value: description,
                                                 constraint: "Member must have length less than or equal to \(IAMNames.descriptionMax)"))
        }
        try IAMNames.require(violations)
        try Self.validateManagedDocument(document)
        let now = account.clock.now()
        return try account.write([.iam]) { db in
            let policyARN = policyARN(name: name, path: path)
            try account.authorize(caller, "iam:CreatePolicy", policyARN, db: db)
            if let existing = try String.fetchOne(db, sql: "SELECT name FROM iam_policies WHERE name = ?", arguments: [name]) {
                throw EngineError.entityAlreadyExists(
                    "A policy called \(existing) already exists. Duplicate names are not allowed; choose another name, or add a version to the existing policy with CreatePolicyVersion.",
                    resource: name)
            }
            try requireRoom(table: "iam_policies", quota: "PoliciesPerAccount", limit: Self.customerPoliciesPerAccount, db)
            let id = newUniqueID("ANPA")
            try db.execute(sql: """
                INSERT INTO iam_policies(arn, id, name, path, description, default_version, next_version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'v1', 2, ?, ?)
                """, arguments: [policyARN, id, name, path, description, now.timeIntervalSince1970, now.timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO iam_policy_versions(policy_arn, version_id, document, created_at) VALUES (?, 'v1', ?, ?)",
                           arguments: [policyARN, document, now.timeIntervalSince1970])
            guard let created = try managedPolicy(policyARN, db) else { throw Self.noSuchPolicy(policyARN) }
            return created
        }
    }

    /// GetPolicy, for a customer managed or an AWS managed policy.
    public func policy(_ arn: String, caller: Caller) throws -> IAMManagedPolicy {
        try account.read { db in
            try account.authorize(caller, "iam:GetPolicy", arn, db: db)
            guard let policy = try managedPolicy(arn, db) else { throw Self.noSuchPolicy(arn) }
            return policy
        }
    }

    /// ListPolicies: AWS managed, customer managed (`local`) or both, by name.
    public func listPolicies(scope: PolicyScope = .all, onlyAttached: Bool = false, pathPrefix: String = "/",
                             caller: Caller) throws -> [IAMManagedPolicy] {
        try IAMNames.require(IAMNames.pathPrefixViolations(pathPrefix))
        return try account.read { db in
            try account.authorize(caller, "iam:ListPolicies", "*", db: db)
            let counts = try attachmentCounts(db)
            var policies: [IAMManagedPolicy] = []
            if scope != .local {
                policies += AWSManagedPolicies.all.map { awsPolicy($0, attachments: counts[$0.arn] ?? 0) }
            }
            if scope != .aws {
                policies += try Row.fetchAll(db, sql: "SELECT * FROM iam_policies").map { customerPolicy($0, attachments: counts[$0["arn"]] ?? 0) }
            }
            return policies
                .filter { $0.path.hasPrefix(pathPrefix) && (!onlyAttached || $0.attachmentCount > 0) }
                .sorted { ($0.name.lowercased(), $0.arn) < ($1.name.lowercased(), $1.arn) }
        }
    }

    /// DeletePolicy. Refuses (DeleteConflict, IAM's words) while the policy is attached or used as
    /// a permissions boundary, or while it has versions other than the default.
    public func deletePolicy(_ arn: String, caller: Caller) throws {
        try account.write([.iam]) { db in
            try authorizeCustomerPolicyChange(arn, action: "iam:DeletePolicy", caller: caller, db)
            try requireCustomerPolicy(arn, db)
            let attached = try count("SELECT count(*) FROM iam_attachments WHERE policy_arn = ?", arn, db)
            let boundaries = try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM iam_users WHERE permissions_boundary = ?1) + (SELECT count(*) FROM iam_roles WHERE permissions_boundary = ?1)
                """, arguments: [arn]) ?? 0
            if attached + boundaries > 0 {
                throw EngineError.deleteConflict(
                    "Cannot delete a policy attached to entities. \(arn) is attached to \(attached) entit\(attached == 1 ? "y" : "ies") and is the permissions boundary of \(boundaries); detach it everywhere first (ListEntitiesForPolicy shows where).",
                    resource: arn)
            }
            let versions = try count("SELECT count(*) FROM iam_policy_versions WHERE policy_arn = ?", arn, db)
            if versions > 1 {
                throw EngineError.deleteConflict(
                    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy. \(arn) has \(versions - 1) non-default version\(versions == 2 ? "" : "s"); delete them with DeletePolicyVersion.",
                    resource: arn)
            }
            try db.execute(sql: "DELETE FROM iam_policies WHERE arn = ?", arguments: [arn])
        }
    }

    // MARK: - Versions

    /// CreatePolicyVersion: `vN`, the next number never used in this policy. At most five versions.
    @discardableResult
    public func createPolicyVersion(_ arn: String, document: String, setAsDefault: Bool = false,
                                    caller: Caller) throws -> ManagedPolicyVersion {
        try Self.validateManagedDocument(document)
        let now = account.clock.now()
        return try account.write([.iam]) { db in
            try authorizeCustomerPolicyChange(arn, action: "iam:CreatePolicyVersion", caller: caller, db)
            let policy = try requireCustomerPolicy(arn, db)
            let versions = try count("SELECT count(*) FROM iam_policy_versions WHERE policy_arn = ?", arn, db)
            if versions >= Self.policyVersionsPerPolicy {
                throw EngineError.limitExceeded(
                    "A managed policy can have up to \(Self.policyVersionsPerPolicy) versions. Before you create a new version, you must delete an existing version (DeletePolicyVersion; the default version cannot be deleted).",
                    resource: arn)
            }
            let number: Int = policy["next_version"]
            let versionID = "v\(number)"
            try db.execute(sql: "INSERT INTO iam_policy_versions(policy_arn, version_id, document, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [arn, versionID, document, now.timeIntervalSince1970])
            try db.execute(sql: """
                UPDATE iam_policies SET next_version = ?, updated_at = ?, default_version = CASE WHEN ? THEN ? ELSE default_version END
                WHERE arn = ?
                """, arguments: [number + 1, now.timeIntervalSince1970, setAsDefault, versionID, arn])
            return ManagedPolicyVersion(versionID: versionID, document: document, isDefault: setAsDefault, createdAt: now)
        }
    }

    /// GetPolicyVersion. An AWS managed policy has only its default version here.
    public func policyVersion(_ arn: String, versionID: String, caller: Caller) throws -> ManagedPolicyVersion {
        try Self.validateVersionID(versionID)
        return try account.read { db in
            try account.authorize(caller, "iam:GetPolicyVersion", arn, db: db)
            guard let version = try versions(of: arn, db).first(where: { $0.versionID == versionID }) else {
                throw Self.noSuchVersion(arn, versionID)
            }
            return version
        }
    }

    /// ListPolicyVersions, newest first (as IAM lists them).
    public func listPolicyVersions(_ arn: String, caller: Caller) throws -> [ManagedPolicyVersion] {
        try account.read { db in
            try account.authorize(caller, "iam:ListPolicyVersions", arn, db: db)
            guard try managedPolicyExists(arn, db) else { throw Self.noSuchPolicy(arn) }
            return try versions(of: arn, db)
        }
    }

    /// DeletePolicyVersion. The default version cannot be deleted (DeleteConflict): make another the default first.
    public func deletePolicyVersion(_ arn: String, versionID: String, caller: Caller) throws {
        try Self.validateVersionID(versionID)
        try account.write([.iam]) { db in
            try authorizeCustomerPolicyChange(arn, action: "iam:DeletePolicyVersion", caller: caller, db)
            let policy = try requireCustomerPolicy(arn, db)
            if policy["default_version"] == versionID {
                throw EngineError.deleteConflict(
                    "Cannot delete the default version of a policy. Make another version the default (SetDefaultPolicyVersion), or delete the whole policy.",
                    resource: arn)
            }
            try db.execute(sql: "DELETE FROM iam_policy_versions WHERE policy_arn = ? AND version_id = ?", arguments: [arn, versionID])
            if db.changesCount == 0 { throw Self.noSuchVersion(arn, versionID) }
        }
    }

    /// SetDefaultPolicyVersion: the version every attachment of the policy now uses.
    public func setDefaultPolicyVersion(_ arn: String, versionID: String, caller: Caller) throws {
        try Self.validateVersionID(versionID)
        try account.write([.iam]) { db in
            try authorizeCustomerPolicyChange(arn, action: "iam:SetDefaultPolicyVersion", caller: caller, db)
            try requireCustomerPolicy(arn, db)
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM iam_policy_versions WHERE policy_arn = ? AND version_id = ?",
                                           arguments: [arn, versionID]) ?? false
            guard exists else { throw Self.noSuchVersion(arn, versionID) }
            try db.execute(sql: "UPDATE iam_policies SET default_version = ?, updated_at = ? WHERE arn = ?",
                           arguments: [versionID, account.clock.now().timeIntervalSince1970, arn])
        }
    }

    // MARK: - Helpers

    /// A managed policy by ARN, customer or AWS; nil when there is none.
    func managedPolicy(_ arn: String, _ db: Database) throws -> IAMManagedPolicy? {
        if AWSManagedPolicies.isAWSManaged(arn) {
            guard let entry = AWSManagedPolicies.policy(arn) else { return nil }
            return awsPolicy(entry, attachments: try count("SELECT count(*) FROM iam_attachments WHERE policy_arn = ?", arn, db))
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM iam_policies WHERE arn = ?", arguments: [arn]) else { return nil }
        return customerPolicy(row, attachments: try count("SELECT count(*) FROM iam_attachments WHERE policy_arn = ?", arn, db))
    }

    private func awsPolicy(_ entry: ManagedPolicy, attachments: Int) -> IAMManagedPolicy {
        IAMManagedPolicy(name: entry.name, id: "ANPA" + Self.stableSuffix(entry.arn), arn: entry.arn, path: entry.path,
                      description: entry.description, defaultVersionID: entry.defaultVersionID, attachmentCount: attachments,
                      isAWSManaged: true, createdAt: AWSManagedPolicies.createdAt(entry),
                      updatedAt: AWSManagedPolicies.updatedAt(entry))
    }

    private func customerPolicy(_ row: Row, attachments: Int) -> IAMManagedPolicy {
        IAMManagedPolicy(name: row["name"], id: row["id"], arn: row["arn"], path: row["path"], description: row["description"],
                      defaultVersionID: row["default_version"], attachmentCount: attachments, isAWSManaged: false,
                      createdAt: date(row, "created_at"), updatedAt: date(row, "updated_at"))
    }

    private func attachmentCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT policy_arn, count(*) AS n FROM iam_attachments GROUP BY policy_arn") {
            counts[row["policy_arn"]] = row["n"]
        }
        return counts
    }

    private func versions(of arn: String, _ db: Database) throws -> [ManagedPolicyVersion] {
        if AWSManagedPolicies.isAWSManaged(arn) {
            guard let entry = AWSManagedPolicies.policy(arn) else { throw Self.noSuchPolicy(arn) }
            return [ManagedPolicyVersion(versionID: entry.defaultVersionID, document: entry.documentText, isDefault: true,
                                         createdAt: AWSManagedPolicies.updatedAt(entry))]
        }
        guard let defaultVersion = try String.fetchOne(db, sql: "SELECT default_version FROM iam_policies WHERE arn = ?", arguments: [arn]) else {
            throw Self.noSuchPolicy(arn)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM iam_policy_versions WHERE policy_arn = ?", arguments: [arn])
            .map { row in
                ManagedPolicyVersion(versionID: row["version_id"], document: row["document"],
                                     isDefault: row["version_id"] == defaultVersion, createdAt: date(row, "created_at"))
            }
            .sorted { Self.versionNumber($0.versionID) > Self.versionNumber($1.versionID) }
    }

    /// Authorizes a change to a managed policy; AWS managed policies belong to AWS and refuse every change.
    private func authorizeCustomerPolicyChange(_ arn: String, action: String, caller: Caller, _ db: Database) throws {
        try account.authorize(caller, action, arn, db: db)
        if AWSManagedPolicies.isAWSManaged(arn) {
            throw EngineError(
                code: "AccessDenied", httpStatus: 403,
                message: "User: \(caller.arn(accountID: accountID)) is not authorized to perform: \(action) on resource: policy \(arn) because AWS managed policies belong to AWS and cannot be changed or deleted. Create a customer managed policy (CreatePolicy) from its document instead.",
                resource: arn)
        }
    }

    @discardableResult
    private func requireCustomerPolicy(_ arn: String, _ db: Database) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM iam_policies WHERE arn = ?", arguments: [arn]) else {
            throw Self.noSuchPolicy(arn)
        }
        return row
    }

    static func noSuchPolicy(_ arn: String) -> EngineError {
        EngineError.noSuchEntity("Policy \(arn) was not found. Check the ARN: ListPolicies shows the managed policies.", resource: arn)
    }

    static func noSuchVersion(_ arn: String, _ versionID: String) -> EngineError {
        EngineError.noSuchEntity(
            "Policy \(arn) version \(versionID) does not exist or is not attachable. ListPolicyVersions shows its versions.",
            resource: arn)
    }

    /// A managed policy document: at most 6,144 non-whitespace characters, parsed as an identity policy.
    static func validateManagedDocument(_ text: String) throws {
        try validateDocument(text, kind: .identity, limit: .managedPolicy)
    }

    static func validateVersionID(_ versionID: String) throws {
        let scalars = Array(versionID.unicodeScalars)
        let digits = scalars.dropFirst().prefix { ("0"..."9").contains($0) }
        let rest = scalars.dropFirst(1 + digits.count)
        let valid = scalars.first == "v" && digits.first.map { $0 != "0" } == true
            && (rest.isEmpty || (rest.first == "." && rest.dropFirst().allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            }))
        if !valid {
            throw EngineError.iamValidation([ParameterViolation(
                member: "versionId", value: versionID,
                constraint: #"Member must satisfy regular expression pattern: v[1-9][0-9]*(\.[A-Za-z0-9-]*)?"#)])
        }
    }

    static func versionNumber(_ versionID: String) -> Int {
        Int(versionID.dropFirst().prefix { $0.isNumber }) ?? 0
    }

    /// 17 id characters derived from `text`, so an AWS managed policy keeps one id across runs.
    static func stableSuffix(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var result = ""
        for _ in 0..<17 {
            result.append(alphabet[Int(hash % 32)])
            hash = (hash / 32) ^ (hash &* 0x9E37_79B9_7F4A_7C15)
        }
        return result
    }
}
