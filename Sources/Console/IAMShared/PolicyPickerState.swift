import TerminalUI

/// Choosing managed policies: type to filter (name or description), ↑/↓ to move, Space to mark several,
/// Enter to take the marked ones (or the one under the cursor), Esc to leave.
///
/// Used by the create-role wizard's second step and by "attach" on a role's or user's detail.
public struct PolicyPickerState: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case changed
        /// The ARNs chosen, in the order they were marked.
        case confirmed([String])
        case cancelled
        case ignored
    }

    public private(set) var choices: [PolicyChoice] = []
    public var loaded = false
    public var loadError: String?
    public private(set) var filter = TextInputState()
    /// Indices into `choices` that match the filter, in display order.
    public private(set) var visible: [Int] = []
    /// Index into `visible`.
    public private(set) var cursor = 0
    /// ARNs marked with Space, in marking order.
    public private(set) var marked: [String] = []
    /// Policies that cannot be chosen, with why (already attached).
    public var unavailable: [String: String] = [:]

    public init(marked: [String] = []) {
        self.marked = marked
    }

    /// Sets what is offered, keeping the filter, the marks and the cursor's policy where they still apply.
    public mutating func setChoices(_ choices: [PolicyChoice]) {
        let current = selected?.arn
        self.choices = choices.sorted { ($0.name.lowercased(), $0.arn) < ($1.name.lowercased(), $1.arn) }
        loaded = true
        loadError = nil
        let offered = Set(self.choices.map(\.arn))
        marked.removeAll { !offered.contains($0) }
        refilter(keeping: current)
    }

    public var selected: PolicyChoice? {
        visible.indices.contains(cursor) ? choices[visible[cursor]] : nil
    }

    public var filterText: String { filter.text }

    /// The policies marked, as choices, in marking order.
    public var markedChoices: [PolicyChoice] {
        marked.compactMap { arn in choices.first { $0.arn == arn } }
    }

    public func isMarked(_ arn: String) -> Bool { marked.contains(arn) }

    public mutating func handle(_ event: KeyEvent, pageSize: Int) -> Outcome {
        switch event.key {
        case .escape?:
            return .cancelled
        case .enter?:
            if !marked.isEmpty { return .confirmed(marked) }
            if let selected, unavailable[selected.arn] == nil { return .confirmed([selected.arn]) }
            return .ignored
        case .down?: return move(1)
        case .up?: return move(-1)
        case .pageDown?: return move(max(1, pageSize))
        case .pageUp?: return move(-max(1, pageSize))
        case .space?:
            guard let selected, unavailable[selected.arn] == nil else { return .ignored }
            if let index = marked.firstIndex(of: selected.arn) { marked.remove(at: index) } else { marked.append(selected.arn) }
            return .changed
        default:
            let before = filter.text
            _ = filter.handle(event)
            guard filter.text != before else { return .ignored }
            refilter(keeping: nil)
            return .changed
        }
    }

    private mutating func move(_ delta: Int) -> Outcome {
        guard !visible.isEmpty else { return .ignored }
        cursor = min(max(0, cursor + delta), visible.count - 1)
        return .changed
    }

    /// The matches for the filter: every word must be in the name or the description (case-insensitive);
    /// names that start with the filter come first.
    private mutating func refilter(keeping arn: String?) {
        visible = Self.matches(choices, filter: filter.text)
        if let arn, let index = visible.firstIndex(where: { choices[$0].arn == arn }) {
            cursor = index
        } else {
            cursor = 0
        }
    }

    /// What the filter keeps of `choices`, as indices; pure, so the benchmark times exactly this.
    public static func matches(_ choices: [PolicyChoice], filter: String) -> [Int] {
        let words = filter.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return Array(choices.indices) }
        var starting: [Int] = []
        var containing: [Int] = []
        for (index, choice) in choices.enumerated() {
            let name = choice.lowercasedName
            let description = choice.lowercasedDescription
            guard words.allSatisfy({ name.contains($0) || description.contains($0) }) else { continue }
            if name.hasPrefix(words[0]) { starting.append(index) } else { containing.append(index) }
        }
        return starting + containing
    }
}
