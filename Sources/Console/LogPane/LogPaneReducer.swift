import CloudEngine
import TerminalUI

/// What the log pane does with actions: start following, read what is new (bounded), and take the answers.
enum LogPaneReducer {
    /// What the pane should read for what is on screen now: a prefix, and exact groups when it follows some.
    static func wanted(_ s: ConsoleState) -> (prefix: String, groups: Set<String>?) {
        switch s.logTail.follow {
        case .all: return ("", nil)
        case .groups(let groups): return ("", groups)
        case .panel:
            let prefix = s.service.panel?.logGroupPrefix(s) ?? LogTailState.functionGroupPrefix
            // A prefix ending in "/" follows every group under it; otherwise it names one group ("fn" is not "fnx").
            return (prefix, prefix.hasSuffix("/") ? nil : [prefix])
        }
    }

    /// Run after every action: when the pane is shown and should follow something else, start over.
    static func sync(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard s.logPane.isVisible else { return [] }
        let target = wanted(s)
        guard s.logTail.prefix != target.prefix || s.logTail.groups != target.groups else { return [] }
        var fresh = LogTailState()
        fresh.follow = s.logTail.follow
        fresh.wraps = s.logTail.wraps
        fresh.expandsJSON = s.logTail.expandsJSON
        fresh.filter = s.logTail.filter
        fresh.picker = s.logTail.picker
        fresh.generation = s.logTail.generation + 1
        fresh.prefix = target.prefix
        fresh.groups = target.groups
        fresh.reading = true
        s.logTail = fresh
        return [.logPane(.read(generation: fresh.generation, prefix: target.prefix, groups: target.groups, afterID: nil))]
    }

    /// New log events were written somewhere: read them if the pane is shown (one read at a time).
    static func logsChanged(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard s.logPane.isVisible, let prefix = s.logTail.prefix else { return [] }
        if s.logTail.reading {
            s.logTail.readAgain = true
            return []
        }
        s.logTail.reading = true
        return [.logPane(.read(generation: s.logTail.generation, prefix: prefix, groups: s.logTail.groups,
                               afterID: s.logTail.lastID ?? 0))]
    }

    /// `L`: shown again on the same groups, it reads what arrived while it was hidden.
    static func toggled(_ s: inout ConsoleState) -> [ConsoleEffect] {
        s.logPane.toggle()
        if !s.logPane.isVisible, s.focus == .logs { s.focus = .main }
        let target = wanted(s)
        if s.logPane.isVisible, s.logTail.prefix == target.prefix, s.logTail.groups == target.groups {
            return logsChanged(&s)
        }
        return []
    }

    static func reduce(_ s: inout ConsoleState, _ action: LogPaneAction) -> [ConsoleEffect] {
        switch action {
        case .read(let generation, let batch):
            guard generation == s.logTail.generation else { return [] }
            s.logTail.reading = false
            s.logTail.loaded = true
            s.logTail.error = nil
            s.logTail.append(batch.events)
            if let last = batch.lastID { s.logTail.lastID = max(s.logTail.lastID ?? 0, last) }
            // The notice stays until a read brings events without skipping any (an empty read says nothing).
            if batch.skipped > 0 {
                s.logTail.sampled = LogSample(shown: batch.events.count, total: batch.events.count + batch.skipped)
            } else if !batch.events.isEmpty {
                s.logTail.sampled = nil
            }
            if s.logTail.readAgain {
                s.logTail.readAgain = false
                return logsChanged(&s)
            }
            return []
        case .readFailed(let generation, let error):
            guard generation == s.logTail.generation else { return [] }
            s.logTail.reading = false
            s.logTail.loaded = true
            s.logTail.error = error
            return []
        default:
            return LogPaneKeys.reduce(&s, action)
        }
    }
}
