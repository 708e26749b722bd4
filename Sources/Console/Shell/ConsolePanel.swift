import CloudEngine
import TerminalUI

/// What the shell asks of a panel: the one seam between `Shell/` and a panel's folder.
///
/// Each panel provides one type conforming to this, and `ConsoleService.panel` is the one exhaustive
/// table that names it: the shell never switches on the service itself, so a new panel cannot
/// silently inherit another panel's filter, status line or keys. A service without a panel yet has
/// none (`nil`), and the shell shows that it is coming.
protocol ConsolePanel {
    // MARK: Keys

    /// The keys of what the panel shows now: a dialog's or a transfer's alone, or the view's, which the shell
    /// puts before the global keys.
    static func bindings(_ state: ConsoleState) -> PanelBindings
    /// The title of the `?` help.
    static func helpTitle(_ state: ConsoleState) -> String
    /// Whether the panel shows something below its top level (Esc goes back there instead of quitting).
    static func isNested(_ state: ConsoleState) -> Bool
    /// Why `/` does nothing on what is shown, or nil when it filters.
    static func filterDisabledReason(_ state: ConsoleState) -> String?
    /// What the `/` line starts with.
    static func currentFilter(_ state: ConsoleState) -> String
    /// The action for a changed `/` line.
    static func filterChanged(_ text: String) -> ConsoleAction
    /// The action for a key while the panel's dialog is open; nil when no dialog is.
    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction?

    // MARK: Reducing

    /// The panel was chosen (`:` or the sidebar): load what it needs.
    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect]
    /// Its top level, as `:` asks for by name (`:functions` shows the function list, whatever was open).
    static func showTopLevel(_ state: inout ConsoleState)
    static func back(_ state: inout ConsoleState) -> [ConsoleEffect]
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect]
    /// The account changed (here or in another process); every panel hears it, shown or not.
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect]

    // MARK: Drawing

    /// The main box's title.
    static func title(_ state: ConsoleState) -> String
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout)
    /// Dialogs and transfers drawn over everything but the toasts and the help.
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout)
    /// The line under the panel.
    static func statusSpans(_ state: ConsoleState) -> [TextSpan]
    /// The log groups the docked log pane follows while the panel is shown (a prefix).
    static func logGroupPrefix(_ state: ConsoleState) -> String
    /// Whether the panel takes the whole screen now (no sidebar, no docked pane).
    static func fillsScreen(_ state: ConsoleState) -> Bool
}

extension ConsolePanel {
    static func fillsScreen(_ state: ConsoleState) -> Bool { false }
}

/// A panel's keys for what it shows.
enum PanelBindings {
    /// The view's keys; the shell adds the global ones after them.
    case view(KeyBindingTable<ConsoleAction>)
    /// A dialog's or a transfer's keys, which take every key.
    case exclusive(KeyBindingTable<ConsoleAction>)
}

extension ConsoleService {
    /// The panel that shows this service; nil for services whose panel has not arrived yet.
    /// The one registration a new panel needs.
    var panel: (any ConsolePanel.Type)? {
        switch self {
        case .buckets: return BucketsPanel.self
        case .functions: return FunctionsPanel.self
        case .roles: return RolesPanel.self
        case .policies: return PoliciesPanel.self
        case .users: return UsersPanel.self
        case .simulator: return SimulatorPanel.self
        case .logGroups: return LogGroupsPanel.self
        case .insights: return InsightsPanel.self
        }
    }
}
