import Foundation
import GRDB
import IAMPolicy

/// Loads, inside one transaction, who a caller is to the evaluator and which identity policies apply.
///
/// A user: its inline policies, its groups' inline policies, the managed policies
/// attached to it or to its groups (each once), and its permissions boundary.
/// A role session: its role's inline and attached policies and boundary.
/// The root, AWS services and anonymous callers: none. Each kind is one SQL statement, cached.
struct PrincipalPolicyLoader {
    let accountID: String
    let cache: PolicyDocumentCache

    struct Principal {
        var caller: PolicyCaller
        var policies: [ApplicablePolicy]
    }

    func load(_ caller: Caller, db: Database) throws -> Principal {
        switch caller.identity {
        case .root:
            return Principal(caller: .root(accountId: accountID), policies: [])
        case let .service(name):
            return Principal(caller: .service(name), policies: [])
        case .anonymous:
            return Principal(caller: .anonymous, policies: [])
        case let .user(name, id, path):
            let tags = try principalTags(kind: "user", id: id, given: caller.principalTags, db: db)
            let principal = PolicyCaller.user(accountId: accountID, name: name, path: path, userId: id, tags: tags)
            return Principal(caller: principal, policies: try policies(Self.userSQL, id: id, inline: .user, db: db))
        case let .assumedRole(roleName, roleID, rolePath, sessionName):
            let tags = try principalTags(kind: "role", id: roleID, given: caller.principalTags, db: db)
            let principal = PolicyCaller.assumedRole(
                accountId: accountID, roleName: roleName, path: rolePath, roleId: roleID, sessionName: sessionName, tags: tags)
            return Principal(caller: principal, policies: try policies(Self.roleSQL, id: roleID, inline: .role, db: db))
        }
    }

    /// Rows of (kind, name, arn, document): `inline` and `group` rows carry their text, `managed`
    /// and `boundary` rows their ARN and, for customer managed policies, the default version's text.
    private func policies(_ sql: String, id: String, inline: ApplicablePolicy.Source, db: Database) throws -> [ApplicablePolicy] {
        var found: [ApplicablePolicy] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [id])
        while let row = try rows.next() {
            let kind: String = row[0]
            let name: String? = row[1]
            let arn: String? = row[2]
            let text: String? = row[3]
            switch kind {
            case "inline", "group":
                guard let text, let document = try? cache.document(for: text, kind: .identity) else { continue }
                found.append(ApplicablePolicy(name: name ?? "inline", source: kind == "group" ? .group : inline, document: document,
                                              text: text))
            default:
                guard let arn, let (document, text) = managedDocument(arn: arn, text: text) else { continue }
                let source: ApplicablePolicy.Source = kind == "boundary"
                    ? .permissionsBoundary
                    : (AWSManagedPolicies.isAWSManaged(arn) ? .awsManaged : .customerManaged)
                found.append(ApplicablePolicy(name: IAMService.policyName(fromARN: arn), arn: arn, source: source, document: document,
                                              text: text))
            }
        }
        return found
    }

    private func managedDocument(arn: String, text: String?) -> (PolicyDocument, String)? {
        // An AWS managed policy's text comes from the catalog, parsed once through the same cache.
        guard let text = text ?? AWSManagedPolicies.policy(arn)?.documentText,
              let document = try? cache.document(for: text, kind: .identity) else { return nil }
        return (document, text)
    }

    /// The principal's tags from IAM, overlaid with the ones the caller carries (session tags).
    private func principalTags(kind: String, id: String, given: [String: String], db: Database) throws -> [String: String] {
        var tags: [String: String] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT key, value FROM iam_tags WHERE principal_kind = ? AND principal_id = ?"),
            arguments: [kind, id])
        while let row = try rows.next() {
            tags[row[0]] = row[1]
        }
        for (key, value) in given { tags[key] = value }
        return tags
    }

    /// The default version's text of a customer managed policy, or NULL for an AWS managed one.
    private static func managedText(_ arnColumn: String) -> String {
        """
        (SELECT v.document FROM iam_policies p JOIN iam_policy_versions v ON v.policy_arn = p.arn AND v.version_id = p.default_version
         WHERE p.arn = \(arnColumn))
        """
    }

    static let userSQL = """
        SELECT 'inline', name, NULL, document FROM iam_inline_policies WHERE principal_kind = 'user' AND principal_id = ?1
        UNION ALL
        SELECT 'group', p.name, NULL, p.document FROM iam_group_members m
            JOIN iam_inline_policies p ON p.principal_kind = 'group' AND p.principal_id = m.group_id WHERE m.user_id = ?1
        UNION ALL
        SELECT 'managed', NULL, a.policy_arn, \(managedText("a.policy_arn")) FROM (
            SELECT policy_arn FROM iam_attachments WHERE principal_kind = 'user' AND principal_id = ?1
            UNION
            SELECT g.policy_arn FROM iam_group_members m
                JOIN iam_attachments g ON g.principal_kind = 'group' AND g.principal_id = m.group_id WHERE m.user_id = ?1
        ) a
        UNION ALL
        SELECT 'boundary', NULL, u.permissions_boundary, \(managedText("u.permissions_boundary"))
            FROM iam_users u WHERE u.id = ?1 AND u.permissions_boundary IS NOT NULL
        """

    static let roleSQL = """
        SELECT 'inline', name, NULL, document FROM iam_inline_policies WHERE principal_kind = 'role' AND principal_id = ?1
        UNION ALL
        SELECT 'managed', NULL, a.policy_arn, \(managedText("a.policy_arn"))
            FROM iam_attachments a WHERE a.principal_kind = 'role' AND a.principal_id = ?1
        UNION ALL
        SELECT 'boundary', NULL, r.permissions_boundary, \(managedText("r.permissions_boundary"))
            FROM iam_roles r WHERE r.id = ?1 AND r.permissions_boundary IS NOT NULL
        """
}
