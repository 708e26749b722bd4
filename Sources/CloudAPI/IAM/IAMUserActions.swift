import CloudEngine

/// Users, their tags and their permissions boundaries.
enum IAMUserActions {
    static let table: [String: QueryAction] = [
        "CreateUser": createUser,
        "GetUser": getUser,
        "ListUsers": listUsers,
        "DeleteUser": deleteUser,
        "TagUser": { call in try IAMTagging.tag(.user(try call.required("UserName")), call) },
        "UntagUser": { call in try IAMTagging.untag(.user(try call.required("UserName")), call) },
        "ListUserTags": { call in try IAMTagging.list(.user(try call.required("UserName")), call) },
        "PutUserPermissionsBoundary": { call in try IAMTagging.putBoundary(.user(try call.required("UserName")), call) },
        "DeleteUserPermissionsBoundary": { call in try IAMTagging.deleteBoundary(.user(try call.required("UserName")), call) },
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

/// The calls users and roles share (tags, permissions boundaries): the engine has one method for both.
enum IAMTagging {
    static func tag(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.tag(entity, tags: try call.tags(required: true), caller: call.caller)
        return nil
    }

    static func untag(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.untag(entity, keys: try call.requiredList("TagKeys"), caller: call.caller)
        return nil
    }

    static func list(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        let tags = try call.account.iam.tags(of: entity, caller: call.caller)
        return try call.page("Tags", tags, IAMShapes.tag)
    }

    static func putBoundary(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.putPermissionsBoundary(try call.required("PermissionsBoundary"), on: entity, caller: call.caller)
        return nil
    }

    static func deleteBoundary(_ entity: IAMEntity, _ call: QueryCall) throws -> String? {
        try call.account.iam.deletePermissionsBoundary(from: entity, caller: call.caller)
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
