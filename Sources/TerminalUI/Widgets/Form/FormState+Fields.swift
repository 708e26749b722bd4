/// Changing a form's fields from outside: what the engine answered, a completion, new choices.
extension FormState {
    /// Replaces a text field's text (the cursor goes to its end); other kinds are left as they are.
    public mutating func setText(_ text: String, for id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }),
              case .text(var input, let placeholder, let secure) = fields[index].kind else { return }
        input.setText(text)
        fields[index].kind = .text(input, placeholder: placeholder, secure: secure)
    }

    /// Replaces the hint shown under a field.
    public mutating func setHelp(_ help: String, for id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].help = help
    }

    /// Replaces a choice's options, keeping the chosen one when it is still offered (else the first).
    public mutating func replaceOptions(_ options: [String], for id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }),
              case .choice(let old, let selected) = fields[index].kind else { return }
        let current = old.indices.contains(selected) ? old[selected] : nil
        fields[index].kind = .choice(options: options, selected: current.flatMap { options.firstIndex(of: $0) } ?? 0)
    }

    /// The id of the field with the focus.
    public var focusedID: String? { fields.indices.contains(focus) ? fields[focus].id : nil }
}
