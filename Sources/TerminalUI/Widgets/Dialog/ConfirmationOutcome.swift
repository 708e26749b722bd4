/// What a key did to a confirmation dialog.
public enum ConfirmationOutcome: Hashable, Sendable {
    case confirmed
    case cancelled
    /// The typed name changed, or a key was refused (with the reason to show).
    case changed
    case refused(String)
    case ignored
}
