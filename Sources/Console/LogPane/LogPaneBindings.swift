import TerminalUI

/// The log pane's keys, as data: they drive dispatch, the footer and the `?` help while the pane has the focus.
enum LogPaneBindings {
    /// The table while the pane has the focus: the picker's alone, or the pane's before the global keys.
    static func table(_ state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        if state.logTail.picker != nil { return picker }
        return pane(state).merged(with: ConsoleBindings.global(state))
    }

    static func pane(_ state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        let stopped = state.logTail.paused || !state.logTail.isFollowing
        return [
            KeyBinding("space", .logPane(.pauseToggled), label: stopped ? "Resume" : "Pause",
                       help: "Pause the pane (new lines are counted, not scrolled in); again resumes", group: "Log pane"),
            KeyBinding("G", .logPane(.followPressed), label: "Follow", help: "Follow the newest lines again",
                       group: "Log pane", showInFooter: stopped),
            KeyBinding("g", .logPane(.pickerOpened), label: "Groups", help: "Pick the groups to follow: all, or several",
                       group: "Log pane"),
            KeyBinding("/", .logPane(.filterOpened), label: "Filter",
                       help: "Narrow the pane with a filter pattern (ERROR -Retry, { $.level = \"error\" }, [ip, ...])",
                       group: "Log pane"),
            KeyBinding("J", .logPane(.jsonToggled), label: state.logTail.expandsJSON ? "Compact" : "JSON",
                       help: "Show JSON messages indented over several rows, or compact on one", group: "Log pane"),
            KeyBinding(["k", "up"], .logPane(.scrolled(-1)), label: "Back", help: "Scroll back (stops following)",
                       group: "Log pane", showInFooter: false),
            KeyBinding(["j", "down"], .logPane(.scrolled(1)), label: "Forward", help: "Scroll forward (at the end, follows)",
                       group: "Log pane", showInFooter: false),
            KeyBinding("pgup", .logPane(.paged(-1)), label: "Page back", group: "Log pane", showInFooter: false),
            KeyBinding("pgdn", .logPane(.paged(1)), label: "Page forward", group: "Log pane", showInFooter: false),
            KeyBinding("w", .logPaneWrapToggled, label: "Wrap", help: "Wrap long lines onto more rows (else they end in …)",
                       group: "Log pane"),
            KeyBinding("c", .logPaneCleared, label: "Clear", help: "Clear the log pane (new events keep arriving)",
                       group: "Log pane"),
            KeyBinding(["+", "="], .logPaneResized(2), label: "Taller", help: "Make the log pane taller", group: "Log pane",
                       showInFooter: false),
            KeyBinding("-", .logPaneResized(-2), label: "Shorter", help: "Make the log pane shorter", group: "Log pane",
                       showInFooter: false),
        ]
    }

    static let picker: KeyBindingTable<ConsoleAction> = [
        KeyBinding("space", .logPane(.pickerToggled), label: "Mark", help: "Mark or unmark the group (or All groups)",
                   group: "Log groups to follow"),
        KeyBinding("enter", .logPane(.pickerApplied), label: "Follow",
                   help: "Follow what is marked (nothing marked: what the panel shows)", group: "Log groups to follow"),
        KeyBinding("esc", .logPane(.pickerCancelled), label: "Cancel", group: "Log groups to follow"),
        KeyBinding(["k", "up"], .logPane(.pickerMoved(-1)), label: "Up", group: "Log groups to follow", showInFooter: false),
        KeyBinding(["j", "down"], .logPane(.pickerMoved(1)), label: "Down", group: "Log groups to follow", showInFooter: false),
        KeyBinding("pgup", .logPane(.pickerMoved(-10)), label: "Page up", group: "Log groups to follow", showInFooter: false),
        KeyBinding("pgdn", .logPane(.pickerMoved(10)), label: "Page down", group: "Log groups to follow", showInFooter: false),
        KeyBinding("ctrl+c", .quitPressed, label: "Quit", group: "Log groups to follow", showInFooter: false),
    ]
}

/// The pane's geometry, shared by the reducer (page sizes) and the view.
enum LogPaneLayout {
    /// Rows inside the pane's frame.
    static func contentHeight(_ state: ConsoleState) -> Int {
        max(1, ConsoleLayout(state).app.docked.height - 2)
    }
}
