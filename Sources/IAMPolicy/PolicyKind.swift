/// Where a policy document is attached, which decides the rules it must follow.
///
/// IAM refuses a `Principal` in a user's policy but requires one in a bucket
/// policy or a role's trust policy, so the parser must know which it reads.
public enum PolicyKind: String, Sendable, Hashable, CaseIterable {
    /// Attached to a user, group or role (inline or managed), or used as a permissions boundary.
    case identity
    /// Attached to a resource: a bucket policy, a function policy.
    case resource
    /// A role's trust policy (`AssumeRolePolicyDocument`): who may assume the role.
    case trust
}
