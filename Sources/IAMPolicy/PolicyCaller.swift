/// Who is making a request, as the policy evaluator needs to know them.
///
/// The evaluator's own view of the engine's `Caller`, with the account
/// filled in (build it with `PolicyCaller(_:accountID:)` or the factories). It carries what
/// principal matching needs (the role behind a session, the account) and
/// what the global condition keys report (`aws:username`, `aws:userid`, tags).
public struct PolicyCaller: Sendable, Equatable {
    /// The kinds of principal the engine authenticates.
    public enum Kind: String, Sendable, Hashable {
        /// The account root user: allowed everything unless a resource-based policy denies it.
        case root
        case user
        /// A role session from `sts:AssumeRole`.
        case assumedRole
        /// An AWS service acting on its own behalf, such as `s3.amazonaws.com` invoking a function.
        case service
        /// Someone who did not sign the request: no identity policies; only a resource policy naming `"*"` covers them.
        case anonymous
    }

    public var kind: Kind
    /// The principal's ARN: `arn:aws:iam::ACCT:root`, `arn:aws:iam::ACCT:user/path/name`,
    /// `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`, or the service name for a service.
    public var arn: String
    /// The account the principal belongs to (for a service, the account it acts for, if any).
    public var accountId: String
    /// The user's name (users only).
    public var userName: String?
    /// The unique id: `AIDA...` for a user, `AROA...:session` for a role session, the account id for root.
    public var userId: String?
    /// The role's own ARN, with its path (role sessions only): what `aws:PrincipalArn` reports
    /// and what a `Principal` naming the role matches.
    public var roleArn: String?
    /// The session name (role sessions only).
    public var roleSessionName: String?
    /// The principal's tags, reported as `aws:PrincipalTag/KEY`.
    public var tags: [String: String]

    public init(
        kind: Kind, arn: String, accountId: String, userName: String? = nil, userId: String? = nil,
        roleArn: String? = nil, roleSessionName: String? = nil, tags: [String: String] = [:]
    ) {
        self.kind = kind
        self.arn = arn
        self.accountId = accountId
        self.userName = userName
        self.userId = userId
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.tags = tags
    }

    /// The account root user.
    public static func root(accountId: String) -> PolicyCaller {
        PolicyCaller(kind: .root, arn: "arn:aws:iam::\(accountId):root", accountId: accountId, userId: accountId)
    }

    /// An IAM user; `path` is `/` or `/division/team/`.
    public static func user(
        accountId: String, name: String, path: String = "/", userId: String? = nil, tags: [String: String] = [:]
    ) -> PolicyCaller {
        PolicyCaller(
            kind: .user, arn: "arn:aws:iam::\(accountId):user\(path)\(name)", accountId: accountId, userName: name,
            userId: userId, tags: tags)
    }

    /// A session of role `roleName`; `roleId` is the role's `AROA...` id.
    public static func assumedRole(
        accountId: String, roleName: String, path: String = "/", roleId: String? = nil, sessionName: String,
        tags: [String: String] = [:]
    ) -> PolicyCaller {
        PolicyCaller(
            kind: .assumedRole, arn: "arn:aws:sts::\(accountId):assumed-role/\(roleName)/\(sessionName)",
            accountId: accountId, userId: roleId.map { "\($0):\(sessionName)" },
            roleArn: "arn:aws:iam::\(accountId):role\(path)\(roleName)", roleSessionName: sessionName, tags: tags)
    }

    /// An unsigned request's caller (ARN and id `anonymous`, no account).
    public static let anonymous = PolicyCaller(kind: .anonymous, arn: "anonymous", accountId: "", userId: "anonymous")

    /// An AWS service principal such as `lambda.amazonaws.com`.
    public static func service(_ name: String, accountId: String = "") -> PolicyCaller {
        PolicyCaller(kind: .service, arn: name, accountId: accountId)
    }
}
