import CloudEngine
import TerminalUI

/// The Roles panel as the shell sees it (see `ConsolePanel`).
enum RolesPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let r = state.roles
        if r.wizard != nil || r.modal != nil { return .exclusive(ConsoleBindings.rolesDialog(r)) }
        return r.detail == nil ? .view(ConsoleBindings.roleList(r)) : .view(ConsoleBindings.roleView(r))
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        if state.roles.wizard != nil { return "Keys: create role" }
        guard let detail = state.roles.detail else { return "Keys: roles" }
        return "Keys: role · \(detail.tab.title)"
    }

    static func isNested(_ state: ConsoleState) -> Bool { state.roles.detail != nil }

    static func filterDisabledReason(_ state: ConsoleState) -> String? {
        state.roles.detail == nil ? nil : "Filter works on the role list"
    }

    static func currentFilter(_ state: ConsoleState) -> String { state.roles.table.query.filter }
    static func filterChanged(_ text: String) -> ConsoleAction { .roles(.filterChanged(text)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        state.roles.modal == nil && state.roles.wizard == nil ? nil : .roles(.dialogKeyPressed(event))
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] { RolesReducer.opened(&state) }

    static func showTopLevel(_ state: inout ConsoleState) {
        guard state.roles.modal == nil, state.roles.wizard == nil, let name = state.roles.detail?.name else { return }
        state.roles.detail = nil
        state.roles.table.select(id: name, pageSize: ConsoleLayout(state).tablePageSize)
    }

    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] { RolesReducer.back(&state) }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { RolesReducer.refresh(&state) }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        RolesReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { RolesView.title(state) }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        RolesView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        RolesView.drawOverlays(&buffer, state, layout)
    }
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { RolesView.statusSpans(state) }

    /// Roles have no log group of their own: the pane follows every function (they run as roles).
    static func logGroupPrefix(_ state: ConsoleState) -> String { LogTailState.functionGroupPrefix }
}
