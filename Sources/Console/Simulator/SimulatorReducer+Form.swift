import TerminalUI

/// The Simulator form's keys: Tab completion, moving between fields, choosing the principal, typing.
extension SimulatorReducer {
    static func formKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        if let key = event.key {
            switch key {
            case .enter: return run(&s)
            case .escape:
                s.simulator.editing = false
                return []
            case .tab:
                if !complete(&s.simulator) { moveField(&s.simulator, by: 1) }
                return []
            case .backTab, .up:
                moveField(&s.simulator, by: -1)
                return []
            case .down:
                moveField(&s.simulator, by: 1)
                return []
            default:
                break
            }
        }
        if s.simulator.field == .principal { return principalKey(&s, event) }
        edit(&s.simulator, event)
        return []
    }

    private static func principalKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        switch event.key {
        case .left?, "h"?: choosePrincipal(&s.simulator, by: -1)
        case .right?, .space?, "l"?: choosePrincipal(&s.simulator, by: 1)
        case "e"?: return reduce(&s, .editPolicyPressed)
        default: break
        }
        return []
    }

    private static func choosePrincipal(_ sim: inout SimulatorState, by delta: Int) {
        let options = sim.principalOptions
        let index = options.firstIndex(of: sim.principal) ?? 0
        sim.principal = options[(index + delta + options.count) % options.count]
    }

    private static func moveField(_ sim: inout SimulatorState, by delta: Int) {
        let count = SimulatorField.allCases.count
        sim.field = SimulatorField(rawValue: (sim.field.rawValue + delta + count) % count) ?? .principal
    }

    /// Tab in the actions field completes while there is something to complete, then moves on.
    private static func complete(_ sim: inout SimulatorState) -> Bool {
        let candidates = sim.completions
        guard !candidates.isEmpty else { return false }
        let typed = KnownActions.lastEntry(of: sim.actions.text)
        let fill = candidates.count == 1 ? candidates[0] : KnownActions.commonPrefix(candidates)
        guard fill.count > typed.count else { return false }
        sim.actions.setText(KnownActions.completing(sim.actions.text, with: fill))
        return true
    }

    private static func edit(_ sim: inout SimulatorState, _ event: KeyEvent) {
        switch sim.field {
        case .principal: return
        case .actions: _ = sim.actions.handle(event)
        case .resource: _ = sim.resource.handle(event)
        case .context: _ = sim.context.handle(event)
        }
        sim.problem = nil
    }
}
