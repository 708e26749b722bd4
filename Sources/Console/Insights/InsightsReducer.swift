import CloudEngine
import Foundation
import TerminalUI

/// The Insights view's reducer: what each action does to `ConsoleState.insights`, and the effects it asks for.
enum InsightsReducer {
    static func reduce(_ s: inout ConsoleState, _ action: InsightsAction) -> [ConsoleEffect] {
        switch action {
        case .editorKeyPressed(let event):
            return editorKey(&s, event)
        case .runPressed:
            return run(&s)
        case .editPressed:
            s.insights.editing = true
            return []
        case .leaveEditorPressed:
            s.insights.editing = false
            return []
        case .groupsPressed:
            s.insights.picker = InsightsGroupPicker(groups: s.insights.groups, chosen: s.insights.effectiveGroups)
            return []
        case .pickerKeyPressed(let event):
            return pickerKey(&s, event)
        case .rangeMoved(let delta):
            // From a typed range, t and T come back to the preset shown before it.
            if s.insights.customRange == nil { s.insights.range = s.insights.range.moved(by: delta) }
            s.insights.customRange = nil
            return rerun(&s)
        case .customRangePressed:
            let span = s.insights.span(now: s.now)
            s.insights.rangeInput = TextInputState(text: InsightsCustomRange.text(start: span.start, end: span.end))
            s.insights.rangeProblem = nil
            return []
        case .rangeKeyPressed(let event):
            return rangeKey(&s, event)
        case .chartToggled:
            s.insights.showsChart = s.insights.chart != nil && !s.insights.showsChart
            return []
        case .table(let command):
            move(&s, command)
            return []
        case .columnsShifted(let delta):
            let count = s.insights.result?.result.columns.count ?? 0
            s.insights.firstColumn = min(max(0, s.insights.firstColumn + delta), max(0, count - 1))
            return []
        case .recordOpened:
            s.insights.detail = s.insights.table.selectedID.map(InsightsRecordDetail.init)
            return []
        case .recordKeyPressed(let event):
            recordKey(&s, event)
            return []
        case .groupsLoaded(let names):
            loaded(&s, groups: names)
            return []
        case .groupsLoadFailed(let error):
            s.insights.groupsLoaded = true
            s.insights.groupsError = error
            return []
        case .historyLoaded(let entries):
            s.insights.history.merge(older: entries)
            return []
        case .queryFinished(let run):
            guard run.request.id == s.insights.runID else { return [] }
            finished(&s, run)
            return []
        case .queryFailed(let id, let error):
            guard id == s.insights.runID else { return [] }
            s.insights.running = nil
            s.insights.error = error
            s.insights.editing = true
            return []
        }
    }

    // MARK: - Running

    /// Runs the editor's query (AWS's default when it is empty) over the groups and range shown.
    static func run(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var text = s.insights.editor.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            text = InsightsState.defaultQuery
            s.insights.editor.setText(text)
        }
        let groups = s.insights.effectiveGroups
        guard !groups.isEmpty else {
            let why = s.insights.groupsLoaded
                ? "There are no log groups to query yet: invoke a function (:functions) and its logs land in /aws/lambda/."
                : "The log groups are still being listed; press Enter again in a moment."
            s.insights.error = ConsoleError(message: why)
            return []
        }
        s.insights.history.record(text)
        var effects: [ConsoleEffect] = []
        if let path = s.insights.historyPath { effects.append(.insights(.saveHistory(path: path, s.insights.history.entries))) }
        s.insights.runID += 1
        let span = s.insights.span(now: s.now)
        let request = InsightsRunRequest(id: s.insights.runID, query: text, groups: groups, start: span.start, end: span.end)
        s.insights.running = request
        return effects + [.insights(.runQuery(request))]
    }

    /// After the groups or the range changed: the last query again, if one has run (else nothing yet).
    static func rerun(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let last = s.insights.running ?? s.insights.result?.request else { return [] }
        let typed = s.insights.editor
        s.insights.editor.setText(last.query)
        let effects = run(&s)
        s.insights.editor = typed
        return effects
    }

    private static func finished(_ s: inout ConsoleState, _ run: InsightsRun) {
        s.insights.running = nil
        s.insights.error = nil
        s.insights.result = run
        s.insights.chart = InsightsChart(run.result, query: run.request.query)
        s.insights.table = TableState(rows: run.result.rows.enumerated().map { index, row in
            TableRow(id: index, cells: row.map { InsightsResultsView.cellText($0 ?? "") })
        })
        s.insights.columns = InsightsResultsView.tableColumns(run.result.columns, rows: s.insights.table.rows)
        s.insights.firstColumn = 0
        s.insights.chartScroll = 0
        s.insights.detail = nil
        s.insights.showsChart = s.insights.chart != nil
        s.insights.editing = false
    }

    // MARK: - Results

    private static func move(_ s: inout ConsoleState, _ command: TableCommand) {
        let area = InsightsView.areas(s).results
        if s.insights.showsChart, let chart = s.insights.chart {
            let height = max(1, area.height - 1)
            let maxTop = max(0, chart.bars.count - height)
            s.insights.chartScroll = PreviewScroll(command).moved(s.insights.chartScroll, height: height, maxTop: maxTop)
        } else {
            _ = s.insights.table.apply(command, pageSize: TableView<Int>.visibleRowCount(height: area.height))
        }
    }

    private static func recordKey(_ s: inout ConsoleState, _ event: KeyEvent) {
        guard var detail = s.insights.detail, let key = event.key else { return }
        let closers: [Key] = ["esc", "enter", "q"]
        if closers.contains(key) {
            s.insights.detail = nil
            return
        }
        guard let command = TableCommand.defaultBindings.action(for: key) else { return }
        let lines = InsightsRecordView.lineCount(s)
        let height = InsightsRecordView.visibleLines(s)
        detail.scroll = PreviewScroll(command).moved(detail.scroll, height: height, maxTop: max(0, lines - height))
        s.insights.detail = detail
    }

    // MARK: - Groups

    private static func loaded(_ s: inout ConsoleState, groups names: [String]) {
        s.insights.groups = names
        s.insights.groupsLoaded = true
        s.insights.groupsError = nil
        if let chosen = s.insights.chosenGroups {
            let kept = chosen.filter(names.contains)
            s.insights.chosenGroups = kept.isEmpty ? nil : kept
        }
        if var picker = s.insights.picker {
            picker.groups = names
            picker.chosen.formIntersection(names)
            picker.cursor = min(picker.cursor, max(0, names.count - 1))
            s.insights.picker = picker
        }
    }

    // MARK: - Panel events

    static func opened(_ s: inout ConsoleState) -> [ConsoleEffect] {
        s.insights.editing = s.insights.result == nil || s.insights.editing
        var effects: [ConsoleEffect] = [.insights(.loadGroups)]
        if !s.insights.historyLoaded, let path = s.insights.historyPath {
            s.insights.historyLoaded = true
            effects.append(.insights(.loadHistory(path: path)))
        }
        return effects
    }

    static func refresh(_ s: inout ConsoleState) -> [ConsoleEffect] {
        [.insights(.loadGroups)] + rerun(&s)
    }

    /// A new or deleted group is offered at once; the results wait for the person to run again.
    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard topics.contains(.logs), s.service == .insights, s.insights.groupsLoaded else { return [] }
        return [.insights(.loadGroups)]
    }
}
