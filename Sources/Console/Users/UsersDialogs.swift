import CloudEngine
import Foundation
import TerminalUI

/// The Users panel's dialogs: opening them, their keys, and the editor's round trip.
enum UsersDialogs {
    static func reduce(_ s: inout ConsoleState, _ action: UsersAction) -> [ConsoleEffect] {
        switch action {
        case .newPressed:
            return newPressed(&s)
        case .deletePressed:
            return deletePressed(&s)
        case .deleteEntityPressed:
            guard let data = s.users.detail?.data else { return [] }
            s.users.modal = UsersConfirmations.deleteEntity(data)
            return []
        case .attachPressed:
            guard let detail = s.users.detail, let data = detail.data else { return [] }
            s.users.modal = .attach(PermissionDialogs.picker(excluding: data.permissions), entity: detail.entity)
            return [.users(.loadPolicyChoices)]
        case .inlinePressed:
            guard let detail = s.users.detail, detail.data != nil else { return [] }
            s.users.modal = .inlineForm(InlinePolicyForm.form(on: detail.entity, taken: inlineNames(detail),
                                                              accountID: s.accountID, region: s.region), entity: detail.entity)
            return []
        case .editPressed:
            guard let detail = s.users.detail, let edit = PermissionDialogs.inlineEdit(detail.selectedPermission, of: detail.entity)
            else { return [] }
            return [.users(.editDocument(edit))]
        case .addPressed:
            return addPressed(&s)
        case .toggleKeyPressed:
            guard let detail = s.users.detail, let row = detail.selectedKey else { return [] }
            let status: AccessKeyStatus = row.key.status == .active ? .inactive : .active
            return [.users(.setKeyStatus(user: detail.name, id: row.key.accessKeyID, status))]
        case .dialogKeyPressed(let event):
            return UsersDialogKeys.key(&s, event)
        case .documentEdited(let edit, let text):
            guard case .inlinePolicy(let entity, let name) = edit.target else { return [] }
            if case .inlineForm? = s.users.modal { s.users.modal = nil }
            if s.users.detail?.entity == entity, PermissionDialogs.isUnchanged(s.users.detail?.permissions ?? [], name: name, text: text) {
                s.toast("No changes to \(name): the policy is as it was.", kind: .info)
                return []
            }
            return [.users(.putInlinePolicy(entity, name: name, document: text, fromEditor: true))]
        case .documentRefused(let edit, let error):
            s.users.modal = .documentRefused(message: error.description, edit: edit)
            return []
        case .policyChoicesLoaded(let choices):
            if case .attach(var picker, let entity)? = s.users.modal {
                picker.setChoices(choices)
                s.users.modal = .attach(picker, entity: entity)
            }
            return []
        case .policyChoicesFailed(let error):
            if case .attach(var picker, let entity)? = s.users.modal {
                picker.loadError = error.description
                s.users.modal = .attach(picker, entity: entity)
            }
            return []
        default:
            return []
        }
    }

    /// A user's or group's detail arrived: a delete asked for from a list can now say what it takes with it.
    static func detailArrived(_ s: inout ConsoleState, _ data: IdentityDetailData) {
        guard s.users.awaitingDelete == data.entity else { return }
        s.users.awaitingDelete = nil
        guard case .working? = s.users.modal else { return }
        s.users.modal = UsersConfirmations.deleteEntity(data)
    }

    static func inlineNames(_ detail: IdentityDetailState) -> Set<String> {
        Set(detail.permissions.filter(\.isInline).map(\.name))
    }

    // MARK: - Opening

    private static func newPressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        if let detail = s.users.detail {
            guard detail.tab == .accessKeys, detail.data != nil else { return [] }
            return [.users(.createKey(user: detail.name))]
        }
        switch s.users.list {
        case .users:
            var form = UsersForms.createUser()
            form.validate(UsersForms.userValidator(s))
            s.users.modal = .createUser(form)
        case .groups:
            var form = UsersForms.createGroup()
            form.validate(UsersForms.groupValidator(s))
            s.users.modal = .createGroup(form)
        }
        return []
    }

    private static func deletePressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let detail = s.users.detail else {
            let entity: IAMEntity? = s.users.list == .users ? s.users.selectedUser.map { .user($0.user.name) }
                : s.users.selectedGroup.map { .group($0.group.name) }
            guard let entity else { return [] }
            // The confirmation lists what it holds: read that first, behind the dialog.
            s.users.awaitingDelete = entity
            s.users.modal = .working(title: "Delete \(entity.kind.rawValue)", message: "Reading what \(entity.name) holds…",
                                     cancellable: true)
            return [.users(.loadDetail(entity))]
        }
        guard detail.data != nil else { return [] }
        switch detail.tab {
        case .permissions:
            guard let permission = detail.selectedPermission else { return [] }
            s.users.modal = .confirm(PermissionDialogs.detachConfirmation(permission, owner: detail.name),
                                     .detach(detail.entity, permission))
        case .groups, .members:
            guard let other = detail.selectedName else { return [] }
            let (user, group) = detail.tab == .groups ? (detail.name, other) : (other, detail.name)
            s.users.modal = UsersConfirmations.removeMembership(user: user, group: group)
        case .accessKeys:
            guard let row = detail.selectedKey else { return [] }
            s.users.modal = UsersConfirmations.deleteKey(row, user: detail.name)
        case .tags:
            return []
        }
        return []
    }

    /// `a` on a user's groups or a group's members: choose the group to join, or the user to add.
    private static func addPressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let detail = s.users.detail, let data = detail.data, detail.tab == .groups || detail.tab == .members else { return [] }
        let groups = detail.tab == .groups
        let names = groups ? s.users.groups.map(\.group.name) : s.users.users.map(\.user.name)
        guard !names.isEmpty else {
            s.toast(groups ? "There are no groups yet. Esc, then ] for the group list and n to create one."
                    : "There are no users yet. Esc, then [ for the user list and n to create one.", kind: .info)
            return []
        }
        let choice = NameChoiceState(title: groups ? "Add \(detail.name) to a group" : "Add a user to \(detail.name)", names: names,
                                     unavailable: Dictionary(uniqueKeysWithValues: Set(groups ? data.groups : data.members).map { ($0, "member") }))
        s.users.modal = groups ? .chooseGroup(choice, user: detail.name) : .chooseMember(choice, group: detail.name)
        return []
    }
}
