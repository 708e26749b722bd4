import TerminalUI

/// The keys of the query editor (Enter runs, ↑/↓ walk the history) and of the log group picker.
extension InsightsReducer {
    static func editorKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        switch event.key {
        case .enter?:
            return run(&s)
        case .escape?:
            s.insights.editing = false
            return []
        case .up?:
            if let older = s.insights.history.older(than: s.insights.editor.text) { s.insights.editor.setText(older) }
            return []
        case .down?:
            if let newer = s.insights.history.newer() { s.insights.editor.setText(newer) }
            return []
        default:
            if s.insights.editor.handle(event) == .edited { s.insights.history.stopWalking() }
            return []
        }
    }

    static func rangeKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard var input = s.insights.rangeInput else { return [] }
        switch input.handle(event) {
        case .cancelled:
            s.insights.rangeInput = nil
        case .submitted:
            switch InsightsCustomRange.parse(input.text, now: s.now) {
            case .failure(let problem):
                s.insights.rangeProblem = problem.message
            case .success(let range):
                s.insights.rangeInput = nil
                s.insights.customRange = range
                return rerun(&s)
            }
        case .edited:
            s.insights.rangeInput = input
            s.insights.rangeProblem = nil
        case .moved, .ignored:
            s.insights.rangeInput = input
        }
        return []
    }

    static func pickerKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard var picker = s.insights.picker, let key = event.key else { return [] }
        let page = max(1, InsightsPickerView.visibleRows(ConsoleLayout(s)))
        switch key {
        case .escape:
            s.insights.picker = nil
            return []
        case .enter:
            switch picker.selection {
            case .failure(let problem):
                picker.problem = problem.message
            case .success(let groups):
                s.insights.picker = nil
                s.insights.chosenGroups = groups
                return rerun(&s)
            }
        case .space: picker.toggle()
        case "a": picker.toggleAll()
        case .up, "k": picker.move(by: -1)
        case .down, "j": picker.move(by: 1)
        case .pageUp: picker.move(by: -page)
        case .pageDown: picker.move(by: page)
        case .home, "g": picker.move(by: -picker.groups.count)
        case .end, "G": picker.move(by: picker.groups.count)
        default: break
        }
        s.insights.picker = picker
        return []
    }
}
