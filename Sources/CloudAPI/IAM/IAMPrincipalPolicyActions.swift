import CloudEngine

/// Managed-policy attachments and inline policies of users, groups and roles.
///
/// IAM has one action per kind (AttachUserPolicy, AttachGroupPolicy, AttachRolePolicy, …) and the engine one
/// method for all three, so the table is made from the kinds: `Attach{Kind}Policy` with `{Kind}Name`.
enum IAMPrincipalPolicyActions {
    static let table: [String: QueryAction] = {
        var table: [String: QueryAction] = [:]
        for kind in IAMEntity.Kind.allCases {
            let word = operationWord(kind)
            let entity = named(kind)
            table["Attach\(word)Policy"] = { call in try attach(entity(call), call) }
            table["Detach\(word)Policy"] = { call in try detach(entity(call), call) }
            table["ListAttached\(word)Policies"] = { call in try listAttached(entity(call), call) }
            table["Put\(word)Policy"] = { call in try putInline(entity(call), call) }
            table["Get\(word)Policy"] = { call in try getInline(entity(call), nameTag: "\(word)Name", call) }
            table["List\(word)Policies"] = { call in try listInline(entity(call), call) }
            table["Delete\(word)Policy"] = { call in try deleteInline(entity(call), call) }
        }
        return table
    }()

    /// `User`, `Group`, `Role`: as IAM spells the kind inside action and parameter names.
    static func operationWord(_ kind: IAMEntity.Kind) -> String {
        switch kind {
        case .user: return "User"
        case .group: return "Group"
        case .role: return "Role"
        }
    }

    /// The entity of `kind` a call names in `{Kind}Name` (`UserName`, `GroupName`, `RoleName`).
    static func named(_ kind: IAMEntity.Kind) -> @Sendable (QueryCall) throws -> IAMEntity {
        let parameter = "\(operationWord(kind))Name"
        return { call in kind.entity(try call.required(parameter)) }
    }

    static func attach(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.attachPolicy(try call.required("PolicyArn"), to: entity, caller: call.caller)
        return nil
    }

    static func detach(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.detachPolicy(try call.required("PolicyArn"), from: entity, caller: call.caller)
        return nil
    }

    /// With `PathPrefix`, only the policies whose path (in their ARN, after `:policy`) starts with it.
    static func listAttached(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        let prefix = call.optional("PathPrefix") ?? "/"
        let policies = try call.account.iam.attachedPolicies(of: entity, caller: call.caller)
            .filter { policyPath($0.arn).hasPrefix(prefix) }
        return try call.page("AttachedPolicies", policies, IAMShapes.attachedPolicy)
    }

    /// `/service-role/` for `arn:aws:iam::aws:policy/service-role/NAME`.
    static func policyPath(_ arn: String) -> String {
        guard let start = arn.range(of: ":policy/") else { return "/" }
        let rest = arn[start.upperBound...]
        guard let slash = rest.lastIndex(of: "/") else { return "/" }
        return "/" + rest[...slash]
    }

    static func putInline(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.putInlinePolicy(try call.required("PolicyName"), document: try call.required("PolicyDocument"),
                                             on: entity, caller: call.caller)
        return nil
    }

    static func getInline(_ entity: IAMEntity, nameTag: String, _ call: QueryCall) throws -> String? {
        let policy = try call.account.iam.inlinePolicy(try call.required("PolicyName"), of: entity, caller: call.caller)
        return XMLText.element(nameTag, entity.name) + XMLText.element("PolicyName", policy.name)
            + XMLText.element("PolicyDocument", IAMShapes.policyDocument(policy.document))
    }

    static func listInline(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        let names = try call.account.iam.inlinePolicyNames(of: entity, caller: call.caller)
        return try call.page("PolicyNames", names) { XMLText.escaped($0) }
    }

    static func deleteInline(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.deleteInlinePolicy(try call.required("PolicyName"), from: entity, caller: call.caller)
        return nil
    }
}
