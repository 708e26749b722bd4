import Foundation

/// The actions Overcast's engine authorizes, for completing the simulator's action field.
///
/// Data, gathered from the engine's `authorize` calls (grep `authorize(` and the `action:` of
/// `authorizedEntity` in `Sources/CloudEngine`, with the user, group and role forms of each
/// `iam:…\(kind.operationWord)…` spelled out). Any `service:Action` can still be typed: these are
/// the ones whose answer the engine would act on.
enum KnownActions {
    static let all: [String] = (s3 + lambda + logs + iam + sts).sorted { $0.lowercased() < $1.lowercased() }

    static let s3 = [
        "s3:CreateBucket", "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:DeleteObject", "s3:GetBucketNotification",
        "s3:GetBucketPolicy", "s3:GetObject", "s3:ListAllMyBuckets", "s3:ListBucket", "s3:PutBucketNotification",
        "s3:PutBucketPolicy", "s3:PutObject",
    ]

    static let lambda = [
        "lambda:AddPermission", "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:DeleteLayerVersion",
        "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:GetLayerVersion", "lambda:GetPolicy",
        "lambda:InvokeFunction", "lambda:ListFunctions", "lambda:ListLayerVersions", "lambda:ListVersionsByFunction",
        "lambda:PublishLayerVersion", "lambda:PublishVersion", "lambda:RemovePermission", "lambda:UpdateFunctionCode",
        "lambda:UpdateFunctionConfiguration",
    ]

    static let logs = [
        "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DeleteLogGroup", "logs:DeleteLogStream",
        "logs:DeleteRetentionPolicy", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:FilterLogEvents",
        "logs:GetLogEvents", "logs:PutLogEvents", "logs:PutRetentionPolicy",
    ]

    static let sts = ["sts:AssumeRole", "sts:GetCallerIdentity"]

    /// IAM's own actions, then the per-kind ones for users, groups and roles.
    static let iam: [String] = [
        "iam:AddUserToGroup", "iam:CreateAccessKey", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeleteAccessKey",
        "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:GetAccessKeyLastUsed", "iam:GetPolicy", "iam:GetPolicyVersion",
        "iam:ListAccessKeys", "iam:ListGroupsForUser", "iam:ListPolicies", "iam:ListPolicyVersions", "iam:PassRole",
        "iam:RemoveUserFromGroup", "iam:SetDefaultPolicyVersion", "iam:SimulatePrincipalPolicy", "iam:UpdateAccessKey",
        "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
    ] + perKind(["User", "Group", "Role"], entityActions) + perKind(["User", "Role"], taggingActions)

    /// `KIND` stands for User, Group or Role.
    static let entityActions: [String] = [
        "CreateKIND", "GetKIND", "DeleteKIND", "ListKINDs", "AttachKINDPolicy", "DetachKINDPolicy", "ListAttachedKINDPolicies",
        "PutKINDPolicy", "GetKINDPolicy", "ListKINDPolicies", "DeleteKINDPolicy",
    ]
    static let taggingActions: [String] = [
        "TagKIND", "UntagKIND", "ListKINDTags", "PutKINDPermissionsBoundary", "DeleteKINDPermissionsBoundary",
    ]

    private static func perKind(_ kinds: [String], _ templates: [String]) -> [String] {
        var actions: [String] = []
        for kind in kinds {
            for template in templates {
                actions.append("iam:" + template.replacingOccurrences(of: "KIND", with: kind))
            }
        }
        return actions
    }

    private static let lowered = Set(all.map { $0.lowercased() })

    /// Whether the engine ever asks about `action` (case-insensitive, as IAM compares actions).
    static func isKnown(_ action: String) -> Bool { lowered.contains(action.lowercased()) }

    /// The known actions starting with `typed` (case-insensitive); empty when nothing is typed.
    static func completions(for typed: String) -> [String] {
        let wanted = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return [] }
        return all.filter { $0.lowercased().hasPrefix(wanted) && $0.lowercased() != wanted }
    }

    /// The comma-separated entry being typed at the end of `text`.
    static func lastEntry(of text: String) -> String {
        String(text.split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// `text` with its last entry replaced by `action`.
    static func completing(_ text: String, with action: String) -> String {
        var entries = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if entries.isEmpty { entries = [""] }
        entries[entries.count - 1] = action
        return entries.joined(separator: ", ")
    }

    /// The longest prefix the candidates share (what Tab fills in when several fit).
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }
}
