/// What a key did to a text field, so the owner knows whether to re-validate or close.
public enum TextInputOutcome: Hashable, Sendable {
    /// The text changed.
    case edited
    /// Only the cursor moved.
    case moved
    case submitted
    case cancelled
    /// The field does not use this event; the owner may.
    case ignored
}
