import CloudEngine

/// Managed policies (customer and AWS) and their versions.
enum IAMPolicyActions {
    static let table: [String: QueryAction] = [
        "CreatePolicy": createPolicy,
        "GetPolicy": getPolicy,
        "ListPolicies": listPolicies,
        "DeletePolicy": deletePolicy,
        "CreatePolicyVersion": createPolicyVersion,
        "GetPolicyVersion": getPolicyVersion,
        "ListPolicyVersions": listPolicyVersions,
        "DeletePolicyVersion": deletePolicyVersion,
        "SetDefaultPolicyVersion": setDefaultPolicyVersion,
        "ListEntitiesForPolicy": IAMPolicyEntities.list,
    ]

    /// Tags on managed policies are not kept by the engine; a request with some is refused rather than losing them.
    static func createPolicy(_ call: QueryCall) throws -> String? {
        if try !call.tags().isEmpty {
            throw QueryService.unsupported("Overcast does not keep tags on managed policies yet; create the policy without Tags.")
        }
        let policy = try call.account.iam.createPolicy(
            try call.required("PolicyName"), document: try call.required("PolicyDocument"), path: call.optional("Path") ?? "/",
            description: call.optional("Description"), caller: call.caller)
        return XMLText.wrapped("Policy", IAMShapes.policy(policy))
    }

    static func getPolicy(_ call: QueryCall) throws -> String? {
        let policy = try call.account.iam.policy(try call.required("PolicyArn"), caller: call.caller)
        return XMLText.wrapped("Policy", IAMShapes.policy(policy))
    }

    static func listPolicies(_ call: QueryCall) throws -> String? {
        let scopeText = call.optional("Scope") ?? PolicyScope.all.rawValue
        guard let scope = PolicyScope(rawValue: scopeText) else {
            throw QueryCall.validation("Scope", shown: "'\(scopeText)'", constraint: "Member must satisfy enum value set: [All, AWS, Local]")
        }
        let policies = try call.account.iam.listPolicies(scope: scope, onlyAttached: try call.boolean("OnlyAttached") ?? false,
                                                         pathPrefix: call.optional("PathPrefix") ?? "/", caller: call.caller)
        return try call.page("Policies", policies, IAMShapes.policy)
    }

    static func deletePolicy(_ call: QueryCall) throws -> String? {
        try call.account.iam.deletePolicy(try call.required("PolicyArn"), caller: call.caller)
        return nil
    }

    static func createPolicyVersion(_ call: QueryCall) throws -> String? {
        let version = try call.account.iam.createPolicyVersion(
            try call.required("PolicyArn"), document: try call.required("PolicyDocument"),
            setAsDefault: try call.boolean("SetAsDefault") ?? false, caller: call.caller)
        return XMLText.wrapped("PolicyVersion", IAMShapes.version(version, withDocument: false))
    }

    static func getPolicyVersion(_ call: QueryCall) throws -> String? {
        let version = try call.account.iam.policyVersion(try call.required("PolicyArn"), versionID: try call.required("VersionId"),
                                                         caller: call.caller)
        return XMLText.wrapped("PolicyVersion", IAMShapes.version(version))
    }

    static func listPolicyVersions(_ call: QueryCall) throws -> String? {
        let versions = try call.account.iam.listPolicyVersions(try call.required("PolicyArn"), caller: call.caller)
        return try call.page("Versions", versions) { IAMShapes.version($0, withDocument: false) }
    }

    static func deletePolicyVersion(_ call: QueryCall) throws -> String? {
        try call.account.iam.deletePolicyVersion(try call.required("PolicyArn"), versionID: try call.required("VersionId"),
                                                 caller: call.caller)
        return nil
    }

    static func setDefaultPolicyVersion(_ call: QueryCall) throws -> String? {
        try call.account.iam.setDefaultPolicyVersion(try call.required("PolicyArn"), versionID: try call.required("VersionId"),
                                                     caller: call.caller)
        return nil
    }
}
