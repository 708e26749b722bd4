import CloudEngine
import Foundation
import TerminalUI

/// The Log groups panel's dialogs: retention, delete confirmations, the filter pattern and jump-to-time lines.
enum LogGroupsDialogs {
    static func reduce(_ s: inout ConsoleState, _ action: LogGroupsAction) -> [ConsoleEffect] {
        switch action {
        case .deletePressed:
            openDelete(&s)
        case .retentionPressed:
            guard let name = s.logGroups.currentGroupName, let group = s.logGroups.groups.first(where: { $0.name == name })
            else { return [] }
            let current = RetentionChoice.options.firstIndex(of: group.group.retentionInDays) ?? 0
            s.logGroups.modal = .retention(group: name, selected: current)
        case .patternPressed:
            guard let view = s.logGroups.events else { return [] }
            s.logGroups.modal = .pattern(TextInputState(text: view.pattern), problem: nil)
        case .jumpPressed:
            guard s.logGroups.events != nil else { return [] }
            s.logGroups.modal = .jump(TextInputState(), problem: nil)
        case .dialogKeyPressed(let event):
            return dialogKey(&s, event)
        case .deleteGroupConfirmed(let group):
            s.logGroups.modal = nil
            return [.logGroups(.deleteGroup(group))]
        case .deleteStreamConfirmed(let group, let stream):
            s.logGroups.modal = nil
            return [.logGroups(.deleteStream(group: group, stream: stream))]
        default:
            break
        }
        return []
    }

    private static func openDelete(_ s: inout ConsoleState) {
        switch s.logGroups.screen {
        case .groups:
            guard let group = s.logGroups.selectedGroup else { return }
            let streams = group.streamCount == 1 ? "1 stream" : "\(group.streamCount) streams"
            let holds = group.streamCount == 0 ? "It has no streams."
                : "Its \(streams) and \(Formatting.bytes(group.group.storedBytes)) of events go with it, for good."
            s.logGroups.modal = .confirmDeleteGroup(ConfirmationState(
                title: "Delete log group", message: "Delete log group \(group.name)? \(holds)", resourceName: group.name,
                confirmLabel: "Delete", requireTypedName: group.streamCount > 0), group: group.name)
        case .streams:
            guard let group = s.logGroups.streams?.group, let stream = s.logGroups.streams?.selectedStream else { return }
            s.logGroups.modal = .confirmDeleteStream(ConfirmationState(
                title: "Delete log stream",
                message: "Delete log stream \(stream.name) and its \(Formatting.bytes(stream.storedBytes)) of events? They cannot be recovered.",
                resourceName: stream.name, confirmLabel: "Delete", requireTypedName: false), group: group, stream: stream.name)
        case .events:
            break
        }
    }

    // MARK: - Keys

    private static func dialogKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard let modal = s.logGroups.modal else { return [] }
        switch modal {
        case .retention(let group, let selected):
            let count = RetentionChoice.options.count
            switch event.key {
            case "j", "down": s.logGroups.modal = .retention(group: group, selected: min(count - 1, selected + 1))
            case "k", "up": s.logGroups.modal = .retention(group: group, selected: max(0, selected - 1))
            case "g", "home": s.logGroups.modal = .retention(group: group, selected: 0)
            case "G", "end": s.logGroups.modal = .retention(group: group, selected: count - 1)
            case "esc": s.logGroups.modal = nil
            case "enter":
                s.logGroups.modal = nil
                return [.logGroups(.setRetention(group: group, days: RetentionChoice.options[selected]))]
            default: break
            }
        case .confirmDeleteGroup(var confirmation, let group):
            return confirm(&s, &confirmation, event, .deleteGroupConfirmed(group)) { .confirmDeleteGroup($0, group: group) }
        case .confirmDeleteStream(var confirmation, let group, let stream):
            return confirm(&s, &confirmation, event, .deleteStreamConfirmed(group: group, stream: stream)) {
                .confirmDeleteStream($0, group: group, stream: stream)
            }
        case .pattern(var input, let problem):
            switch input.handle(event) {
            case .submitted: return applyPattern(&s, input)
            case .cancelled: s.logGroups.modal = nil
            case .edited: s.logGroups.modal = .pattern(input, problem: nil)
            default: s.logGroups.modal = .pattern(input, problem: problem)
            }
        case .jump(var input, let problem):
            switch input.handle(event) {
            case .submitted:
                switch TimeInput.parse(input.text, now: s.now) {
                case .success(let time):
                    s.logGroups.modal = nil
                    return LogEventsReducer.jump(&s, to: time)
                case .failure(let error):
                    s.logGroups.modal = .jump(input, problem: error.message)
                }
            case .cancelled: s.logGroups.modal = nil
            case .edited: s.logGroups.modal = .jump(input, problem: nil)
            default: s.logGroups.modal = .jump(input, problem: problem)
            }
        }
        return []
    }

    private static func confirm(_ s: inout ConsoleState, _ confirmation: inout ConfirmationState, _ event: KeyEvent,
                                _ confirmed: LogGroupsAction, _ wrap: (ConfirmationState) -> LogGroupsModal) -> [ConsoleEffect] {
        switch confirmation.handle(event) {
        case .confirmed: return LogGroupsReducer.reduce(&s, confirmed)
        case .cancelled: s.logGroups.modal = nil
        case .refused(let reason): s.toast(reason + ".", kind: .warning)
        case .changed, .ignored: s.logGroups.modal = wrap(confirmation)
        }
        return []
    }

    /// Applies a typed pattern: a bad one stays in the line with the engine's error (where it went wrong), and the
    /// results shown stay as they were; a good one is searched with FilterLogEvents over the loaded events.
    static func applyPattern(_ s: inout ConsoleState, _ input: TextInputState) -> [ConsoleEffect] {
        guard var view = s.logGroups.events else { return [] }
        let text = input.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            view.pattern = ""
            view.compiled = nil
            view.matches = nil
        } else {
            do {
                view.compiled = try FilterPattern(text)
            } catch {
                s.logGroups.modal = .pattern(input, problem: ConsoleError(error).message)
                return []
            }
            view.pattern = text
            view.matches = nil
        }
        s.logGroups.modal = nil
        view.rebuild(context: s.logGroups.options.context)
        s.logGroups.events = view
        LogEventsReducer.settle(&s)
        return LogEventsReducer.matchEffects(&s)
    }
}
