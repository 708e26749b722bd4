import CloudEngine
import Foundation

/// The Roles panel's engine calls, run by the effect runner off the UI thread.
struct RolesEffects {
    let account: Account
    let caller: Caller
    let editor: ExternalEditor
    let send: @Sendable (ConsoleAction) -> Void

    func perform(_ effect: RolesEffect) {
        let iam = account.iam
        func answer(_ action: RolesAction) { send(.roles(action)) }
        func attempt(_ success: () throws -> RolesAction) {
            do { answer(try success()) } catch { answer(.actionFailed(ConsoleError(error))) }
        }
        switch effect {
        case .listRoles:
            do {
                answer(.rolesLoaded(try iam.listRoles(caller: caller)))
            } catch {
                answer(.rolesLoadFailed(ConsoleError(error)))
            }
        case .loadDetail(let name):
            do {
                answer(.detailLoaded(try Self.detail(of: name, account: account, caller: caller)))
            } catch {
                answer(.detailLoadFailed(name: name, ConsoleError(error)))
            }
        case .loadPolicyChoices:
            do {
                answer(.policyChoicesLoaded(try EntityPermissions.choices(account: account, caller: caller)))
            } catch {
                answer(.policyChoicesFailed(ConsoleError(error)))
            }
        case .createRole(let request):
            do {
                let role = try iam.createRole(request.name, trustPolicy: request.trustPolicy, description: request.description,
                                              tags: request.tags, attaching: request.policyARNs, caller: caller)
                answer(.roleCreated(role, policies: request.policyARNs.count))
            } catch {
                answer(.roleCreateFailed(ConsoleError(error)))
            }
        case .deleteRole(let name, let detaching):
            attempt {
                try iam.deleteRole(name, detachingPolicies: detaching, caller: caller)
                return .roleDeleted(name)
            }
        case .attachPolicies(let role, let arns):
            attempt {
                try iam.attachPolicies(arns, to: .role(role), caller: caller)
                return .policiesAttached(role: role, names: arns.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
            }
        case .detachPolicy(let role, let arn, let name):
            attempt {
                try iam.detachPolicy(arn, from: .role(role), caller: caller)
                return .policyDetached(role: role, name: name)
            }
        case .putInlinePolicy(let role, let name, let document, let fromEditor):
            do {
                try iam.putInlinePolicy(name, document: document, on: .role(role), caller: caller)
                answer(.inlinePolicySaved(role: role, name: name))
            } catch {
                let edit = PolicyDocumentEdit(target: .inlinePolicy(entity: .role(role), name: name), text: document)
                answer(fromEditor || Self.isMalformed(error) ? .documentRefused(edit, ConsoleError(error))
                       : .actionFailed(ConsoleError(error)))
            }
        case .deleteInlinePolicy(let role, let name):
            attempt {
                try iam.deleteInlinePolicy(name, from: .role(role), caller: caller)
                return .inlinePolicyDeleted(role: role, name: name)
            }
        case .updateTrustPolicy(let role, let document):
            do {
                try iam.updateAssumeRolePolicy(role: role, trustPolicy: document, caller: caller)
                answer(.trustPolicySaved(role: role))
            } catch {
                answer(.documentRefused(PolicyDocumentEdit(target: .trustPolicy(role: role), text: document), ConsoleError(error)))
            }
        case .editDocument:
            if let action = editor.perform(.roles(effect)) { send(action) }
        }
    }

    private static func isMalformed(_ error: any Error) -> Bool {
        (error as? EngineError)?.code == "MalformedPolicyDocument"
    }

    /// The role, its policies with their documents, and the functions that run as it.
    static func detail(of name: String, account: Account, caller: Caller) throws -> RoleDetailData {
        let iam = account.iam
        let role = try iam.role(name, caller: caller)
        let permissions = try EntityPermissions.load(.role(name), account: account, caller: caller)
        do {
            let functions = try account.functions.listFunctions(caller: caller).filter { $0.role == role.arn }.map(\.functionName)
            return RoleDetailData(role: role, permissions: permissions, functions: functions)
        } catch {
            return RoleDetailData(role: role, permissions: permissions, functions: nil,
                                  functionsProblem: ConsoleError(error).description)
        }
    }
}

extension RoleDetailData {
    /// What a role's detail reads when it opens (the benchmark times exactly this).
    public static func load(role name: String, account: Account, caller: Caller) throws -> RoleDetailData {
        try RolesEffects.detail(of: name, account: account, caller: caller)
    }
}
