import CloudEngine
import Foundation

/// The Users panel's engine calls, run by the effect runner off the UI thread.
struct UsersEffects {
    let account: Account
    let caller: Caller
    let editor: ExternalEditor
    let send: @Sendable (ConsoleAction) -> Void

    func perform(_ effect: UsersEffect) {
        let iam = account.iam
        func answer(_ action: UsersAction) { send(.users(action)) }
        func attempt(_ success: () throws -> UsersAction) {
            do { answer(try success()) } catch { answer(.actionFailed(ConsoleError(error))) }
        }
        switch effect {
        case .list:
            do {
                answer(try Self.listing(account: account, caller: caller))
            } catch {
                answer(.listFailed(ConsoleError(error)))
            }
        case .loadDetail(let entity):
            do {
                answer(.detailLoaded(try Self.detail(of: entity, account: account, caller: caller)))
            } catch {
                answer(.detailLoadFailed(entity, ConsoleError(error)))
            }
        case .loadPolicyChoices:
            do {
                answer(.policyChoicesLoaded(try EntityPermissions.choices(account: account, caller: caller)))
            } catch {
                answer(.policyChoicesFailed(ConsoleError(error)))
            }
        case .createUser(let request):
            do {
                answer(.userCreated(try iam.createUser(request.name, path: request.path, tags: request.tags, caller: caller)))
            } catch {
                answer(.createFailed(ConsoleError(error)))
            }
        case .createGroup(let name, let path):
            do {
                answer(.groupCreated(try iam.createGroup(name, path: path, caller: caller)))
            } catch {
                answer(.createFailed(ConsoleError(error)))
            }
        case .deleteUser(let name):
            attempt {
                try iam.deleteUser(name, detachingEverything: true, caller: caller)
                return .userDeleted(name)
            }
        case .deleteGroup(let name, let detaching):
            attempt {
                try iam.deleteGroup(name, detachingEverything: detaching, caller: caller)
                return .groupDeleted(name)
            }
        case .attachPolicies(let entity, let arns):
            attempt {
                try iam.attachPolicies(arns, to: entity, caller: caller)
                return .policiesAttached(entity, names: arns.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
            }
        case .detachPolicy(let entity, let arn, let name):
            attempt {
                try iam.detachPolicy(arn, from: entity, caller: caller)
                return .policyDetached(entity, name: name)
            }
        case .putInlinePolicy(let entity, let name, let document, let fromEditor):
            do {
                try iam.putInlinePolicy(name, document: document, on: entity, caller: caller)
                answer(.inlinePolicySaved(entity, name: name))
            } catch {
                let edit = PolicyDocumentEdit(target: .inlinePolicy(entity: entity, name: name), text: document)
                answer(fromEditor || (error as? EngineError)?.code == "MalformedPolicyDocument"
                       ? .documentRefused(edit, ConsoleError(error)) : .actionFailed(ConsoleError(error)))
            }
        case .deleteInlinePolicy(let entity, let name):
            attempt {
                try iam.deleteInlinePolicy(name, from: entity, caller: caller)
                return .inlinePolicyDeleted(entity, name: name)
            }
        case .addToGroup(let user, let group):
            attempt {
                try iam.addUserToGroup(group: group, user: user, caller: caller)
                return .membershipAdded(user: user, group: group)
            }
        case .removeFromGroup(let user, let group):
            attempt {
                try iam.removeUserFromGroup(group: group, user: user, caller: caller)
                return .membershipRemoved(user: user, group: group)
            }
        case .createKey(let user):
            attempt { .keyCreated(try iam.createAccessKey(userName: user, caller: caller)) }
        case .setKeyStatus(let user, let id, let status):
            attempt {
                try iam.updateAccessKey(id, status: status, userName: user, caller: caller)
                return .keyStatusChanged(user: user, id: id, status)
            }
        case .deleteKey(let user, let id):
            attempt {
                try iam.deleteAccessKey(id, userName: user, caller: caller)
                return .keyDeleted(user: user, id: id)
            }
        case .editDocument:
            if let action = editor.perform(.users(effect)) { send(action) }
        }
    }

    /// Users with their groups and keys, and groups with their members and policy counts. What the caller may
    /// not read about one of them is left blank rather than failing the list.
    static func listing(account: Account, caller: Caller) throws -> UsersAction {
        let iam = account.iam
        let users = try iam.listUsers(caller: caller).map { user in
            let keys = (try? iam.listAccessKeys(userName: user.name, caller: caller)) ?? []
            let lastUsed = keys.compactMap { try? iam.accessKeyLastUsed($0.accessKeyID, caller: caller).lastUsedAt }.max()
            return UserSummary(user: user, groups: (try? iam.listGroupsForUser(user.name, caller: caller).map(\.name)) ?? [],
                               keys: keys, lastUsed: lastUsed)
        }
        let groups = try iam.listGroups(caller: caller).map { group in
            let members = (try? iam.group(group.name, caller: caller).users.map(\.name)) ?? []
            let attached = (try? iam.attachedPolicies(of: .group(group.name), caller: caller).count) ?? 0
            let inline = (try? iam.inlinePolicyNames(of: .group(group.name), caller: caller).count) ?? 0
            return GroupSummary(group: group, members: members, policies: attached + inline)
        }
        return .listed(users: users, groups: groups)
    }

    /// The user (with its groups and keys) or the group (with its members), and its policies with their documents.
    static func detail(of entity: IAMEntity, account: Account, caller: Caller) throws -> IdentityDetailData {
        let iam = account.iam
        let permissions = try EntityPermissions.load(entity, account: account, caller: caller)
        if case .group(let name) = entity {
            let details = try iam.group(name, caller: caller)
            return IdentityDetailData(entity: entity, arn: details.group.arn, path: details.group.path,
                                      createdAt: details.group.createdAt, permissions: permissions,
                                      members: details.users.map(\.name))
        }
        let name = entity.name
        let user = try iam.user(name, caller: caller)
        let keys = try iam.listAccessKeys(userName: name, caller: caller).map { key in
            AccessKeyRow(key: key, lastUsed: try? iam.accessKeyLastUsed(key.accessKeyID, caller: caller))
        }
        return IdentityDetailData(entity: entity, arn: user.arn, path: user.path, createdAt: user.createdAt,
                                  tags: user.tags, permissions: permissions,
                                  groups: try iam.listGroupsForUser(name, caller: caller).map(\.name), keys: keys)
    }
}
