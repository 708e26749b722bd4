import CloudEngine
import Foundation
import TerminalUI

/// The Users panel's reducer: the two lists and a user's or group's detail; dialogs are in `UsersDialogs`,
/// engine answers in `UsersResults`.
enum UsersReducer {
    static func reduce(_ s: inout ConsoleState, _ action: UsersAction) -> [ConsoleEffect] {
        switch action {
        // MARK: Navigation
        case .table(let command):
            guard s.users.detail == nil else { return movedInDetail(&s, command) }
            if let request = s.users.table.apply(command, pageSize: pageSize(s)) { answerTable(&s, request) }
            return []
        case .listChosen(let list):
            guard s.users.detail == nil else { return [] }
            s.users.list = list
            s.filterInput = nil
            return []
        case .listToggled:
            return reduce(&s, .listChosen(s.users.list == .users ? .groups : .users))
        case .openPressed:
            guard s.users.detail == nil else { return [] }
            let entity: IAMEntity? = s.users.list == .users ? s.users.selectedUser.map { .user($0.user.name) }
                : s.users.selectedGroup.map { .group($0.group.name) }
            guard let entity else { return [] }
            return open(&s, entity)
        case .tabChosen(let tab):
            guard var detail = s.users.detail, detail.tabs.contains(tab) else { return [] }
            detail.tab = tab
            detail.documentScroll = 0
            detail.rowIndex = 0
            s.users.detail = detail
            return []
        case .tabMoved(let delta):
            guard let detail = s.users.detail, let index = detail.tabs.firstIndex(of: detail.tab) else { return [] }
            let count = detail.tabs.count
            return reduce(&s, .tabChosen(detail.tabs[(index + delta + count) % count]))
        case .documentScrolled(let delta):
            guard var detail = s.users.detail else { return [] }
            let count = PermissionsView.documentLines(detail.selectedPermission).count
            let height = IdentityDetailView.documentHeight(detail, ConsoleLayout(s))
            detail.documentScroll = min(max(0, detail.documentScroll + delta), PolicyDocumentLines.maxScroll(count: count, height: height))
            s.users.detail = detail
            return []
        case .filterChanged(let text):
            guard s.users.detail == nil else { return [] }
            answerTable(&s, s.users.table.setFilter(text, pageSize: pageSize(s)))
            return []

        // MARK: Dialogs and the editor
        case .newPressed, .deletePressed, .deleteEntityPressed, .attachPressed, .inlinePressed, .editPressed, .addPressed,
             .toggleKeyPressed, .dialogKeyPressed, .documentEdited, .documentRefused, .policyChoicesLoaded,
             .policyChoicesFailed:
            return UsersDialogs.reduce(&s, action)

        // MARK: Results
        case .listed, .listFailed, .detailLoaded, .detailLoadFailed, .userCreated, .groupCreated, .createFailed, .userDeleted,
             .groupDeleted, .policiesAttached, .policyDetached, .inlinePolicySaved, .inlinePolicyDeleted, .membershipAdded,
             .membershipRemoved, .keyCreated, .keyStatusChanged, .keyDeleted, .actionFailed:
            return UsersResults.reduce(&s, action)
        }
    }

    // MARK: - Shell

    static func opened(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = [.users(.list)]
        if let entity = s.users.detail?.entity { effects.append(.users(.loadDetail(entity))) }
        return effects
    }

    static func back(_ s: inout ConsoleState) -> [ConsoleEffect] {
        if s.users.detail == nil, !s.users.table.query.filter.isEmpty { return reduce(&s, .filterChanged("")) }
        showTopLevel(&s)
        return []
    }

    /// Closes the detail and selects what was open in its list.
    static func showTopLevel(_ s: inout ConsoleState) {
        guard let entity = s.users.detail?.entity else { return }
        s.users.detail = nil
        s.users.list = entity.kind == .group ? .groups : .users
        s.users.table.select(id: entity.name, pageSize: pageSize(s))
    }

    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard s.users.loaded || s.users.detail != nil, topics.contains(.iam) else { return [] }
        return opened(&s)
    }

    // MARK: - Helpers

    static func open(_ s: inout ConsoleState, _ entity: IAMEntity) -> [ConsoleEffect] {
        s.users.detail = IdentityDetailState(entity: entity)
        s.filterInput = nil
        return [.users(.loadDetail(entity))]
    }

    /// Rows a page of the list moves: the body less the Users | Groups line.
    static func pageSize(_ s: ConsoleState) -> Int { max(1, ConsoleLayout(s).tablePageSize - UsersView.listTop) }

    /// j/k and the page keys in a detail: through the permissions (scrolling the document by pages), or the tab's rows.
    private static func movedInDetail(_ s: inout ConsoleState, _ command: TableCommand) -> [ConsoleEffect] {
        guard var detail = s.users.detail else { return [] }
        let page = max(1, IdentityDetailView.documentHeight(detail, ConsoleLayout(s)) - 1)
        guard let delta = IAMDetailParts.delta(command, page: page) else { return [] }
        switch detail.tab {
        case .permissions:
            guard IAMDetailParts.movesRows(delta) else { return reduce(&s, .documentScrolled(delta)) }
            detail.permissionIndex = IAMDetailParts.moved(detail.permissionIndex, by: delta, count: detail.permissions.count)
            detail.documentScroll = 0
        case .groups, .accessKeys, .members:
            detail.rowIndex = IAMDetailParts.moved(detail.rowIndex, by: delta, count: detail.rowCount)
        case .tags:
            return []
        }
        s.users.detail = detail
        return []
    }

    static func rebuildTables(_ s: inout ConsoleState) {
        let pageSize = pageSize(s)
        s.users.userTable = rebuilt(s.users.userTable, rows: s.users.users.map(row), pageSize: pageSize)
        s.users.groupTable = rebuilt(s.users.groupTable, rows: s.users.groups.map(row), pageSize: pageSize)
    }

    private static func rebuilt(_ old: TableState<String>, rows: [TableRow<String>], pageSize: Int) -> TableState<String> {
        var table = TableState<String>(rows: [])
        table.keepSort(old.query.sort)
        let request = table.setFilter(old.query.filter, pageSize: pageSize)
        table.receive(InMemoryRowSource(rows: rows).page(PageRequest(request.position, limit: Int.max / 2, query: request.query)),
                      for: request)
        if let id = old.selectedID { table.select(id: id, pageSize: pageSize) }
        return table
    }

    private static func answerTable(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        let rows = s.users.list == .users ? s.users.users.map(row) : s.users.groups.map(row)
        s.users.table.receive(InMemoryRowSource(rows: rows).page(PageRequest(request.position, limit: Int.max / 2, query: request.query)),
                              for: request)
    }

    static func row(_ summary: UserSummary) -> TableRow<String> {
        let user = summary.user
        return TableRow(id: user.name, cells: [
            user.name, summary.groups.isEmpty ? "—" : summary.groups.joined(separator: ", "), summary.keysSummary,
            summary.lastUsed.map(ConsoleFormat.dateTime) ?? "never", ConsoleFormat.dateTime(user.createdAt),
        ])
    }

    static func row(_ summary: GroupSummary) -> TableRow<String> {
        TableRow(id: summary.group.name, cells: [
            summary.group.name, summary.members.isEmpty ? "—" : summary.members.joined(separator: ", "),
            summary.policies == 0 ? "—" : "\(summary.policies)", summary.group.path, ConsoleFormat.dateTime(summary.group.createdAt),
        ])
    }
}
