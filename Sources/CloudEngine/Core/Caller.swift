import Foundation

/// Who is making a call: the account root, an IAM user, a role session or an AWS service.
///
/// Every service method takes one, so that authorization happens in one place
/// whatever front end the call came through.
public struct Caller: Sendable, Hashable {
    /// The kind of principal and what identifies it.
    public enum Identity: Sendable, Hashable {
        case root
        case user(name: String, id: String, path: String)
        case assumedRole(roleName: String, roleID: String, rolePath: String, sessionName: String)
        /// An AWS service acting on its own behalf, e.g. `s3.amazonaws.com` delivering an event.
        case service(String)
        /// Someone who did not sign the request: allowed only what a resource policy grants to `"*"`.
        case anonymous
    }

    public var identity: Identity
    /// The caller's IP address (`aws:SourceIp`); nil for in-process calls.
    public var sourceIP: String?
    /// Whether the request came over TLS (`aws:SecureTransport`).
    public var secureTransport: Bool
    /// Tags on the principal (`aws:PrincipalTag/KEY`).
    public var principalTags: [String: String]
    /// Where the call came from, for the activity trail; it takes no part in decisions.
    public var origin: CallOrigin = .engine
    /// The request's id as the front end answered it (`x-amz-request-id`), when it has one.
    public var requestID: String?
    /// The access key the request was signed with (CloudTrail's `accessKeyId`).
    public var accessKeyID: String?

    public init(identity: Identity, sourceIP: String? = nil, secureTransport: Bool = false,
                principalTags: [String: String] = [:]) {
        self.identity = identity
        self.sourceIP = sourceIP
        self.secureTransport = secureTransport
        self.principalTags = principalTags
        if case .service(let name) = identity { origin = .service(name) }
    }

    /// The account root user calling from inside this process.
    public static let root = Caller(identity: .root)

    /// An unsigned request's caller.
    public static let anonymous = Caller(identity: .anonymous)

    public var isRoot: Bool {
        if case .root = identity { return true }
        return false
    }

    /// The principal's ARN as AWS prints it in errors and in `GetCallerIdentity`.
    public func arn(accountID: String) -> String {
        switch identity {
        case .root:
            return "arn:aws:iam::\(accountID):root"
        case let .user(name, _, path):
            return "arn:aws:iam::\(accountID):user\(path)\(name)"
        case let .assumedRole(roleName, _, _, sessionName):
            return "arn:aws:sts::\(accountID):assumed-role/\(roleName)/\(sessionName)"
        case let .service(name):
            return name
        case .anonymous:
            return "anonymous"
        }
    }

    /// The principal id S3 puts in `userIdentity.principalId` and IAM in `aws:userid`.
    public func principalID(accountID: String) -> String {
        switch identity {
        case .root: return accountID
        case let .user(_, id, _): return id
        case let .assumedRole(_, roleID, _, sessionName): return "\(roleID):\(sessionName)"
        case let .service(name): return name
        case .anonymous: return "anonymous"
        }
    }
}
