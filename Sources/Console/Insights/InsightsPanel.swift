import CloudEngine
import TerminalUI

/// The Logs Insights view as the shell sees it (see `ConsolePanel`): its own entry in the sidebar, beside Log
/// groups, as CloudWatch → Logs lists them in the AWS console.
enum InsightsPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let insights = state.insights
        if insights.picker != nil { return .exclusive(ConsoleBindings.insightsPicker) }
        if insights.detail != nil { return .exclusive(ConsoleBindings.insightsRecord) }
        if insights.rangeInput != nil { return .exclusive(ConsoleBindings.insightsRange) }
        return insights.editing ? .exclusive(ConsoleBindings.insightsEditor(insights))
            : .view(ConsoleBindings.insightsResults(insights))
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        if state.insights.picker != nil { return "Keys: log groups to query" }
        if state.insights.detail != nil { return "Keys: record" }
        if state.insights.rangeInput != nil { return "Keys: custom time range" }
        return state.insights.editing ? "Keys: Insights query" : "Keys: Insights results"
    }

    static func isNested(_ state: ConsoleState) -> Bool { false }
    static func filterDisabledReason(_ state: ConsoleState) -> String? {
        "Insights filters in the query: press e and add | filter @message like /error/"
    }
    static func currentFilter(_ state: ConsoleState) -> String { "" }
    static func filterChanged(_ text: String) -> ConsoleAction { .insights(.table(.top)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        let insights = state.insights
        if insights.picker != nil { return .insights(.pickerKeyPressed(event)) }
        if insights.detail != nil { return .insights(.recordKeyPressed(event)) }
        if insights.rangeInput != nil { return .insights(.rangeKeyPressed(event)) }
        return insights.editing ? .insights(.editorKeyPressed(event)) : nil
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] { InsightsReducer.opened(&state) }
    static func showTopLevel(_ state: inout ConsoleState) {
        state.insights.picker = nil
        state.insights.detail = nil
    }
    /// Esc on the results goes back to the query, where the next thing to do usually is.
    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.insights.editing = true
        return []
    }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { InsightsReducer.refresh(&state) }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        InsightsReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { "Logs Insights" }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        InsightsView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        InsightsPickerView.draw(&buffer, state, layout)
        InsightsRecordView.draw(&buffer, state, layout)
    }
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { InsightsView.statusSpans(state) }

    /// The docked pane follows every function's group, as on the list panels.
    static func logGroupPrefix(_ state: ConsoleState) -> String { LogTailState.functionGroupPrefix }
}
