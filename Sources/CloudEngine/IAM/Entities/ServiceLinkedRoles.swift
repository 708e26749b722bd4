/// Service-linked roles: roles AWS makes for a service, under `/aws-service-role/`, that only that service may change.
///
/// IAM UG ("Using service-linked roles"): the service creates the role, fixes its trust
/// and permissions policies, and is the only one that can edit or delete it, whatever
/// the account's own policies allow, the root user's included. The ordinary role calls
/// therefore refuse such a role with `UnmodifiableEntity`, and CreateRole refuses the path.
enum ServiceLinkedRoles {
    /// The path every service-linked role lives under, e.g. `/aws-service-role/lambda.amazonaws.com/`.
    static let pathPrefix = "/aws-service-role/"

    static func isServiceLinked(path: String) -> Bool { path.hasPrefix(pathPrefix) }

    /// The role operations that change a role, each listing `UnmodifiableEntity` in IAM's API model
    /// (TagRole and UntagRole too: tags are part of what only the service may set).
    static let changingActions: Set<String> = [
        "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
        "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
        "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary", "iam:TagRole", "iam:UntagRole",
    ]

    /// UnmodifiableEntity, in IAM's words, with where the change can be made instead.
    static func protectedRole(_ name: String) -> EngineError {
        EngineError(
            code: "UnmodifiableEntity", httpStatus: 400,
            message: "Cannot perform the operation on the protected role '\(name)' - this role is only modifiable by AWS. It is a service-linked role (path \(pathPrefix)): change or delete it through the service that uses it.",
            resource: name)
    }

    /// InvalidInput for CreateRole with a service-linked path: only a service creates such a role.
    static func reservedPath(_ path: String) -> EngineError {
        EngineError(
            code: "InvalidInput", httpStatus: 400,
            message: "The path \(path) is reserved for service-linked roles, which only AWS services create (CreateServiceLinkedRole). Choose a path that does not start with \(pathPrefix).")
    }
}
