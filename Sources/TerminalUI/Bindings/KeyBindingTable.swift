/// The key bindings of one view, in priority order.
///
/// Built by the view from its state (so `disabledReason` can depend on
/// the selection), then asked three questions: which action does this key
/// trigger, which hints fit in the footer, and what goes in the help.
/// Earlier rows win when two rows share a key, and come first in the footer.
public struct KeyBindingTable<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>] = []) {
        self.bindings = bindings
    }

    /// What pressing `key` means.
    public func lookup(_ key: Key) -> KeyLookup<Action> {
        guard let binding = bindings.first(where: { $0.keys.contains(key) }) else { return .unbound }
        if let reason = binding.disabledReason { return .disabled(reason: reason, label: binding.label) }
        return .action(binding.action)
    }

    /// The action for `key` if it is bound and enabled.
    public func action(for key: Key) -> Action? {
        if case .action(let action) = lookup(key) { return action }
        return nil
    }

    /// The hints for the footer, in table order.
    public var footerHints: [KeyHint] {
        bindings.filter(\.showInFooter).map {
            KeyHint(key: $0.keys.first?.label ?? "", label: $0.label, isEnabled: $0.isEnabled)
        }
    }

    /// The bindings grouped for the help overlay, groups in order of first appearance.
    public var helpSections: [(group: String, bindings: [KeyBinding<Action>])] {
        var order: [String] = []
        var byGroup: [String: [KeyBinding<Action>]] = [:]
        for binding in bindings {
            if byGroup[binding.group] == nil { order.append(binding.group) }
            byGroup[binding.group, default: []].append(binding)
        }
        return order.map { ($0, byGroup[$0] ?? []) }
    }

    /// Keys bound more than once; a table with any is probably a mistake.
    public var conflicts: [Key] {
        var seen: Set<Key> = []
        var repeated: [Key] = []
        for key in bindings.flatMap(\.keys) {
            if !seen.insert(key).inserted, !repeated.contains(key) { repeated.append(key) }
        }
        return repeated
    }

    /// This table followed by `other`, whose rows lose to this table's on shared keys.
    ///
    /// A panel's table is usually the panel's own rows plus the global ones.
    public func merged(with other: KeyBindingTable<Action>) -> KeyBindingTable<Action> {
        KeyBindingTable(bindings + other.bindings)
    }

    /// The same table with every action transformed, to embed a widget's table in a panel's.
    public func map<Other: Sendable>(_ transform: (Action) -> Other) -> KeyBindingTable<Other> {
        KeyBindingTable<Other>(bindings.map {
            KeyBinding($0.keys, transform($0.action), label: $0.label, help: $0.help, group: $0.group,
                       showInFooter: $0.showInFooter, disabledReason: $0.disabledReason)
        })
    }

    /// Rebinds `action`'s keys, for user remapping; returns false if no row has the action.
    public mutating func remap(where matches: (Action) -> Bool, to keys: [Key]) -> Bool {
        guard let index = bindings.firstIndex(where: { matches($0.action) }) else { return false }
        bindings[index].keys = keys
        return true
    }
}

extension KeyBindingTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: KeyBinding<Action>...) {
        self.init(elements)
    }
}
