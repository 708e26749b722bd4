import CloudEngine
import TerminalUI

/// The Users panel as the shell sees it (see `ConsolePanel`): users and groups, one list at a time.
enum UsersPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let u = state.users
        if u.modal != nil { return .exclusive(ConsoleBindings.usersDialog(u)) }
        return u.detail == nil ? .view(ConsoleBindings.usersList(u)) : .view(ConsoleBindings.identityView(u))
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        guard let detail = state.users.detail else { return "Keys: \(state.users.list.title.lowercased())" }
        return "Keys: \(detail.entity.kind.rawValue) · \(detail.tab.title)"
    }

    static func isNested(_ state: ConsoleState) -> Bool { state.users.detail != nil }

    static func filterDisabledReason(_ state: ConsoleState) -> String? {
        state.users.detail == nil ? nil : "Filter works on the user and group lists"
    }

    static func currentFilter(_ state: ConsoleState) -> String { state.users.table.query.filter }
    static func filterChanged(_ text: String) -> ConsoleAction { .users(.filterChanged(text)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        state.users.modal == nil ? nil : .users(.dialogKeyPressed(event))
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] { UsersReducer.opened(&state) }

    static func showTopLevel(_ state: inout ConsoleState) {
        guard state.users.modal == nil else { return }
        UsersReducer.showTopLevel(&state)
    }

    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] { UsersReducer.back(&state) }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { UsersReducer.opened(&state) }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        UsersReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { UsersView.title(state) }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        UsersView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        UsersView.drawOverlays(&buffer, state, layout)
    }
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { UsersView.statusSpans(state) }

    /// Users have no log group of their own: the pane follows every function.
    static func logGroupPrefix(_ state: ConsoleState) -> String { LogTailState.functionGroupPrefix }
}
