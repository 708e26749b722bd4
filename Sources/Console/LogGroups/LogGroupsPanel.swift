import CloudEngine
import TerminalUI

/// The Log groups panel as the shell sees it (see `ConsolePanel`).
enum LogGroupsPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let l = state.logGroups
        if let modal = l.modal { return .exclusive(ConsoleBindings.logGroupsDialog(modal)) }
        switch l.screen {
        case .groups: return .view(ConsoleBindings.logGroupList(l))
        case .streams: return .view(ConsoleBindings.logStreamList(l))
        case .events: return .view(ConsoleBindings.logEventsView(l))
        }
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        switch state.logGroups.screen {
        case .groups: return "Keys: log groups"
        case .streams: return "Keys: log streams"
        case .events: return "Keys: log events"
        }
    }

    static func isNested(_ state: ConsoleState) -> Bool { state.logGroups.screen != .groups }

    /// On the events, `/` is the panel's own filter pattern line (its binding comes before the shell's).
    static func filterDisabledReason(_ state: ConsoleState) -> String? {
        state.logGroups.screen == .events ? "Here / takes a filter pattern" : nil
    }

    static func currentFilter(_ state: ConsoleState) -> String { LogGroupsReducer.currentFilter(state) }
    static func filterChanged(_ text: String) -> ConsoleAction { .logGroups(.filterChanged(text)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        state.logGroups.modal == nil ? nil : .logGroups(.dialogKeyPressed(event))
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] { LogGroupsReducer.opened(&state) }
    static func showTopLevel(_ state: inout ConsoleState) { LogGroupsReducer.showTopLevel(&state) }
    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] { LogGroupsReducer.back(&state) }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { LogGroupsReducer.refresh(&state) }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        LogGroupsReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { LogGroupsView.title(state) }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        LogGroupsView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        LogGroupsOverlays.draw(&buffer, state, layout)
    }
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { LogGroupsView.statusSpans(state) }

    /// The open group, or every group ("/": AWS's and the functions' group names start with one) on the list.
    static func logGroupPrefix(_ state: ConsoleState) -> String {
        state.logGroups.currentGroupName.flatMap { state.logGroups.screen == .groups ? nil : $0 } ?? "/"
    }

    /// The events in full screen (`f`): no sidebar, no docked pane.
    static func fillsScreen(_ state: ConsoleState) -> Bool {
        state.logGroups.screen == .events && state.logGroups.options.fullScreen
    }
}
