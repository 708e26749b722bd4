import Foundation

/// A managed policy, customer or AWS, as GetPolicy and ListPolicies describe it.
public struct IAMManagedPolicy: Sendable, Equatable {
    public var name: String
    /// `ANPA` and 17 more characters.
    public var id: String
    public var arn: String
    public var path: String
    public var description: String?
    public var defaultVersionID: String
    /// How many users, groups and roles it is attached to (boundaries not counted).
    public var attachmentCount: Int
    public var isAWSManaged: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(name: String, id: String, arn: String, path: String, description: String?, defaultVersionID: String,
                attachmentCount: Int, isAWSManaged: Bool, createdAt: Date, updatedAt: Date) {
        self.name = name
        self.id = id
        self.arn = arn
        self.path = path
        self.description = description
        self.defaultVersionID = defaultVersionID
        self.attachmentCount = attachmentCount
        self.isAWSManaged = isAWSManaged
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One version of a managed policy.
public struct ManagedPolicyVersion: Sendable, Equatable {
    /// `v1`, `v2`, ...: never reused within a policy.
    public var versionID: String
    public var document: String
    public var isDefault: Bool
    public var createdAt: Date

    public init(versionID: String, document: String, isDefault: Bool, createdAt: Date) {
        self.versionID = versionID
        self.document = document
        self.isDefault = isDefault
        self.createdAt = createdAt
    }
}

/// Which managed policies ListPolicies returns.
public enum PolicyScope: String, Sendable, Hashable, CaseIterable {
    case all = "All"
    /// AWS managed policies only.
    case aws = "AWS"
    /// Customer managed policies only.
    case local = "Local"
}

/// A managed policy attached to a user, group or role (ListAttached…Policies).
public struct AttachedPolicy: Sendable, Hashable {
    public var name: String
    public var arn: String

    public init(name: String, arn: String) {
        self.name = name
        self.arn = arn
    }
}

/// An inline policy of a user, group or role (Get…Policy).
public struct InlinePolicy: Sendable, Equatable {
    public var entity: IAMEntity
    public var name: String
    public var document: String

    public init(entity: IAMEntity, name: String, document: String) {
        self.entity = entity
        self.name = name
        self.document = document
    }
}
