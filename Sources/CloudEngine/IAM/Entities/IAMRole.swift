import Foundation

/// An IAM role, as GetRole describes it.
public struct IAMRole: Sendable, Equatable {
    public var name: String
    /// `AROA` and 17 more characters; a session's `aws:userid` is `ID:SESSION`.
    public var id: String
    public var path: String
    public var arn: String
    public var createdAt: Date
    /// The trust policy (`AssumeRolePolicyDocument`) as it was given.
    public var trustPolicy: String
    public var description: String?
    /// The longest session AssumeRole may grant, in seconds (3,600 to 43,200).
    public var maxSessionDuration: Int
    public var permissionsBoundary: String?
    public var tags: [IAMTag]
    /// When a session of the role last made a call, and in which region (RoleLastUsed).
    public var lastUsedAt: Date?
    public var lastUsedRegion: String?

    public init(name: String, id: String, path: String, arn: String, createdAt: Date, trustPolicy: String,
                description: String? = nil, maxSessionDuration: Int = 3600, permissionsBoundary: String? = nil,
                tags: [IAMTag] = [], lastUsedAt: Date? = nil, lastUsedRegion: String? = nil) {
        self.name = name
        self.id = id
        self.path = path
        self.arn = arn
        self.createdAt = createdAt
        self.trustPolicy = trustPolicy
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
        self.lastUsedAt = lastUsedAt
        self.lastUsedRegion = lastUsedRegion
    }
}
