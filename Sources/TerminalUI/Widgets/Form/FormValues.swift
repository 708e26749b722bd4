/// The values of a form by field id, with typed accessors for validators and submit handlers.
public struct FormValues: Hashable, Sendable {
    public var values: [String: FormValue]

    public init(_ values: [String: FormValue]) {
        self.values = values
    }

    /// The text of a text field, or of the selected option of a choice; "" if absent.
    public func text(_ id: String) -> String {
        switch values[id] {
        case .text(let text): text
        case .choice(_, let text): text
        default: ""
        }
    }

    /// Whether a checkbox is checked; false if absent.
    public func isChecked(_ id: String) -> Bool {
        if case .checkbox(let checked) = values[id] { return checked }
        return false
    }

    /// The selected index of a choice; nil if absent.
    public func choiceIndex(_ id: String) -> Int? {
        if case .choice(let index, _) = values[id] { return index }
        return nil
    }
}
