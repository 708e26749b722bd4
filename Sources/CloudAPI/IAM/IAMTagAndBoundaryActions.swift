import CloudEngine

/// The calls users and roles share (tags, permissions boundaries): the engine has one method for both, and
/// the table is made from the two kinds as `IAMPrincipalPolicyActions`' is: `Tag{Kind}` with `{Kind}Name`.
enum IAMTagAndBoundaryActions {
    static let table: [String: QueryAction] = {
        var table: [String: QueryAction] = [:]
        for kind in [IAMEntity.Kind.user, .role] {
            let word = IAMPrincipalPolicyActions.operationWord(kind)
            let entity = IAMPrincipalPolicyActions.named(kind)
            table["Tag\(word)"] = { call in try tag(entity(call), call) }
            table["Untag\(word)"] = { call in try untag(entity(call), call) }
            table["List\(word)Tags"] = { call in try list(entity(call), call) }
            table["Put\(word)PermissionsBoundary"] = { call in try putBoundary(entity(call), call) }
            table["Delete\(word)PermissionsBoundary"] = { call in try deleteBoundary(entity(call), call) }
        }
        return table
    }()

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
