import TerminalUI

/// The key bindings of every view, as data: they drive dispatch, the footer and the `?` help.
///
/// The table for the current view is the view's own rows first, then the
/// global rows; earlier rows win on a shared key and come first in the footer.
public enum ConsoleBindings {
    /// The table for what is on screen now.
    public static func table(for state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        if state.focus == .sidebar { return sidebar(state).merged(with: global(state)) }
        if state.focus == .logs { return LogPaneBindings.table(state) }
        guard let panel = state.service.panel else { return global(state) }
        switch panel.bindings(state) {
        case .exclusive(let table): return table
        case .view(let table): return table.merged(with: global(state))
        }
    }

    /// The title of the `?` help for the current view.
    public static func helpTitle(for state: ConsoleState) -> String {
        if state.focus == .sidebar { return "Keys: services" }
        if state.focus == .logs { return state.logTail.picker == nil ? "Keys: live log pane" : "Keys: picking log groups" }
        return state.service.panel?.helpTitle(state) ?? "Keys: \(state.service.title)"
    }

    // MARK: - Global

    static func global(_ state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        let nested = state.focus == .main && (state.service.panel?.isNested(state) ?? false)
        return [
            KeyBinding("/", .filterOpened, label: "Filter", help: "Filter the rows (Esc clears)", group: "General",
                       showInFooter: filterDisabledReason(state) == nil, disabledReason: filterDisabledReason(state)),
            KeyBinding("r", .refreshPressed, label: "Refresh", group: "General", showInFooter: false),
            KeyBinding(":", .commandLineOpened, label: "Command", help: "Command line: :buckets, :s3, :functions, :q …",
                       group: "General"),
            KeyBinding("tab", .focusNextPanePressed, label: "Next pane", help: "Move between the sidebar, the panel and the log pane",
                       group: "General", showInFooter: false),
            KeyBinding("esc", .backPressed, label: "Back", help: "Go back (clears the filter first)", group: "General",
                       showInFooter: nested),
            // Every list's footer ends the same way: q and L are there whether or not Esc goes back.
            KeyBinding("q", .quitPressed, label: "Quit", help: "Quit Overcast (when no dialog or text field is open)",
                       group: "General"),
            KeyBinding("ctrl+c", .quitPressed, label: "Quit", help: "Quit Overcast from anywhere", group: "General",
                       showInFooter: false),
            KeyBinding("L", .logPaneToggled, label: state.logPane.isVisible ? "Hide logs" : "Live logs",
                       help: "Show or hide the live log pane (function output as it happens)", group: "General",
                       showInFooter: state.focus == .main),
            KeyBinding("?", .helpOpened, label: "Help", group: "General"),
        ]
    }

    private static func filterDisabledReason(_ state: ConsoleState) -> String? {
        guard state.focus == .main, let panel = state.service.panel else { return "Nothing to filter here" }
        return panel.filterDisabledReason(state)
    }

    static func sidebar(_ state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        let chosen = ConsoleService.allCases[min(state.sidebarSelection, ConsoleService.allCases.count - 1)]
        return [
            KeyBinding("enter", .serviceChosen(chosen), label: "Open", group: "Services"),
            KeyBinding(["up", "k"], .sidebarMoved(-1), label: "Up", group: "Services", showInFooter: false),
            KeyBinding(["down", "j"], .sidebarMoved(1), label: "Down", group: "Services", showInFooter: false),
        ]
    }
}
