/// Everything a terminal reports to the console: keys, pastes, mouse, resizes.
///
/// A paste arrives whole (bracketed paste) so text fields insert it at
/// once and binding tables never see its characters as commands.
public enum KeyEvent: Hashable, Sendable {
    case key(Key)
    case paste(String)
    case mouse(MouseEvent)
    case resize(Size)

    /// The key, if this event is a key press.
    public var key: Key? {
        if case .key(let key) = self { return key }
        return nil
    }
}
