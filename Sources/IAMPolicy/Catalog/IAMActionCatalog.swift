/// The actions Overcast's engine authorizes, by service: what forms complete and the simulator offers.
///
/// Data, kept in step with the engine's `authorize` calls (a test reads the engine's sources and checks
/// that every action they name is listed here).
public enum IAMActionCatalog {
    /// A service: its action prefix (`s3`), the name people know it by, and its actions without the prefix.
    public struct Service: Sendable, Hashable {
        public let prefix: String
        public let title: String
        public let actions: [String]

        /// `prefix:Action` for each action.
        public var qualifiedActions: [String] { actions.map { "\(prefix):\($0)" } }
    }

    public static let services: [Service] = [
        Service(prefix: "s3", title: "S3", actions: [
            "CreateBucket", "DeleteBucket", "DeleteBucketPolicy", "DeleteObject", "GetBucketNotification",
            "GetBucketPolicy", "GetObject", "ListAllMyBuckets", "ListBucket", "PutBucketNotification",
            "PutBucketPolicy", "PutObject",
        ]),
        Service(prefix: "lambda", title: "Lambda", actions: [
            "AddPermission", "CreateFunction", "DeleteFunction", "DeleteLayerVersion", "GetFunction",
            "GetFunctionConfiguration", "GetLayerVersion", "GetPolicy", "InvokeFunction", "ListFunctions",
            "ListLayerVersions", "ListVersionsByFunction", "PublishLayerVersion", "PublishVersion", "RemovePermission",
            "UpdateFunctionCode", "UpdateFunctionConfiguration",
        ]),
        Service(prefix: "logs", title: "CloudWatch Logs", actions: [
            "CreateLogGroup", "CreateLogStream", "DeleteLogGroup", "DeleteLogStream", "DeleteRetentionPolicy",
            "DescribeLogGroups", "DescribeLogStreams", "FilterLogEvents", "GetLogEvents", "PutLogEvents",
            "PutRetentionPolicy",
        ]),
        Service(prefix: "iam", title: "IAM", actions: iamActions),
        Service(prefix: "sts", title: "STS", actions: ["AssumeRole", "GetCallerIdentity"]),
    ]

    /// Every action, qualified, in service order.
    public static let all: [String] = services.flatMap(\.qualifiedActions)

    /// The service with `prefix` (case-insensitive).
    public static func service(prefix: String) -> Service? {
        let wanted = prefix.lowercased()
        return services.first { $0.prefix == wanted }
    }

    /// Actions of `service` (or of all services when nil) that start with `typed`, which may be
    /// qualified (`s3:Get`) or not (`Get`), case-insensitively; qualified, in catalog order.
    public static func completions(of typed: String, in service: Service? = nil) -> [String] {
        let lower = typed.lowercased()
        let candidates = service?.qualifiedActions ?? all
        if lower.contains(":") { return candidates.filter { $0.lowercased().hasPrefix(lower) } }
        return candidates.filter { action in
            action.split(separator: ":", maxSplits: 1).last.map { $0.lowercased().hasPrefix(lower) } ?? false
        }
    }

    private static let iamActions: [String] = {
        var actions = ["AddUserToGroup", "CreateAccessKey", "CreatePolicy", "CreatePolicyVersion", "DeleteAccessKey",
                       "DeletePolicy", "DeletePolicyVersion", "GetAccessKeyLastUsed", "GetPolicy", "GetPolicyVersion",
                       "ListAccessKeys", "ListGroupsForUser", "ListPolicies", "ListPolicyVersions", "PassRole",
                       "RemoveUserFromGroup", "SetDefaultPolicyVersion", "SimulatePrincipalPolicy", "UpdateAccessKey",
                       "UpdateAssumeRolePolicy", "UpdateRole", "UpdateRoleDescription"]
        for kind in ["User", "Group", "Role"] {
            actions += ["Create\(kind)", "Delete\(kind)", "Get\(kind)", "List\(kind)s", "Attach\(kind)Policy",
                        "Detach\(kind)Policy", "ListAttached\(kind)Policies", "Put\(kind)Policy", "Get\(kind)Policy",
                        "Delete\(kind)Policy", "List\(kind)Policies"]
        }
        for kind in ["User", "Role"] {
            actions += ["Tag\(kind)", "Untag\(kind)", "List\(kind)Tags", "Put\(kind)PermissionsBoundary",
                        "Delete\(kind)PermissionsBoundary"]
        }
        return actions.sorted()
    }()
}
