import Foundation

/// An IAM user, as GetUser and ListUsers describe it.
public struct IAMUser: Sendable, Equatable {
    public var name: String
    /// `AIDA` and 17 more characters; never reused, so a new user of the same name is a new principal.
    public var id: String
    public var path: String
    public var arn: String
    public var createdAt: Date
    /// The ARN of the managed policy capping the user's permissions, if any.
    public var permissionsBoundary: String?
    public var tags: [IAMTag]

    public init(name: String, id: String, path: String, arn: String, createdAt: Date,
                permissionsBoundary: String? = nil, tags: [IAMTag] = []) {
        self.name = name
        self.id = id
        self.path = path
        self.arn = arn
        self.createdAt = createdAt
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
    }

    /// The caller to pass to the engine to act as this user.
    public var caller: Caller {
        Caller(identity: .user(name: name, id: id, path: path),
               principalTags: Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }
}
