import CloudEngine
import Foundation
import TerminalUI

/// The Log groups panel's reducer: the group and stream lists and the shell's hooks. The events view is
/// `LogEventsReducer`'s, the dialogs `LogGroupsDialogs`'. Every toast the panel shows is worded in these three.
enum LogGroupsReducer {
    static func reduce(_ s: inout ConsoleState, _ action: LogGroupsAction) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        switch action {
        // MARK: Navigation
        case .table(let command):
            switch s.logGroups.screen {
            case .groups:
                if let request = s.logGroups.table.apply(command, pageSize: pageSize) { LogGroupsLists.answerGroups(&s, request) }
            case .streams:
                if let request = s.logGroups.streams?.table.apply(command, pageSize: pageSize) {
                    LogGroupsLists.answerStreams(&s, request)
                }
            case .events:
                return LogEventsReducer.scrolled(&s, PreviewScroll(command))
            }
            return []
        case .openPressed:
            switch s.logGroups.screen {
            case .groups:
                guard let group = s.logGroups.selectedGroup else { return [] }
                s.logGroups.streams = LogStreamsState(group: group.name)
                s.filterInput = nil
                return [.logGroups(.listStreams(group: group.name))]
            case .streams:
                guard let streams = s.logGroups.streams, let id = streams.table.selectedID else { return [] }
                let source = LogEventsSource(group: streams.group, stream: id == LogStreamsState.allStreamsID ? nil : id)
                return LogEventsReducer.open(&s, LogEventsRequest(source: source, requestID: nil, startTime: nil, returnTo: nil))
            case .events:
                return []
            }
        case .allStreamsPressed:
            guard let group = s.logGroups.streams?.group else { return [] }
            return LogEventsReducer.open(&s, LogEventsRequest(source: LogEventsSource(group: group, stream: nil), requestID: nil,
                                                              startTime: nil, returnTo: nil))
        case .filterChanged(let text):
            switch s.logGroups.screen {
            case .groups: LogGroupsLists.answerGroups(&s, s.logGroups.table.setFilter(text, pageSize: pageSize))
            case .streams:
                if let request = s.logGroups.streams?.table.setFilter(text, pageSize: pageSize) {
                    LogGroupsLists.answerStreams(&s, request)
                }
            case .events: break
            }
            return []

        // MARK: Dialogs and the events view
        case .deletePressed, .retentionPressed, .dialogKeyPressed, .deleteGroupConfirmed, .deleteStreamConfirmed,
             .patternPressed, .jumpPressed:
            return LogGroupsDialogs.reduce(&s, action)
        case .wrapToggled, .timestampsToggled, .jsonToggled, .fullScreenToggled, .contextCycled, .openedAt, .eventsLoaded,
             .eventsLoadFailed, .matchesFound, .matchFailed:
            return LogEventsReducer.reduce(&s, action)

        // MARK: Results
        case .groupsLoaded(let groups):
            s.logGroups.groups = groups
            s.logGroups.loaded = true
            s.logGroups.loadError = nil
            LogGroupsLists.rebuildGroups(&s)
            return []
        case .groupsLoadFailed(let error):
            s.logGroups.loadError = error
            s.logGroups.loaded = true
            if !s.logGroups.groups.isEmpty { s.toast(error) }
            return []
        case .streamsLoaded(let group, let streams, let truncated):
            guard s.logGroups.streams?.group == group else { return [] }
            s.logGroups.streams?.streams = streams
            s.logGroups.streams?.truncated = truncated
            s.logGroups.streams?.loaded = true
            s.logGroups.streams?.error = nil
            LogGroupsLists.rebuildStreams(&s)
            return []
        case .streamsLoadFailed(let group, let error):
            guard s.logGroups.streams?.group == group else { return [] }
            if error.code == "ResourceNotFoundException", s.logGroups.events == nil {
                s.logGroups.streams = nil
                s.toast("Log group \(group) no longer exists: it was deleted.", kind: .warning)
                return []
            }
            s.logGroups.streams?.error = error
            s.logGroups.streams?.loaded = true
            return []
        case .groupDeleted(let name):
            s.toast("Deleted log group \(name).")
            if s.logGroups.streams?.group == name { s.logGroups.streams = nil }
            if s.logGroups.events?.source.group == name { s.logGroups.events = nil }
            return []
        case .streamDeleted(let group, let stream):
            s.toast("Deleted log stream \(stream) of \(group).")
            if s.logGroups.events?.source == LogEventsSource(group: group, stream: stream) { s.logGroups.events = nil }
            return []
        case .retentionSet(let group, let days):
            s.toast(days.map { "\(group) now keeps events for \(RetentionChoice.label($0))." }
                    ?? "\(group) now keeps events forever (Never expire).")
            return []
        case .actionFailed(let error):
            s.toast(error)
            return []
        }
    }

    // MARK: - Shell hooks

    static func opened(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = [.logGroups(.listGroups)]
        if let group = s.logGroups.streams?.group { effects.append(.logGroups(.listStreams(group: group))) }
        return effects + LogEventsReducer.logsChanged(&s)
    }

    static func showTopLevel(_ s: inout ConsoleState) {
        guard s.logGroups.modal == nil else { return }
        let group = s.logGroups.currentGroupName
        s.logGroups.events = nil
        s.logGroups.streams = nil
        if let group { s.logGroups.table.select(id: group, pageSize: ConsoleLayout(s).tablePageSize) }
    }

    static func back(_ s: inout ConsoleState) -> [ConsoleEffect] {
        if !currentFilter(s).isEmpty { return reduce(&s, .filterChanged("")) }
        switch s.logGroups.screen {
        case .events:
            // A pattern goes first, as a list's filter does.
            if s.logGroups.events?.pattern.isEmpty == false { return LogGroupsDialogs.applyPattern(&s, TextInputState()) }
            let returnTo = s.logGroups.events?.returnTo
            s.logGroups.events = nil
            if let returnTo { return ConsoleReducer.reduce(&s, .serviceChosen(returnTo)) }
        case .streams:
            let group = s.logGroups.streams?.group
            s.logGroups.streams = nil
            if let group { s.logGroups.table.select(id: group, pageSize: ConsoleLayout(s).tablePageSize) }
        case .groups:
            break
        }
        return []
    }

    static func refresh(_ s: inout ConsoleState) -> [ConsoleEffect] { opened(&s) }

    /// Log groups, streams or events changed (here or in another process): reload the lists, follow new events.
    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard s.service == .logGroups, topics.contains(.logs) else { return [] }
        return opened(&s)
    }

    static func currentFilter(_ s: ConsoleState) -> String {
        switch s.logGroups.screen {
        case .groups: return s.logGroups.table.query.filter
        case .streams: return s.logGroups.streams?.table.query.filter ?? ""
        case .events: return ""
        }
    }
}
