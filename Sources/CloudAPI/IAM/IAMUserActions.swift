import CloudEngine

/// Users (their tags and permissions boundaries are in `IAMTagAndBoundaryActions`).
enum IAMUserActions {
    static let table: [String: QueryAction] = [
        "CreateUser": createUser,
        "GetUser": getUser,
        "ListUsers": listUsers,
        "DeleteUser": deleteUser,
    ]

    static func createUser(_ call: QueryCall) throws -> String? {
        let user = try call.account.iam.createUser(try call.required("UserName"), path: call.optional("Path") ?? "/",
                                                   permissionsBoundary: call.optional("PermissionsBoundary"),
                                                   tags: call.tags(), caller: call.caller)
        return XMLText.wrapped("User", IAMShapes.user(user))
    }

    /// Without `UserName`, the calling user, as IAM does.
    static func getUser(_ call: QueryCall) throws -> String? {
        let user = try call.account.iam.user(call.optional("UserName"), caller: call.caller)
        return XMLText.wrapped("User", IAMShapes.user(user))
    }

    static func listUsers(_ call: QueryCall) throws -> String? {
        let users = try call.account.iam.listUsers(pathPrefix: call.optional("PathPrefix") ?? "/", caller: call.caller)
        return try call.page("Users", users) { IAMShapes.user($0, full: false) }
    }

    static func deleteUser(_ call: QueryCall) throws -> String? {
        try call.account.iam.deleteUser(try call.required("UserName"), caller: call.caller)
        return nil
    }
}

extension QueryCall {
    /// `Tags.member.N.Key` / `.Value`; with `required`, at least one (TagUser, TagRole).
    func tags(required: Bool = false) throws -> [IAMTag] {
        let prefixes = parameters.memberPrefixes("Tags")
        if required && prefixes.isEmpty {
            throw Self.validation("Tags", shown: "null", constraint: "Member must not be null")
        }
        return try prefixes.map { prefix in
            IAMTag(key: try self.required(prefix + ".Key"), value: try self.required(prefix + ".Value"))
        }
    }
}
