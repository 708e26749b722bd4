import Foundation

/// An IAM group, as ListGroups describes it.
public struct IAMGroup: Sendable, Equatable {
    public var name: String
    /// `AGPA` and 17 more characters.
    public var id: String
    public var path: String
    public var arn: String
    public var createdAt: Date

    public init(name: String, id: String, path: String, arn: String, createdAt: Date) {
        self.name = name
        self.id = id
        self.path = path
        self.arn = arn
        self.createdAt = createdAt
    }
}

/// GetGroup's answer: the group and its members, by name.
public struct IAMGroupDetails: Sendable, Equatable {
    public var group: IAMGroup
    public var users: [IAMUser]

    public init(group: IAMGroup, users: [IAMUser]) {
        self.group = group
        self.users = users
    }
}
