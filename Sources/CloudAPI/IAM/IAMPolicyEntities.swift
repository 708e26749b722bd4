import CloudEngine

/// ListEntitiesForPolicy: the groups, roles and users a managed policy is attached to, one page across all three.
///
/// The engine names the entities; their ids and paths come from ListGroups / ListRoles / ListUsers as the
/// caller. When the caller may not list a kind, its entities are still named, without ids (and, having no
/// known path, they match only the default `PathPrefix` of `/`).
enum IAMPolicyEntities {
    struct Entity {
        var kind: IAMEntity.Kind
        var name: String
        var id: String?
        var path: String?
    }

    static func list(_ call: QueryCall) throws -> String? {
        let filter = try entityFilter(call)
        let pathPrefix = call.optional("PathPrefix") ?? "/"
        let attached = try call.account.iam.entities(attachedTo: try call.required("PolicyArn"), caller: call.caller)
        let known = details(of: Set(attached.map(\.kind)), call)
        let entities = attached
            .filter { filter?.contains($0.kind) ?? true }
            .map { entity in
                let found = known[entity.kind]?[entity.name]
                return Entity(kind: entity.kind, name: entity.name, id: found?.id, path: found?.path)
            }
            .filter { entity in entity.path.map { $0.hasPrefix(pathPrefix) } ?? (pathPrefix == "/") }
        let (page, trailer) = try call.pageSlice(entities)
        func members(_ kind: IAMEntity.Kind, _ list: String, _ nameTag: String, _ idTag: String) -> String {
            XMLText.members(list, page.filter { $0.kind == kind }) { entity in
                XMLText.element(nameTag, entity.name) + XMLText.element(idTag, entity.id)
            }
        }
        return members(.group, "PolicyGroups", "GroupName", "GroupId") + members(.user, "PolicyUsers", "UserName", "UserId")
            + members(.role, "PolicyRoles", "RoleName", "RoleId") + trailer
    }

    /// `EntityFilter`: User, Role, Group, or the policy kinds (which no user, group or role is); nil for all.
    static func entityFilter(_ call: QueryCall) throws -> Set<IAMEntity.Kind>? {
        guard let text = call.optional("EntityFilter") else { return nil }
        switch text {
        case "User": return [.user]
        case "Role": return [.role]
        case "Group": return [.group]
        case "LocalManagedPolicy", "AWSManagedPolicy": return []
        default:
            throw QueryCall.validation("EntityFilter", shown: "'\(text)'",
                                       constraint: "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]")
        }
    }

    /// Id and path by name, for each kind the caller may list.
    static func details(of kinds: Set<IAMEntity.Kind>, _ call: QueryCall) -> [IAMEntity.Kind: [String: (id: String, path: String)]] {
        var result: [IAMEntity.Kind: [String: (id: String, path: String)]] = [:]
        let iam = call.account.iam
        for kind in kinds {
            let pairs: [(String, (id: String, path: String))]?
            switch kind {
            case .user: pairs = (try? iam.listUsers(caller: call.caller))?.map { ($0.name, ($0.id, $0.path)) }
            case .group: pairs = (try? iam.listGroups(caller: call.caller))?.map { ($0.name, ($0.id, $0.path)) }
            case .role: pairs = (try? iam.listRoles(caller: call.caller))?.map { ($0.name, ($0.id, $0.path)) }
            }
            result[kind] = Dictionary(pairs ?? [], uniquingKeysWith: { first, _ in first })
        }
        return result
    }
}
