import CloudEngine
import TerminalUI

/// The Policies panel as the shell sees it (see `ConsolePanel`).
enum PoliciesPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let p = state.policies
        if let modal = p.modal { return .exclusive(ConsoleBindings.policiesDialog(modal)) }
        switch p.screen {
        case .list: return .view(ConsoleBindings.policyList(p))
        case .policy: return .view(ConsoleBindings.policyView(p))
        }
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        state.policies.screen == .list ? "Keys: policies" : "Keys: policy"
    }

    static func isNested(_ state: ConsoleState) -> Bool { state.policies.screen != .list }

    static func filterDisabledReason(_ state: ConsoleState) -> String? {
        state.policies.screen == .list ? nil : "Filter works on the policy list"
    }

    static func currentFilter(_ state: ConsoleState) -> String { PoliciesReducer.currentFilter(state) }
    static func filterChanged(_ text: String) -> ConsoleAction { .policies(.filterChanged(text)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        state.policies.modal == nil ? nil : .policies(.dialogKeyPressed(event))
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] { PoliciesReducer.opened(&state) }
    static func showTopLevel(_ state: inout ConsoleState) {
        guard state.policies.modal == nil else { return }
        if let arn = state.policies.detail?.arn {
            state.policies.table.select(id: arn, pageSize: ConsoleLayout(state).tablePageSize)
        }
        state.policies.detail = nil
    }

    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] { PoliciesReducer.back(&state) }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { PoliciesReducer.refresh(&state) }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        PoliciesReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { PoliciesView.title(state) }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        PoliciesView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        PoliciesView.drawOverlays(&buffer, state, layout)
    }
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { PoliciesView.statusSpans(state) }

    /// Policies have no log group of their own: the pane follows every function's, as on the list panels.
    static func logGroupPrefix(_ state: ConsoleState) -> String { LogTailState.functionGroupPrefix }
}
