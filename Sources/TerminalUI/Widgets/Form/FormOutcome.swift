/// What a key did to a form.
public enum FormOutcome: Hashable, Sendable {
    /// Enter with every field valid: the values to act on.
    case submitted(FormValues)
    /// Enter with errors: focus moved to the first field in error.
    case invalid
    case cancelled
    /// A value changed or the focus moved; redraw.
    case changed
    case ignored
}
