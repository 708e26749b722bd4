/// A user, group or role named in a call that works on all three (attach, inline policies).
///
/// IAM has a separate operation per kind (AttachUserPolicy, AttachGroupPolicy,
/// AttachRolePolicy); the engine has one method and authorizes the operation of the kind.
public enum IAMEntity: Sendable, Hashable {
    case user(String)
    case group(String)
    case role(String)

    /// The kinds of principal that hold policies.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case user
        case group
        case role

        /// The entity of this kind named `name`.
        public func entity(_ name: String) -> IAMEntity {
            switch self {
            case .user: return .user(name)
            case .group: return .group(name)
            case .role: return .role(name)
            }
        }

        /// `User`, `Group`, `Role`: as IAM spells the kind inside operation names.
        var operationWord: String {
            switch self {
            case .user: return "User"
            case .group: return "Group"
            case .role: return "Role"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .user: return .user
        case .group: return .group
        case .role: return .role
        }
    }

    public var name: String {
        switch self {
        case let .user(name), let .group(name), let .role(name): return name
        }
    }
}
