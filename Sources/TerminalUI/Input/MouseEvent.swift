/// A mouse click or wheel turn at a cell.
///
/// Only what the console uses is modelled: presses (to select and focus)
/// and the wheel (to scroll). Positions are absolute screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case press(Button)
        case release(Button)
        case wheelUp
        case wheelDown
    }

    public enum Button: Hashable, Sendable {
        case left
        case middle
        case right
    }

    public var action: Action
    public var position: Point
    public var modifiers: KeyModifiers

    public init(action: Action, position: Point, modifiers: KeyModifiers = []) {
        self.action = action
        self.position = position
        self.modifiers = modifiers
    }
}
