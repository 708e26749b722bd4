/// Which key was pressed, without modifiers.
public enum KeyCode: Hashable, Sendable {
    /// A printable character, already decoded from UTF-8 (`a`, `A`, `/`, `é`, `漢`).
    case character(Character)
    case enter
    case tab
    case escape
    case backspace
    case delete
    case insert
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1-F12 (ncurses may report more; they are kept as-is).
    case function(Int)
}
