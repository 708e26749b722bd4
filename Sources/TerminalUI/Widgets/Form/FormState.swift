/// A form: fields, which has focus, and the validation messages to show.
///
/// Validation is the caller's: a `FormValidator` maps the values to a
/// message per invalid field, and runs after every change so messages
/// update as the person types. A field's message is only shown once the
/// field has been edited or submit was tried, so an empty form does not
/// open covered in errors.
public struct FormState: Hashable, Sendable {
    public var title: String
    public var fields: [FormField]
    public private(set) var focus: Int = 0
    /// Current validation messages by field id (shown or not; see `visibleError`).
    public private(set) var errors: [String: String] = [:]
    public private(set) var touched: Set<String> = []
    public private(set) var submitAttempted = false
    /// The label of the submit action ("Create bucket").
    public var submitLabel: String

    public init(title: String, fields: [FormField], submitLabel: String = "OK") {
        self.title = title
        self.fields = fields
        self.submitLabel = submitLabel
    }

    public var values: FormValues {
        FormValues(Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first }))
    }

    public var isValid: Bool { errors.isEmpty }

    /// The message to show under the field with `id`, if any.
    public func visibleError(_ id: String) -> String? {
        guard submitAttempted || touched.contains(id) else { return nil }
        return errors[id]
    }

    /// Runs the validator now (e.g. when the form opens, to enable or disable submit).
    public mutating func validate(_ validator: FormValidator) {
        errors = validator(values)
    }

    /// Sets a message that came from elsewhere (the engine said the name is taken).
    public mutating func setError(_ message: String?, for id: String) {
        errors[id] = message
        if message != nil { touched.insert(id) }
    }

    /// Handles a key: Tab/Shift-Tab/↑/↓ move focus, Enter submits, Esc cancels, the rest edit the focused field.
    ///
    /// Without a validator, edits keep the current messages and Enter submits whatever is there.
    public mutating func handle(_ event: KeyEvent, validator: FormValidator? = nil) -> FormOutcome {
        guard fields.indices.contains(focus) else { return event.key == .escape ? .cancelled : .ignored }
        if let key = event.key {
            switch key {
            case .tab, .down:
                moveFocus(by: 1)
                return .changed
            case .backTab, .up:
                moveFocus(by: -1)
                return .changed
            case .enter:
                return submit(validator: validator)
            case .escape:
                return .cancelled
            default:
                break
            }
        }
        let changed = edit(&fields[focus], with: event)
        guard changed else { return .ignored }
        touched.insert(fields[focus].id)
        if let validator { errors = validator(values) }
        return .changed
    }

    /// Tries to submit: validates, then either reports the values or focuses the first error.
    public mutating func submit(validator: FormValidator?) -> FormOutcome {
        submitAttempted = true
        if let validator { errors = validator(values) }
        if let first = fields.firstIndex(where: { errors[$0.id] != nil }) {
            focus = first
            return .invalid
        }
        return .submitted(values)
    }

    /// Focuses the field with `id`.
    public mutating func focus(_ id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focus = index }
    }

    private mutating func moveFocus(by delta: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + delta + fields.count) % fields.count
    }

    private func edit(_ field: inout FormField, with event: KeyEvent) -> Bool {
        switch field.kind {
        case .text(var input, let placeholder, let secure):
            let outcome = input.handle(event)
            field.kind = .text(input, placeholder: placeholder, secure: secure)
            return outcome == .edited
        case .choice(let options, let selected):
            guard !options.isEmpty, let key = event.key else { return false }
            let delta: Int
            switch key {
            case .right, .space, "l": delta = 1
            case .left, "h": delta = -1
            default: return false
            }
            field.kind = .choice(options: options, selected: (selected + delta + options.count) % options.count)
            return true
        case .checkbox(let checked):
            guard event.key == .space || event.key == "x" else { return false }
            field.kind = .checkbox(!checked)
            return true
        }
    }
}

/// Checks a form's values: returns a message for each invalid field, by id.
public typealias FormValidator = @Sendable (FormValues) -> [String: String]
