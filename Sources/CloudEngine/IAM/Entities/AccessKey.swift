import Foundation

/// Whether an access key can sign requests.
public enum AccessKeyStatus: String, Sendable, Hashable, CaseIterable {
    case active = "Active"
    case inactive = "Inactive"
}

/// A new access key with its secret: the only time the secret is returned.
public struct AccessKey: Sendable, Equatable {
    /// The owning user's name; nil for the account root's key.
    public var userName: String?
    /// `AKIA` and 16 more characters.
    public var accessKeyID: String
    /// 40 characters; keep it, IAM never shows it again.
    public var secretAccessKey: String
    public var status: AccessKeyStatus
    public var createdAt: Date

    public init(userName: String?, accessKeyID: String, secretAccessKey: String, status: AccessKeyStatus, createdAt: Date) {
        self.userName = userName
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.status = status
        self.createdAt = createdAt
    }
}

/// An access key as ListAccessKeys shows it: everything but the secret.
public struct AccessKeyMetadata: Sendable, Equatable {
    public var userName: String?
    public var accessKeyID: String
    public var status: AccessKeyStatus
    public var createdAt: Date

    public init(userName: String?, accessKeyID: String, status: AccessKeyStatus, createdAt: Date) {
        self.userName = userName
        self.accessKeyID = accessKeyID
        self.status = status
        self.createdAt = createdAt
    }
}

/// GetAccessKeyLastUsed: when, for which service and in which region the key last signed a request.
///
/// IAM reports `N/A` for the service and region of a key never used.
public struct AccessKeyLastUsed: Sendable, Equatable {
    public var userName: String?
    public var lastUsedAt: Date?
    public var serviceName: String
    public var region: String

    public init(userName: String?, lastUsedAt: Date?, serviceName: String, region: String) {
        self.userName = userName
        self.lastUsedAt = lastUsedAt
        self.serviceName = serviceName
        self.region = region
    }
}
