import TerminalUI

/// The Simulator panel's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    /// While the form has the keys: every key goes to it, and these name what the special ones do.
    static func simulatorForm(_ sim: SimulatorState) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil, footer: Bool = true) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .simulator(.formKeyPressed(.key(spelling))), label: label, help: help, group: "Form",
                       showInFooter: footer)
        }
        var rows = [
            key("enter", "Run", help: "Decide every action for the principal"),
            key("tab", sim.completions.isEmpty ? "Next field" : "Complete",
                help: "Complete the action being typed; with nothing to complete, the next field"),
            key("shift+tab", "Previous field", footer: false),
            key("esc", "Results", help: "Leave the form: the keys move the results and the panel keys work again"),
        ]
        if sim.field == .principal {
            rows.append(key("right", "Choose", help: "Choose the principal (← → or Space)"))
            if sim.principal == .typedPolicies {
                rows.append(key("e", "Edit policy", help: "Edit the typed policy in $VISUAL or $EDITOR"))
            }
        }
        rows.append(KeyBinding("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false))
        return KeyBindingTable(rows)
    }

    /// While the results have the keys.
    static func simulatorResults(_ sim: SimulatorState) -> KeyBindingTable<ConsoleAction> {
        let none = sim.run == nil ? "Nothing run yet: press i, fill in the form, press Enter" : nil
        var rows: [KeyBinding<ConsoleAction>] = [
            KeyBinding("enter", .simulator(.runPressed), label: "Run", help: "Decide the form's actions again", group: "Simulator"),
            KeyBinding("i", .simulator(.editFormPressed), label: "Edit form", help: "Change the principal, actions, resource or context",
                       group: "Simulator"),
        ]
        if sim.principal == .typedPolicies {
            rows.append(KeyBinding("e", .simulator(.editPolicyPressed), label: "Edit policy",
                                   help: "Edit the typed policy in $VISUAL or $EDITOR", group: "Simulator"))
        }
        rows += [
            KeyBinding(["down", "j"], .simulator(.resultMoved(1)), label: "Next action", group: "Results", showInFooter: false,
                       disabledReason: none),
            KeyBinding(["up", "k"], .simulator(.resultMoved(-1)), label: "Previous action", group: "Results", showInFooter: false,
                       disabledReason: none),
            KeyBinding(["pgdn", "space", "ctrl+f"], .simulator(.documentScrolled(10)), label: "Scroll",
                       help: "Scroll the policies down (PgUp scrolls up)", group: "Results", disabledReason: none),
            KeyBinding(["pgup", "ctrl+b"], .simulator(.documentScrolled(-10)), label: "Scroll up", group: "Results",
                       showInFooter: false, disabledReason: none),
        ]
        return KeyBindingTable(rows)
    }
}
