/// An editing operation on a text field, independent of which key does it.
public enum TextEditCommand: Hashable, Sendable {
    case moveLeft
    case moveRight
    case moveWordLeft
    case moveWordRight
    case moveToStart
    case moveToEnd
    case deleteBackward
    case deleteForward
    case deleteWordBackward
    case deleteToEnd
    case deleteToStart
    case submit
    case cancel

    /// Readline-style keys, which people bring from their shell.
    public static let defaultBindings: KeyBindingTable<TextEditCommand> = [
        KeyBinding(["enter"], .submit, label: "Submit", group: "Editing"),
        KeyBinding(["esc"], .cancel, label: "Cancel", group: "Editing"),
        KeyBinding(["left", "ctrl+b"], .moveLeft, label: "Left", group: "Editing", showInFooter: false),
        KeyBinding(["right", "ctrl+f"], .moveRight, label: "Right", group: "Editing", showInFooter: false),
        KeyBinding(["alt+b", "ctrl+left"], .moveWordLeft, label: "Word left", group: "Editing", showInFooter: false),
        KeyBinding(["alt+f", "ctrl+right"], .moveWordRight, label: "Word right", group: "Editing", showInFooter: false),
        KeyBinding(["home", "ctrl+a"], .moveToStart, label: "Start of line", group: "Editing", showInFooter: false),
        KeyBinding(["end", "ctrl+e"], .moveToEnd, label: "End of line", group: "Editing", showInFooter: false),
        KeyBinding(["backspace", "ctrl+h"], .deleteBackward, label: "Delete left", group: "Editing",
                   showInFooter: false),
        KeyBinding(["delete", "ctrl+d"], .deleteForward, label: "Delete right", group: "Editing", showInFooter: false),
        KeyBinding(["ctrl+w", "alt+backspace"], .deleteWordBackward, label: "Delete word", group: "Editing",
                   showInFooter: false),
        KeyBinding(["ctrl+k"], .deleteToEnd, label: "Delete to end", group: "Editing", showInFooter: false),
        KeyBinding(["ctrl+u"], .deleteToStart, label: "Delete to start", group: "Editing", showInFooter: false),
    ]
}
