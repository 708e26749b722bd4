/// The value of one form field, as reported to the validator and on submit.
public enum FormValue: Hashable, Sendable {
    case text(String)
    case choice(index: Int, String)
    case checkbox(Bool)
}
