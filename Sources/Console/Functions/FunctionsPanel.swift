import CloudEngine
import TerminalUI

/// The Functions panel as the shell sees it (see `ConsolePanel`).
enum FunctionsPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let f = state.functions
        if let modal = f.modal { return .exclusive(ConsoleBindings.functionsDialog(modal)) }
        switch f.screen {
        case .list: return .view(ConsoleBindings.functionList(f))
        case .function: return .view(ConsoleBindings.functionView(f))
        }
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        switch state.functions.screen {
        case .list: return "Keys: functions"
        case .function: return "Keys: function · \(state.functions.detail?.tab.title ?? "")"
        }
    }

    static func isNested(_ state: ConsoleState) -> Bool { state.functions.screen != .list }

    static func filterDisabledReason(_ state: ConsoleState) -> String? {
        state.functions.screen == .list ? nil : "Filter works on the function list"
    }

    static func currentFilter(_ state: ConsoleState) -> String { FunctionsReducer.currentFilter(state) }
    static func filterChanged(_ text: String) -> ConsoleAction { .functions(.filterChanged(text)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        state.functions.modal == nil ? nil : .functions(.dialogKeyPressed(event))
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] { FunctionsReducer.opened(&state) }
    static func showTopLevel(_ state: inout ConsoleState) {
        guard state.functions.modal == nil else { return }
        if let name = state.functions.detail?.name {
            state.functions.table.select(id: name, pageSize: ConsoleLayout(state).tablePageSize)
        }
        state.functions.detail = nil
    }

    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] { FunctionsReducer.back(&state) }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { FunctionsReducer.refresh(&state) }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        FunctionsReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { FunctionsView.title(state) }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        FunctionsView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        FunctionsView.drawOverlays(&buffer, state, layout)
    }
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { FunctionsView.statusSpans(state) }

    /// The open function's group, or every function's.
    static func logGroupPrefix(_ state: ConsoleState) -> String {
        state.functions.detail.map { LogTailState.functionGroupPrefix + $0.name } ?? LogTailState.functionGroupPrefix
    }
}
