import CloudEngine
import TerminalUI

/// What happened in the Logs Insights view: key presses by name, and the engine's answers.
public enum InsightsAction: Sendable {
    // MARK: - What the person did
    /// A key while the query editor has the keys (Enter runs, ↑/↓ walk the history, the rest edits).
    case editorKeyPressed(KeyEvent)
    case runPressed
    case editPressed
    case leaveEditorPressed
    case groupsPressed
    /// A key while the log group picker is open.
    case pickerKeyPressed(KeyEvent)
    case rangeMoved(Int)
    case customRangePressed
    /// A key while the custom range field is open.
    case rangeKeyPressed(KeyEvent)
    case chartToggled
    case table(TableCommand)
    case columnsShifted(Int)
    case recordOpened
    /// A key while a record is open over the results.
    case recordKeyPressed(KeyEvent)

    // MARK: - What the engine (or the history file) answered
    case groupsLoaded([String])
    case groupsLoadFailed(ConsoleError)
    case historyLoaded([String])
    case queryFinished(InsightsRun)
    case queryFailed(id: Int, ConsoleError)
}

/// Work for the effect runner: engine calls and the history file, off the UI thread.
public enum InsightsEffect: Sendable, Equatable {
    case loadGroups
    case loadHistory(path: String)
    case saveHistory(path: String, [String])
    /// Runs on its own queue, so a long query never holds up other panels' listings.
    case runQuery(InsightsRunRequest)
}
