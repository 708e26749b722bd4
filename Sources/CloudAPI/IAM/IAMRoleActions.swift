import CloudEngine

/// Roles: their trust policies and settings (tags and permissions boundaries are in `IAMTagAndBoundaryActions`).
enum IAMRoleActions {
    static let table: [String: QueryAction] = [
        "CreateRole": createRole,
        "GetRole": getRole,
        "ListRoles": listRoles,
        "UpdateRole": updateRole,
        "UpdateRoleDescription": updateRoleDescription,
        "UpdateAssumeRolePolicy": updateAssumeRolePolicy,
        "DeleteRole": deleteRole,
    ]

    static func createRole(_ call: QueryCall) throws -> String? {
        let role = try call.account.iam.createRole(
            try call.required("RoleName"), trustPolicy: try call.required("AssumeRolePolicyDocument"),
            path: call.optional("Path") ?? "/", description: call.optional("Description"),
            maxSessionDuration: try call.integer("MaxSessionDuration") ?? 3600,
            permissionsBoundary: call.optional("PermissionsBoundary"), tags: try call.tags(), caller: call.caller)
        return XMLText.wrapped("Role", IAMShapes.role(role))
    }

    static func getRole(_ call: QueryCall) throws -> String? {
        let role = try call.account.iam.role(try call.required("RoleName"), caller: call.caller)
        return XMLText.wrapped("Role", IAMShapes.role(role))
    }

    static func listRoles(_ call: QueryCall) throws -> String? {
        let roles = try call.account.iam.listRoles(pathPrefix: call.optional("PathPrefix") ?? "/", caller: call.caller)
        return try call.page("Roles", roles) { IAMShapes.role($0, full: false) }
    }

    /// UpdateRole's result is empty: `<UpdateRoleResult/>`.
    static func updateRole(_ call: QueryCall) throws -> String? {
        try call.account.iam.updateRole(try call.required("RoleName"), description: call.optional("Description"),
                                        maxSessionDuration: try call.integer("MaxSessionDuration"), caller: call.caller)
        return ""
    }

    /// The older call: sets the description and returns the role.
    static func updateRoleDescription(_ call: QueryCall) throws -> String? {
        let name = try call.required("RoleName")
        try call.account.iam.updateRole(name, description: try call.required("Description"), caller: call.caller)
        return XMLText.wrapped("Role", IAMShapes.role(try call.account.iam.role(name, caller: call.caller)))
    }

    static func updateAssumeRolePolicy(_ call: QueryCall) throws -> String? {
        try call.account.iam.updateAssumeRolePolicy(role: try call.required("RoleName"),
                                                    trustPolicy: try call.required("PolicyDocument"), caller: call.caller)
        return nil
    }

    static func deleteRole(_ call: QueryCall) throws -> String? {
        try call.account.iam.deleteRole(try call.required("RoleName"), caller: call.caller)
        return nil
    }
}
