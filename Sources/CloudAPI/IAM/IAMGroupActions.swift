import CloudEngine

/// Groups and their members.
enum IAMGroupActions {
    static let table: [String: QueryAction] = [
        "CreateGroup": createGroup,
        "GetGroup": getGroup,
        "ListGroups": listGroups,
        "DeleteGroup": deleteGroup,
        "AddUserToGroup": addUserToGroup,
        "RemoveUserFromGroup": removeUserFromGroup,
        "ListGroupsForUser": listGroupsForUser,
    ]

    static func createGroup(_ call: QueryCall) throws -> String? {
        let group = try call.account.iam.createGroup(try call.required("GroupName"), path: call.optional("Path") ?? "/",
                                                     caller: call.caller)
        return XMLText.wrapped("Group", IAMShapes.group(group))
    }

    /// The group and a page of its members.
    static func getGroup(_ call: QueryCall) throws -> String? {
        let details = try call.account.iam.group(try call.required("GroupName"), caller: call.caller)
        return XMLText.wrapped("Group", IAMShapes.group(details.group))
            + (try call.page("Users", details.users) { IAMShapes.user($0, full: false) })
    }

    static func listGroups(_ call: QueryCall) throws -> String? {
        let groups = try call.account.iam.listGroups(pathPrefix: call.optional("PathPrefix") ?? "/", caller: call.caller)
        return try call.page("Groups", groups, IAMShapes.group)
    }

    static func deleteGroup(_ call: QueryCall) throws -> String? {
        try call.account.iam.deleteGroup(try call.required("GroupName"), caller: call.caller)
        return nil
    }

    static func addUserToGroup(_ call: QueryCall) throws -> String? {
        try call.account.iam.addUserToGroup(group: try call.required("GroupName"), user: try call.required("UserName"),
                                            caller: call.caller)
        return nil
    }

    static func removeUserFromGroup(_ call: QueryCall) throws -> String? {
        try call.account.iam.removeUserFromGroup(group: try call.required("GroupName"), user: try call.required("UserName"),
                                                 caller: call.caller)
        return nil
    }

    static func listGroupsForUser(_ call: QueryCall) throws -> String? {
        let groups = try call.account.iam.listGroupsForUser(try call.required("UserName"), caller: call.caller)
        return try call.page("Groups", groups, IAMShapes.group)
    }
}
