/// What a binding table says about a key press.
///
/// `disabled` carries the reason so the console can tell the person why
/// nothing happened instead of ignoring the key.
public enum KeyLookup<Action: Sendable>: Sendable {
    case action(Action)
    case disabled(reason: String, label: String)
    case unbound
}

extension KeyLookup: Equatable where Action: Equatable {}
