/// One entry of the footer: a key label and what it does.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String
    public var isEnabled: Bool

    public init(key: String, label: String, isEnabled: Bool = true) {
        self.key = key
        self.label = label
        self.isEnabled = isEnabled
    }
}
