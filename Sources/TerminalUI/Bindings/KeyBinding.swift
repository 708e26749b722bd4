/// One row of a binding table: keys, the action they trigger, and how to present it.
///
/// The same row drives dispatch, the footer hint and the `?` help, so a
/// key can never do one thing and be documented as another.
public struct KeyBinding<Action: Sendable>: Sendable {
    /// The keys that trigger the action; the first is the one shown.
    public var keys: [Key]
    public var action: Action
    /// A short label for the footer and help ("Delete", "Filter").
    public var label: String
    /// A longer explanation for the help overlay; defaults to the label.
    public var help: String
    /// The help section this binding is listed under ("Navigation", "Objects").
    public var group: String
    public var showInFooter: Bool
    /// Why the action cannot be used right now; nil when it can.
    public var disabledReason: String?

    public init(_ keys: [Key], _ action: Action, label: String, help: String? = nil, group: String = "",
                showInFooter: Bool = true, disabledReason: String? = nil) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help ?? label
        self.group = group
        self.showInFooter = showInFooter
        self.disabledReason = disabledReason
    }

    public init(_ key: Key, _ action: Action, label: String, help: String? = nil, group: String = "",
                showInFooter: Bool = true, disabledReason: String? = nil) {
        self.init([key], action, label: label, help: help, group: group,
                  showInFooter: showInFooter, disabledReason: disabledReason)
    }

    public var isEnabled: Bool { disabledReason == nil }

    /// The binding disabled for `reason` (nil re-enables it).
    public func disabled(_ reason: String?) -> KeyBinding {
        var copy = self
        copy.disabledReason = reason
        return copy
    }

    /// The keys as one label ("j/↓").
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

extension KeyBinding: Equatable where Action: Equatable {}
