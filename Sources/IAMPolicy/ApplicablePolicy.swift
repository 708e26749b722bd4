/// A parsed policy together with where it comes from, as handed to the evaluator.
///
/// The source decides how the policy takes part: identity policies grant
/// to their holder, resource policies grant to the principals they name,
/// and permissions boundaries only cap what identity policies grant.
public struct ApplicablePolicy: Sendable {
    /// Where the policy is attached. Raw values are IAM's `PolicySourceType` where one exists.
    public enum Source: String, Sendable, Hashable {
        /// An inline policy of the calling user.
        case user
        /// An inline policy of one of the user's groups.
        case group
        /// An inline policy of the session's role.
        case role
        /// An AWS managed policy attached to the user, a group or the role.
        case awsManaged = "aws-managed"
        /// A customer managed policy attached to the user, a group or the role.
        case customerManaged = "user-managed"
        /// A resource-based policy (bucket policy, function policy) or a role's trust policy.
        case resource
        /// The permissions boundary of the user or role.
        case permissionsBoundary = "permissions-boundary"

        /// The part the policy plays in evaluation.
        public var category: PolicyCategory {
            switch self {
            case .user, .group, .role, .awsManaged, .customerManaged: return .identityBased
            case .resource: return .resourceBased
            case .permissionsBoundary: return .permissionsBoundary
            }
        }
    }

    /// The policy's name, or an id such as `PolicyInputList.1` in a simulation.
    public var name: String
    /// The managed policy's ARN, when it has one (shown in explicit-deny messages).
    public var arn: String?
    public var source: Source
    public var document: PolicyDocument
    /// The text the document was parsed from, when the caller kept it: what a person is shown
    /// when a statement of it is explained (statement positions point into this text).
    public var text: String?

    public init(name: String, arn: String? = nil, source: Source, document: PolicyDocument, text: String? = nil) {
        self.name = name
        self.arn = arn
        self.source = source
        self.document = document
        self.text = text
    }
}

/// The three policy types the evaluator distinguishes, named as AccessDenied messages name them.
public enum PolicyCategory: String, Sendable, Hashable {
    case identityBased = "identity-based policy"
    case resourceBased = "resource-based policy"
    case permissionsBoundary = "permissions boundary"
}
