import CloudEngine
import TerminalUI

/// The Simulator panel as the shell sees it (see `ConsolePanel`).
///
/// Another panel opens it for a principal by sending
/// `.simulator(.openedFor(principal: .role("reader")))`: the panel shows, the principal is chosen
/// and the cursor waits in the actions field.
enum SimulatorPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let sim = state.simulator
        return sim.editing ? .exclusive(ConsoleBindings.simulatorForm(sim)) : .view(ConsoleBindings.simulatorResults(sim))
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        state.simulator.editing ? "Keys: simulator form" : "Keys: simulator results"
    }

    static func isNested(_ state: ConsoleState) -> Bool { false }
    static func filterDisabledReason(_ state: ConsoleState) -> String? { "The simulator has nothing to filter" }
    static func currentFilter(_ state: ConsoleState) -> String { "" }
    static func filterChanged(_ text: String) -> ConsoleAction { .simulator(.resultMoved(0)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        state.simulator.editing ? .simulator(.formKeyPressed(event)) : nil
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] { SimulatorReducer.opened(&state) }
    static func showTopLevel(_ state: inout ConsoleState) {}
    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.simulator.editing = true
        return []
    }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { [.simulator(.loadPrincipals)] }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        SimulatorReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { SimulatorView.title(state) }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        SimulatorView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {}
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { SimulatorView.statusSpans(state) }
    static func logGroupPrefix(_ state: ConsoleState) -> String { LogTailState.functionGroupPrefix }
}
