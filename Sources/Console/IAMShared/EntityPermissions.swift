import CloudEngine

/// Reading what a user, group or role may do: its managed policies (with their default documents), then its
/// inline policies, as its detail shows them.
enum EntityPermissions {
    static func load(_ entity: IAMEntity, account: Account, caller: Caller) throws -> [EntityPermission] {
        let iam = account.iam
        var permissions: [EntityPermission] = []
        for attached in try iam.attachedPolicies(of: entity, caller: caller) {
            let policy = try? iam.policy(attached.arn, caller: caller)
            let document = policy.flatMap { try? iam.policyVersion(attached.arn, versionID: $0.defaultVersionID, caller: caller).document }
            permissions.append(EntityPermission(name: attached.name,
                                                kind: .managed(arn: attached.arn, awsManaged: policy?.isAWSManaged
                                                    ?? attached.arn.hasPrefix("arn:aws:iam::aws:policy/")),
                                                document: document))
        }
        for policyName in try iam.inlinePolicyNames(of: entity, caller: caller) {
            let document = try? iam.inlinePolicy(policyName, of: entity, caller: caller).document
            permissions.append(EntityPermission(name: policyName, kind: .inline, document: document))
        }
        return permissions
    }

    /// Every managed policy the account can attach: AWS managed and its own, with their default documents.
    static func choices(account: Account, caller: Caller) throws -> [PolicyChoice] {
        let iam = account.iam
        return try iam.listPolicies(scope: .all, caller: caller).map { policy in
            let document = try? iam.policyVersion(policy.arn, versionID: policy.defaultVersionID, caller: caller).document
            return PolicyChoice(arn: policy.arn, name: policy.name, isAWSManaged: policy.isAWSManaged,
                                description: policy.description, document: document)
        }
    }
}
