/// A confirmation before something is destroyed, naming exactly what.
///
/// For destruction that cannot be undone (a bucket with objects, a role in
/// use) the caller sets `requireTypedName`: the confirm action stays
/// disabled until the person has typed the resource's name, the way the
/// AWS console does it. Otherwise `y` or Enter confirms and `n` or Esc cancels.
public struct ConfirmationState: Hashable, Sendable {
    public var title: String
    /// What will happen, in full ("Delete bucket photos and its 1,204 objects?").
    public var message: String
    /// The name of what will be destroyed.
    public var resourceName: String
    public var confirmLabel: String
    public var requireTypedName: Bool
    public private(set) var typed: TextInputState

    public init(title: String, message: String, resourceName: String, confirmLabel: String = "Delete",
                requireTypedName: Bool = false) {
        self.title = title
        self.message = message
        self.resourceName = resourceName
        self.confirmLabel = confirmLabel
        self.requireTypedName = requireTypedName
        self.typed = TextInputState()
    }

    /// Whether confirming is allowed now.
    public var canConfirm: Bool { !requireTypedName || typed.text == resourceName }

    /// Why confirming is not allowed, for the footer and the dialog.
    public var disabledReason: String? {
        canConfirm ? nil : "Type \(resourceName) to confirm"
    }

    public mutating func handle(_ event: KeyEvent) -> ConfirmationOutcome {
        if let key = event.key {
            switch key {
            case .escape:
                return .cancelled
            case .enter:
                return canConfirm ? .confirmed : .refused(disabledReason ?? "")
            case "y" where !requireTypedName:
                return .confirmed
            case "n" where !requireTypedName:
                return .cancelled
            default:
                break
            }
        }
        guard requireTypedName else { return .ignored }
        switch typed.handle(event) {
        case .edited: return .changed
        case .moved: return .changed
        default: return .ignored
        }
    }
}
