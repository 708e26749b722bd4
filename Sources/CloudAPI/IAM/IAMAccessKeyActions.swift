import CloudEngine

/// Access keys: a user's, the caller's own, or the root's (without `UserName`, as IAM does).
enum IAMAccessKeyActions {
    static let table: [String: QueryAction] = [
        "CreateAccessKey": createAccessKey,
        "ListAccessKeys": listAccessKeys,
        "UpdateAccessKey": updateAccessKey,
        "DeleteAccessKey": deleteAccessKey,
        "GetAccessKeyLastUsed": getAccessKeyLastUsed,
    ]

    static func createAccessKey(_ call: QueryCall) throws -> String? {
        let key = try call.account.iam.createAccessKey(userName: call.optional("UserName"), caller: call.caller)
        return XMLText.wrapped("AccessKey", IAMShapes.accessKey(key))
    }

    static func listAccessKeys(_ call: QueryCall) throws -> String? {
        let keys = try call.account.iam.listAccessKeys(userName: call.optional("UserName"), caller: call.caller)
        return try call.page("AccessKeyMetadata", keys, IAMShapes.accessKeyMetadata)
    }

    static func updateAccessKey(_ call: QueryCall) throws -> String? {
        let text = try call.required("Status")
        guard let status = AccessKeyStatus(rawValue: text) else {
            throw QueryCall.validation("Status", shown: "'\(text)'", constraint: "Member must satisfy enum value set: [Active, Inactive]")
        }
        try call.account.iam.updateAccessKey(try call.required("AccessKeyId"), status: status, userName: call.optional("UserName"),
                                             caller: call.caller)
        return nil
    }

    static func deleteAccessKey(_ call: QueryCall) throws -> String? {
        try call.account.iam.deleteAccessKey(try call.required("AccessKeyId"), userName: call.optional("UserName"),
                                             caller: call.caller)
        return nil
    }

    /// A key never used has no date, and `N/A` for its service and region, as IAM reports it.
    static func getAccessKeyLastUsed(_ call: QueryCall) throws -> String? {
        let used = try call.account.iam.accessKeyLastUsed(try call.required("AccessKeyId"), caller: call.caller)
        return XMLText.element("UserName", used.userName)
            + XMLText.wrapped("AccessKeyLastUsed", XMLText.element("LastUsedDate", used.lastUsedAt.map(IAMShapes.date))
                              + XMLText.element("ServiceName", used.serviceName) + XMLText.element("Region", used.region))
    }
}
