import CloudEngine
import Foundation
import TerminalUI

/// The Roles panel's reducer: the list and a role's detail; dialogs and the wizard are in the extensions.
enum RolesReducer {
    static func reduce(_ s: inout ConsoleState, _ action: RolesAction) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        switch action {
        // MARK: Navigation
        case .table(let command):
            if s.roles.detail == nil {
                if let request = s.roles.table.apply(command, pageSize: pageSize) { answerTable(&s, request) }
                return []
            }
            return movedInDetail(&s, command)
        case .openPressed:
            guard s.roles.detail == nil, let role = s.roles.selectedRole else { return [] }
            return open(&s, role.name)
        case .tabChosen(let tab):
            s.roles.detail?.tab = tab
            s.roles.detail?.documentScroll = 0
            return []
        case .tabMoved(let delta):
            guard let tab = s.roles.detail?.tab else { return [] }
            let count = RoleTab.allCases.count
            return reduce(&s, .tabChosen(RoleTab(rawValue: (tab.rawValue + delta + count) % count) ?? .permissions))
        case .permissionMoved(let delta):
            guard var detail = s.roles.detail, !detail.permissions.isEmpty else { return [] }
            detail.permissionIndex = IAMDetailParts.moved(detail.permissionIndex, by: delta, count: detail.permissions.count)
            detail.documentScroll = 0
            s.roles.detail = detail
            return []
        case .documentScrolled(let delta):
            guard var detail = s.roles.detail else { return [] }
            let count = RoleDetailView.documentLines(detail).count
            let height = RoleDetailView.documentHeight(detail, ConsoleLayout(s))
            detail.documentScroll = min(max(0, detail.documentScroll + delta), PolicyDocumentLines.maxScroll(count: count, height: height))
            s.roles.detail = detail
            return []
        case .filterChanged(let text):
            guard s.roles.detail == nil else { return [] }
            answerTable(&s, s.roles.table.setFilter(text, pageSize: pageSize))
            return []

        // MARK: Dialogs, the wizard and the editor
        case .newPressed, .deletePressed, .deleteRolePressed, .attachPressed, .inlinePressed, .editPressed, .dialogKeyPressed, .documentEdited,
             .documentRefused, .policyChoicesLoaded, .policyChoicesFailed, .roleCreated, .roleCreateFailed:
            return RolesDialogs.reduce(&s, action)

        // MARK: Results
        case .rolesLoaded(let roles):
            s.roles.roles = roles
            s.roles.loaded = true
            s.roles.loadError = nil
            rebuildTable(&s)
            return []
        case .rolesLoadFailed(let error):
            s.roles.loaded = true
            s.roles.loadError = error
            return []
        case .detailLoaded(let data):
            guard var detail = s.roles.detail, detail.name == data.role.name else { return [] }
            detail.data = data
            detail.error = nil
            detail.permissionIndex = min(detail.permissionIndex, max(0, data.permissions.count - 1))
            if let wanted = detail.pendingSelection, let index = data.permissions.firstIndex(where: { $0.name == wanted }) {
                detail.permissionIndex = index
                detail.pendingSelection = nil
                detail.documentScroll = 0
            }
            s.roles.detail = detail
            return RolesDialogs.detailArrived(&s)
        case .detailLoadFailed(let name, let error):
            guard s.roles.detail?.name == name else { return [] }
            if error.code == "NoSuchEntity", s.roles.detail?.data != nil {
                s.roles.detail = nil
                s.toast("Role \(name) no longer exists.", kind: .warning)
                return []
            }
            s.roles.detail?.error = error
            return []
        case .roleDeleted(let name):
            s.roles.modal = nil
            if s.roles.detail?.name == name { s.roles.detail = nil }
            s.toast("Deleted role \(name).")
            return []
        case .policiesAttached(let role, let names):
            s.roles.modal = nil
            if let first = names.first { selectPermission(&s, named: first) }
            s.toast(names.count == 1 ? "Attached \(names[0]) to \(role)." : "Attached \(names.count) policies to \(role).")
            return []
        case .policyDetached(let role, let name):
            s.roles.modal = nil
            s.toast("Detached \(name) from \(role).")
            return []
        case .inlinePolicySaved(let role, let name):
            s.roles.modal = nil
            selectPermission(&s, named: name)
            s.toast("Saved inline policy \(name) of \(role).")
            return []
        case .inlinePolicyDeleted(let role, let name):
            s.roles.modal = nil
            s.toast("Deleted inline policy \(name) of \(role).")
            return []
        case .trustPolicySaved(let role):
            s.roles.modal = nil
            s.toast("Saved the trust policy of \(role).")
            return []
        case .actionFailed(let error):
            if case .working? = s.roles.modal { s.roles.modal = nil }
            s.toast(error)
            return []
        case .nothingChanged(let message):
            s.toast(message, kind: .info)
            return []
        }
    }

    // MARK: - Shell

    static func opened(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = [.roles(.listRoles)]
        if let name = s.roles.detail?.name { effects.append(.roles(.loadDetail(name))) }
        return effects
    }

    static func back(_ s: inout ConsoleState) -> [ConsoleEffect] {
        if s.roles.detail == nil, !s.roles.table.query.filter.isEmpty { return reduce(&s, .filterChanged("")) }
        guard let name = s.roles.detail?.name else { return [] }
        s.roles.detail = nil
        s.roles.table.select(id: name, pageSize: ConsoleLayout(s).tablePageSize)
        return []
    }

    static func refresh(_ s: inout ConsoleState) -> [ConsoleEffect] {
        opened(&s)
    }

    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard s.roles.loaded || s.roles.detail != nil, !topics.isDisjoint(with: [.iam, .functions]) else { return [] }
        return opened(&s)
    }

    // MARK: - Helpers

    private static func open(_ s: inout ConsoleState, _ name: String) -> [ConsoleEffect] {
        s.roles.detail = RoleDetailState(name: name)
        s.filterInput = nil
        return [.roles(.loadDetail(name))]
    }

    /// j/k and the page keys in a role: they move through the permissions, or scroll the trust policy.
    private static func movedInDetail(_ s: inout ConsoleState, _ command: TableCommand) -> [ConsoleEffect] {
        guard let detail = s.roles.detail else { return [] }
        let page = max(1, RoleDetailView.documentHeight(detail, ConsoleLayout(s)) - 1)
        guard let delta = IAMDetailParts.delta(command, page: page) else { return [] }
        if detail.tab == .permissions, IAMDetailParts.movesRows(delta) {
            return reduce(&s, .permissionMoved(delta))
        }
        return reduce(&s, .documentScrolled(delta))
    }

    /// Puts the cursor on the permission `name`, now or when the detail next arrives.
    static func selectPermission(_ s: inout ConsoleState, named name: String) {
        guard var detail = s.roles.detail else { return }
        if let index = detail.permissions.firstIndex(where: { $0.name == name }) {
            detail.permissionIndex = index
            detail.documentScroll = 0
        } else {
            detail.pendingSelection = name
        }
        s.roles.detail = detail
    }

    static func row(_ role: IAMRole) -> TableRow<String> {
        TableRow(id: role.name, cells: [
            role.name, TrustPolicies.summary(role.trustPolicy), role.lastUsedAt.map(ConsoleFormat.dateTime) ?? "never",
            ConsoleFormat.dateTime(role.createdAt), role.path,
        ])
    }

    static func rebuildTable(_ s: inout ConsoleState) {
        let pageSize = ConsoleLayout(s).tablePageSize
        let old = s.roles.table
        var table = TableState<String>(rows: [])
        table.keepSort(old.query.sort)
        let request = table.setFilter(old.query.filter, pageSize: pageSize)
        table.receive(source(s).page(PageRequest(request.position, limit: Int.max / 2, query: request.query)), for: request)
        if let id = old.selectedID { table.select(id: id, pageSize: pageSize) }
        s.roles.table = table
    }

    static func answerTable(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        s.roles.table.receive(source(s).page(PageRequest(request.position, limit: Int.max / 2, query: request.query)), for: request)
    }

    static func source(_ s: ConsoleState) -> InMemoryRowSource<String> {
        InMemoryRowSource(rows: s.roles.roles.map(row))
    }
}
