/// One labelled field of a form.
public struct FormField: Hashable, Sendable {
    /// How the field is edited, with its current value.
    public enum Kind: Hashable, Sendable {
        case text(TextInputState, placeholder: String = "", secure: Bool = false)
        /// One of `options`, changed with ←/→ or Space.
        case choice(options: [String], selected: Int)
        case checkbox(Bool)
    }

    /// The key under which the value is reported.
    public var id: String
    public var label: String
    public var kind: Kind
    /// A hint shown under the field when there is no error.
    public var help: String

    public init(id: String, label: String, kind: Kind, help: String = "") {
        self.id = id
        self.label = label
        self.kind = kind
        self.help = help
    }

    public static func text(_ id: String, label: String, value: String = "", placeholder: String = "",
                            secure: Bool = false, help: String = "") -> FormField {
        FormField(id: id, label: label, kind: .text(TextInputState(text: value), placeholder: placeholder,
                                                    secure: secure), help: help)
    }

    public static func choice(_ id: String, label: String, options: [String], selected: Int = 0,
                              help: String = "") -> FormField {
        FormField(id: id, label: label, kind: .choice(options: options, selected: selected), help: help)
    }

    public static func checkbox(_ id: String, label: String, checked: Bool = false, help: String = "") -> FormField {
        FormField(id: id, label: label, kind: .checkbox(checked), help: help)
    }

    /// The field's current value.
    public var value: FormValue {
        switch kind {
        case .text(let input, _, _): .text(input.text)
        case .choice(let options, let selected): .choice(index: selected, options.indices.contains(selected) ? options[selected] : "")
        case .checkbox(let checked): .checkbox(checked)
        }
    }
}
