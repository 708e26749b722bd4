import CloudEngine
import TerminalUI

/// The pane's own keys: pause, scroll back and follow again, expand JSON, the filter line and the group picker.
enum LogPaneKeys {
    static func reduce(_ s: inout ConsoleState, _ action: LogPaneAction) -> [ConsoleEffect] {
        switch action {
        case .pauseToggled:
            if s.logTail.paused || !s.logTail.isFollowing {
                follow(&s)
            } else {
                s.logTail.paused = true
                s.logTail.anchor = s.logTail.lines.isEmpty ? s.logTail.lines.appended : s.logTail.lines.appended - 1
            }
        case .scrolled(let delta):
            scroll(&s, by: delta)
        case .paged(let pages):
            scroll(&s, by: pages * max(1, LogPaneLayout.contentHeight(s) - 1))
        case .followPressed:
            follow(&s)
        case .jsonToggled:
            s.logTail.expandsJSON.toggle()
        case .filterOpened:
            s.logTail.filter.input = TextInputState(text: s.logTail.filter.text)
        case .filterKey(let event):
            filterKey(&s, event)
        case .pickerOpened:
            s.logTail.picker = LogGroupPicker(current: s.logTail.follow)
            return [.logPane(.listGroups)]
        case .pickerMoved(let delta):
            let height = LogPaneLayout.contentHeight(s) - 1
            s.logTail.picker?.move(delta, height: height)
        case .pickerToggled:
            s.logTail.picker?.toggle()
        case .pickerApplied:
            guard let picker = s.logTail.picker else { return [] }
            s.logTail.follow = picker.chosen
            s.logTail.picker = nil
        case .pickerCancelled:
            s.logTail.picker = nil
        case .groupsListed(let names):
            s.logTail.picker?.groups = names
        case .groupsFailed(let error):
            s.logTail.picker?.error = error
        case .read, .readFailed:
            break
        }
        return []
    }

    /// Back to the newest line, unpaused.
    static func follow(_ s: inout ConsoleState) {
        s.logTail.paused = false
        s.logTail.anchor = nil
        s.logTail.unseen = 0
    }

    /// Moves the bottom line by `delta` lines that pass the filter (negative: back in time). Reaching the newest
    /// line follows again, unless paused.
    static func scroll(_ s: inout ConsoleState, by delta: Int) {
        let lines = s.logTail.lines
        guard let last = lines.indices.last(where: { lines[$0].matched }) else { return }
        var index = s.logTail.anchor.flatMap(lines.index(ofSeq:)) ?? last
        var steps = abs(delta)
        while steps > 0 {
            var next = index + (delta < 0 ? -1 : 1)
            while lines.indices.contains(next), !lines[next].matched { next += delta < 0 ? -1 : 1 }
            guard lines.indices.contains(next) else { break }
            index = next
            steps -= 1
        }
        if index >= last, !s.logTail.paused {
            follow(&s)
        } else {
            s.logTail.anchor = lines.firstSeq + index
        }
    }

    /// The filter line: each edit that parses narrows the pane; Enter keeps a good pattern, Esc clears it.
    private static func filterKey(_ s: inout ConsoleState, _ event: KeyEvent) {
        guard var input = s.logTail.filter.input else { return }
        switch input.handle(event) {
        case .submitted:
            if s.logTail.filter.apply(input.text) {
                s.logTail.filter.input = nil
            } else {
                s.logTail.filter.input = input
                return
            }
        case .cancelled:
            s.logTail.filter = LogPaneFilter()
        case .edited:
            s.logTail.filter.input = input
            guard s.logTail.filter.apply(input.text) else { return }
        default:
            s.logTail.filter.input = input
            return
        }
        s.logTail.refilter()
        follow(&s)
    }
}
