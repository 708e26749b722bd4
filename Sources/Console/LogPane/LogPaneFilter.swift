import CloudEngine
import TerminalUI

/// The pane's filter: a CloudWatch filter pattern, matched by the engine's own matcher as events come in.
///
/// While it is typed, each edit that parses narrows the pane at once; one that does not shows the engine's
/// error (with its position) and the last good pattern keeps working, so nothing is lost.
public struct LogPaneFilter: Sendable {
    /// The line being typed (`/` in the pane), nil when closed.
    public var input: TextInputState?
    /// The pattern applied.
    public var text = ""
    public var pattern: FilterPattern?
    /// Why what is typed is not a pattern.
    public var error: String?

    public var isActive: Bool { pattern != nil }

    /// Applies `typed` if it parses; returns whether it did.
    @discardableResult
    mutating func apply(_ typed: String) -> Bool {
        do {
            let parsed = try FilterPattern(typed)
            pattern = parsed.matchesEverything ? nil : parsed
            text = parsed.matchesEverything ? "" : typed
            error = nil
            return true
        } catch {
            self.error = ConsoleError(error).message
            return false
        }
    }
}

/// Picking the groups the pane follows: all of them, or several marked with Space.
public struct LogGroupPicker: Sendable, Hashable {
    /// The account's groups, by name; nil while they are read.
    public var groups: [String]?
    public var error: ConsoleError?
    /// 0 is "All groups"; 1… are the groups.
    public var cursor = 0
    public var all = false
    public var marked: Set<String> = []
    /// The first row shown, so the cursor stays in view.
    public var top = 0

    init(current: LogFollow) {
        switch current {
        case .panel: break
        case .all: all = true
        case .groups(let groups): marked = groups
        }
    }

    var rowCount: Int { 1 + (groups?.count ?? 0) }

    mutating func move(_ delta: Int, height: Int) {
        cursor = min(max(0, cursor + delta), rowCount - 1)
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
    }

    /// Space: "All groups" and single groups exclude each other.
    mutating func toggle() {
        if cursor == 0 {
            all.toggle()
            if all { marked = [] }
        } else if let name = groups?[cursor - 1] {
            if marked.contains(name) { marked.remove(name) } else { marked.insert(name) }
            all = false
        }
    }

    /// What Enter follows: all, the marked groups, or (nothing marked) the panel's suggestion again.
    var chosen: LogFollow {
        if all { return .all }
        return marked.isEmpty ? .panel : .groups(marked)
    }
}
