import Foundation
import GRDB
import IAMPolicy

/// A resource-based policy found for a request: a bucket policy, a function policy, a role's trust policy.
public struct ResourcePolicy: Sendable, Equatable {
    /// How the policy is named in explanations ("bucket policy of photos").
    public var name: String
    /// The policy text as stored; the authorizer parses it once and caches it.
    public var text: String
    /// `.resource`, or `.trust` for a role's trust policy.
    public var kind: PolicyKind

    public init(name: String, text: String, kind: PolicyKind = .resource) {
        self.name = name
        self.text = text
        self.kind = kind
    }
}

/// Finds the resource-based policy that governs a request, for one service.
///
/// The authorizer asks the provider registered for the action's service
/// prefix (`s3` for `s3:GetObject`). A service with resource policies (Lambda's
/// function policies, say) adds a provider to `IAMAuthorizer.standardResourcePolicies`.
public protocol ResourcePolicyProvider: Sendable {
    /// The policy attached to `resource`, or nil when it has none. Reads inside the caller's transaction.
    func resourcePolicy(action: String, resource: String, account: AccountInfo, db: Database) throws -> ResourcePolicy?
}

/// S3 bucket policies: the `policy` column of `buckets`, for `arn:aws:s3:::BUCKET` and `arn:aws:s3:::BUCKET/KEY`.
public struct BucketPolicyProvider: ResourcePolicyProvider {
    public init() {}

    public func resourcePolicy(action: String, resource: String, account: AccountInfo, db: Database) throws -> ResourcePolicy? {
        let prefix = "arn:aws:s3:::"
        guard resource.hasPrefix(prefix) else { return nil }
        let path = resource.dropFirst(prefix.count)
        let bucket = String(path.prefix { $0 != "/" })
        guard !bucket.isEmpty,
              let text = try String.fetchOne(db.cachedStatement(sql: "SELECT policy FROM buckets WHERE name = ?"), arguments: [bucket])
        else { return nil }
        return ResourcePolicy(name: "bucket policy of \(bucket)", text: text)
    }
}

/// A role's trust policy, for `sts:AssumeRole` on `arn:aws:iam::ACCT:role/PATH/NAME`.
public struct RoleTrustPolicyProvider: ResourcePolicyProvider {
    public init() {}

    public func resourcePolicy(action: String, resource: String, account: AccountInfo, db: Database) throws -> ResourcePolicy? {
        guard let role = RoleARN(resource), role.accountID == account.accountID else { return nil }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT path, trust_policy FROM iam_roles WHERE name = ?"),
                                         arguments: [role.name]),
              row["path"] == role.path
        else { return nil }
        return ResourcePolicy(name: "trust policy of role \(role.name)", text: row["trust_policy"], kind: .trust)
    }
}

/// The parts of a role ARN: `arn:aws:iam::ACCOUNT:role/PATH/NAME`.
struct RoleARN: Sendable, Equatable {
    var accountID: String
    var path: String
    var name: String

    init?(_ arn: String) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1] == "aws", parts[2] == "iam", parts[3].isEmpty,
              parts[5].hasPrefix("role/") else { return nil }
        let rest = parts[5].dropFirst("role".count)
        guard let slash = rest.lastIndex(of: "/") else { return nil }
        name = String(rest[rest.index(after: slash)...])
        path = String(rest[...slash])
        accountID = String(parts[4])
        if name.isEmpty || accountID.isEmpty { return nil }
    }
}
