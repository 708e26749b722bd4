import CloudEngine
import Foundation
import IAMPolicy
import TerminalUI

/// The Roles panel's dialogs: attach, the inline-policy form, the editor's round trip, confirmations.
enum RolesDialogs {
    static func reduce(_ s: inout ConsoleState, _ action: RolesAction) -> [ConsoleEffect] {
        switch action {
        case .newPressed:
            guard s.roles.detail == nil else { return [] }
            return RoleWizard.start(&s)
        case .deletePressed:
            return deletePressed(&s)
        case .deleteRolePressed:
            return deleteRolePressed(&s)
        case .attachPressed:
            guard let detail = s.roles.detail, let data = detail.data else { return [] }
            s.roles.modal = .attach(PermissionDialogs.picker(excluding: data.permissions), role: detail.name)
            return [.roles(.loadPolicyChoices)]
        case .inlinePressed:
            guard let detail = s.roles.detail, detail.data != nil else { return [] }
            s.roles.modal = .inlineForm(InlinePolicyForm.form(on: .role(detail.name), taken: inlineNames(s),
                                                              accountID: s.accountID, region: s.region), role: detail.name)
            return []
        case .editPressed:
            return editPressed(&s)
        case .dialogKeyPressed(let event):
            if s.roles.wizard != nil { return RoleWizard.key(&s, event) }
            return dialogKey(&s, event)
        case .documentEdited(let edit, let text):
            return documentEdited(&s, edit, text)
        case .documentRefused(let edit, let error):
            s.roles.modal = .documentRefused(message: error.description, edit: edit)
            return []
        case .policyChoicesLoaded(let choices):
            if case .attach(var picker, let role)? = s.roles.modal {
                picker.setChoices(choices)
                s.roles.modal = .attach(picker, role: role)
            }
            s.roles.wizard?.picker.setChoices(choices)
            return []
        case .policyChoicesFailed(let error):
            if case .attach(var picker, let role)? = s.roles.modal {
                picker.loadError = error.description
                s.roles.modal = .attach(picker, role: role)
            }
            s.roles.wizard?.picker.loadError = error.description
            return []
        case .roleCreated, .roleCreateFailed:
            return RoleWizard.reduce(&s, action)
        default:
            return []
        }
    }

    /// A role's detail arrived: a delete asked for from the list can now show what it takes with it.
    static func detailArrived(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard case .working(let title, _)? = s.roles.modal, title == deleteWaitTitle, let detail = s.roles.detail,
              let data = detail.data else { return [] }
        s.roles.modal = deleteConfirmation(data)
        return []
    }

    private static let deleteWaitTitle = "Delete role"

    // MARK: - Opening

    private static func deletePressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let detail = s.roles.detail else {
            guard let role = s.roles.selectedRole else { return [] }
            // The confirmation lists what the role holds: read it first, behind the dialog.
            s.roles.detail = RoleDetailState(name: role.name)
            s.roles.modal = .working(title: deleteWaitTitle, message: "Reading what \(role.name) holds…")
            return [.roles(.loadDetail(role.name))]
        }
        guard let data = detail.data else { return [] }
        if detail.tab == .permissions, let permission = detail.selectedPermission {
            s.roles.modal = .confirmDetach(PermissionDialogs.detachConfirmation(permission, owner: detail.name),
                                           role: detail.name, permission: permission)
            return []
        }
        s.roles.modal = deleteConfirmation(data)
        return []
    }

    /// Role deletion, from the list or the detail (`D`): says what goes with it.
    static func deleteRolePressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let data = s.roles.detail?.data else { return [] }
        s.roles.modal = deleteConfirmation(data)
        return []
    }

    private static func deleteConfirmation(_ data: RoleDetailData) -> RolesModal {
        let name = data.role.name
        var message = "Delete role \(name)?"
        let parts = PermissionDialogs.holdings(data.permissions)
        if !parts.isEmpty { message += " This first " + parts.joined(separator: " and ") + "." }
        if let functions = data.functions, !functions.isEmpty {
            message += " \(functions.joined(separator: ", ")) run\(functions.count == 1 ? "s" : "") as this role and will be refused everything."
        }
        return .confirmDeleteRole(ConfirmationState(title: "Delete role", message: message, resourceName: name,
                                                    confirmLabel: "Delete role", requireTypedName: true), role: name)
    }

    private static func editPressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let detail = s.roles.detail, let data = detail.data else { return [] }
        switch detail.tab {
        case .trust:
            let edit = PolicyDocumentEdit(target: .trustPolicy(role: detail.name),
                                        text: PolicyDocumentLines.pretty(data.role.trustPolicy) + "\n")
            return [.roles(.editDocument(edit))]
        case .permissions:
            guard let edit = PermissionDialogs.inlineEdit(detail.selectedPermission, of: .role(detail.name)) else { return [] }
            return [.roles(.editDocument(edit))]
        case .usedBy, .tags:
            return []
        }
    }

    // MARK: - Keys

    private static func dialogKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard let modal = s.roles.modal else { return [] }
        switch modal {
        case .attach(var picker, let role):
            let outcome = picker.handle(event, pageSize: PolicyPickerView.listHeight(ConsoleLayout(s).body))
            s.roles.modal = .attach(picker, role: role)
            switch outcome {
            case .confirmed(let arns):
                return [.roles(.attachPolicies(role: role, arns: arns))]
            case .cancelled:
                s.roles.modal = nil
            case .changed, .ignored:
                break
            }
        case .inlineForm(var form, let role):
            return inlineFormKey(&s, &form, role: role, event)
        case .documentRefused(_, let edit):
            switch PermissionDialogs.refusedKey(event) {
            case .editAgain:
                s.roles.modal = nil
                return [.roles(.editDocument(edit))]
            case .discarded:
                s.roles.modal = nil
                s.toast(PermissionDialogs.discardedMessage, kind: .info)
            case .ignored:
                break
            }
        case .confirmDetach(var confirmation, let role, let permission):
            let outcome = confirmation.handle(event)
            s.roles.modal = .confirmDetach(confirmation, role: role, permission: permission)
            switch outcome {
            case .confirmed:
                s.roles.modal = .working(title: "Saving", message: "Removing \(permission.name)…")
                switch permission.kind {
                case .managed(let arn, _): return [.roles(.detachPolicy(role: role, arn: arn, name: permission.name))]
                case .inline: return [.roles(.deleteInlinePolicy(role: role, name: permission.name))]
                }
            case .cancelled:
                s.roles.modal = nil
            default:
                break
            }
        case .confirmDeleteRole(var confirmation, let role):
            let outcome = confirmation.handle(event)
            s.roles.modal = .confirmDeleteRole(confirmation, role: role)
            switch outcome {
            case .confirmed:
                s.roles.modal = .working(title: "Deleting \(role)", message: "Detaching its policies, then deleting the role…")
                return [.roles(.deleteRole(role, detachingPolicies: true))]
            case .cancelled:
                s.roles.modal = nil
            default:
                break
            }
        case .working(let title, _):
            if title == deleteWaitTitle, event.key == .escape { s.roles.modal = nil }
        }
        return []
    }

    private static func inlineFormKey(_ s: inout ConsoleState, _ form: inout FormState, role: String, _ event: KeyEvent) -> [ConsoleEffect] {
        let outcome = InlinePolicyForm.key(&form, event, entity: .role(role), taken: inlineNames(s),
                                           accountID: s.accountID, region: s.region)
        s.roles.modal = .inlineForm(form, role: role)
        switch outcome {
        case .editing:
            return []
        case .cancelled:
            s.roles.modal = nil
            return []
        case .submitted(let name, let document):
            return [.roles(.putInlinePolicy(role: role, name: name, document: document, fromEditor: false))]
        case .editAsJSON(let edit):
            return [.roles(.editDocument(edit))]
        }
    }

    /// The role's inline policies' names: a new one may not take one of them (it would replace it).
    private static func inlineNames(_ s: ConsoleState) -> Set<String> {
        Set(s.roles.detail?.permissions.filter(\.isInline).map(\.name) ?? [])
    }

    // MARK: - The editor's answer

    private static func documentEdited(_ s: inout ConsoleState, _ edit: PolicyDocumentEdit, _ text: String) -> [ConsoleEffect] {
        switch edit.target {
        case .inlinePolicy(let entity, let name):
            guard case .role(let role) = entity else { return [] }
            if case .inlineForm? = s.roles.modal { s.roles.modal = nil }
            if PermissionDialogs.isUnchanged(s.roles.detail?.permissions ?? [], name: name, text: text) {
                s.toast("No changes to \(name): the policy is as it was.", kind: .info)
                return []
            }
            return [.roles(.putInlinePolicy(role: role, name: name, document: text, fromEditor: true))]
        case .trustPolicy(let role):
            if let current = s.roles.detail?.data?.role.trustPolicy,
               PolicyDocumentLines.pretty(current) == PolicyDocumentLines.pretty(text) {
                s.toast("No changes to the trust policy of \(role).", kind: .info)
                return []
            }
            return [.roles(.updateTrustPolicy(role: role, document: text))]
        case .wizardTrust:
            return RoleWizard.customTrustEdited(&s, text)
        }
    }
}
