/// What a person can do to a table, independent of which key does it.
public enum TableCommand: Hashable, Sendable {
    case up
    case down
    case pageUp
    case pageDown
    case top
    case bottom
    case toggleMark
    case clearMarks

    /// The usual keys (arrows, vi keys, paging, Space to mark), as a binding table.
    ///
    /// A panel merges this into its own table, so the footer and help list
    /// the movement keys like any other binding.
    public static let defaultBindings: KeyBindingTable<TableCommand> = [
        KeyBinding(["up", "k"], .up, label: "Up", group: "Navigation", showInFooter: false),
        KeyBinding(["down", "j"], .down, label: "Down", group: "Navigation", showInFooter: false),
        KeyBinding(["pgup", "ctrl+b"], .pageUp, label: "Page up", group: "Navigation", showInFooter: false),
        KeyBinding(["pgdn", "ctrl+f"], .pageDown, label: "Page down", group: "Navigation", showInFooter: false),
        KeyBinding(["home", "g"], .top, label: "First row", group: "Navigation", showInFooter: false),
        KeyBinding(["end", "G"], .bottom, label: "Last row", group: "Navigation", showInFooter: false),
        KeyBinding(["space"], .toggleMark, label: "Mark", help: "Mark or unmark the row", group: "Selection",
                   showInFooter: false),
        KeyBinding(["ctrl+space", "alt+space"], .clearMarks, label: "Clear marks", group: "Selection",
                   showInFooter: false),
    ]
}
