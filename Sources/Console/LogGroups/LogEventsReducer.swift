import CloudEngine
import Foundation
import TerminalUI

/// The events view's reducer: opening, pages arriving, the pattern's matches, toggles and scrolling.
enum LogEventsReducer {
    static func reduce(_ s: inout ConsoleState, _ action: LogGroupsAction) -> [ConsoleEffect] {
        switch action {
        case .wrapToggled:
            s.logGroups.options.wraps.toggle()
        case .timestampsToggled:
            s.logGroups.options.timestamps.toggle()
        case .jsonToggled:
            s.logGroups.options.prettyJSON.toggle()
        case .fullScreenToggled:
            s.logGroups.options.fullScreen.toggle()
        case .contextCycled:
            let steps = LogViewOptions.contextSteps
            let next = steps[((steps.firstIndex(of: s.logGroups.options.context) ?? 0) + 1) % steps.count]
            s.logGroups.options.context = next
            s.logGroups.events?.rebuild(context: next)
        case .openedAt(let request):
            s.logGroups.modal = nil
            s.logGroups.streams = LogStreamsState(group: request.source.group)
            var effects = open(&s, request)
            effects += ConsoleReducer.reduce(&s, .serviceChosen(.logGroups))
            return effects
        case .eventsLoaded(let source, let request, let page):
            return loaded(&s, source, request, page)
        case .eventsLoadFailed(let source, let error):
            guard var view = s.logGroups.events, view.source == source else { return [] }
            view.loading = nil
            view.loaded = true
            if error.code == "ResourceNotFoundException" {
                s.logGroups.events = nil
                let what = source.stream.map { "Log stream \($0)" } ?? "Log group \(source.group)"
                // The group's stream list fails the same way; this message says it all.
                if view.requestID != nil, s.logGroups.streams?.group == source.group { s.logGroups.streams = nil }
                // From an invocation the stream may never have been written: a role without Logs permissions.
                s.toast(view.requestID == nil ? "\(what) no longer exists: it was deleted."
                        : "\(what) does not exist: deleted, or never written because the function's role may not write logs "
                        + "(logs:CreateLogStream, logs:PutLogEvents).", kind: .warning)
                return []
            }
            if view.events.isEmpty { view.error = error } else { s.toast(error) }
            s.logGroups.events = view
            return []
        case .matchesFound(let source, let pattern, let ids, let complete):
            guard var view = s.logGroups.events, view.source == source, view.pattern == pattern else { return [] }
            view.matches = ids
            view.matchesComplete = complete
            view.rebuild(context: s.logGroups.options.context)
            s.logGroups.events = view
        case .matchFailed(let source, let pattern, let error):
            guard var view = s.logGroups.events, view.source == source, view.pattern == pattern else { return [] }
            view.pattern = ""
            view.compiled = nil
            view.matches = nil
            view.rebuild(context: s.logGroups.options.context)
            s.logGroups.events = view
            s.toast(error)
        default:
            return []
        }
        settle(&s)
        return []
    }

    /// Opens an events view and asks for its first page (the newest, or from the request's time).
    static func open(_ s: inout ConsoleState, _ request: LogEventsRequest) -> [ConsoleEffect] {
        var view = LogEventsState(source: request.source)
        view.requestID = request.requestID
        view.returnTo = request.returnTo
        if let id = request.requestID {
            view.landing = .request(id, fallback: request.startTime)
        } else if let time = request.startTime {
            view.landing = .time(time)
        }
        let page = request.startTime.map(LogEventsPageRequest.from) ?? .newest
        view.loading = page
        view.follow = request.startTime == nil
        s.logGroups.events = view
        s.filterInput = nil
        return [.logGroups(.loadEvents(request.source, page))]
    }

    /// New events were written: read what came after the window, when it reaches the newest.
    static func logsChanged(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard var view = s.logGroups.events, view.loaded, !view.hasNewer else { return [] }
        if view.loading != nil {
            view.readAgain = true
            s.logGroups.events = view
            return []
        }
        let page: LogEventsPageRequest = view.newerToken.map(LogEventsPageRequest.newer) ?? .newest
        view.loading = page
        s.logGroups.events = view
        return [.logGroups(.loadEvents(view.source, page))]
    }

    // MARK: - Pages

    private static func loaded(_ s: inout ConsoleState, _ source: LogEventsSource, _ request: LogEventsPageRequest,
                               _ page: LogEventsPage) -> [ConsoleEffect] {
        guard var view = s.logGroups.events, view.source == source, view.loading == request else { return [] }
        if case .from = request, page.events.isEmpty {
            // Nothing at or after the time: the newest events (the landing still looks for its line there).
            view.loading = .newest
            s.logGroups.events = view
            return [.logGroups(.loadEvents(source, .newest))]
        }
        let anchor = view.topEvent
        view.loading = nil
        view.loaded = true
        view.error = nil
        let full = page.events.count >= LogEventsState.pageSize
        switch request {
        case .newest, .from:
            view.events = page.events
            view.olderToken = page.nextBackwardToken
            view.newerToken = page.nextForwardToken
            view.hasNewer = request != .newest && full
            view.full = false
        case .older:
            view.events = page.events + view.events
            view.olderToken = page.events.isEmpty ? nil : page.nextBackwardToken
        case .newer:
            view.events += page.events
            view.newerToken = page.nextForwardToken
            view.hasNewer = full
        }
        if view.events.count > LogEventsState.eventLimit {
            // The window keeps its newest events; older ones are dropped and no longer paged in.
            if case .older = request {
                view.events.removeFirst(page.events.count)
            } else {
                view.events.removeFirst(view.events.count - LogEventsState.eventLimit)
            }
            view.full = true
            view.olderToken = nil
        }
        if case .newest = request, page.events.isEmpty { view.olderToken = nil }
        view.rebuild(context: s.logGroups.options.context, keeping: anchor)
        s.logGroups.events = view
        land(&s)
        var effects = matchEffects(&s)
        if s.logGroups.events?.readAgain == true {
            s.logGroups.events?.readAgain = false
            effects += logsChanged(&s)
        }
        return effects
    }

    /// Puts the view where its landing asked (a time, a request's START line), once its page is in.
    private static func land(_ s: inout ConsoleState) {
        guard var view = s.logGroups.events else { return }
        let layout = LogEventsLayout(s, view)
        if let landing = view.landing {
            view.landing = nil
            var entry: Int?
            switch landing {
            case .time(let time):
                entry = view.firstEntry(atOrAfter: time)
            case .request(let id, let fallback):
                if let start = view.events.first(where: { $0.message.hasPrefix("START RequestId: \(id)") }) {
                    entry = view.entry(ofEventID: start.id) ?? view.firstEntry(atOrAfter: start.timestamp)
                } else {
                    entry = fallback.flatMap { view.firstEntry(atOrAfter: $0) }
                }
            }
            let bottom = layout.bottom(view)
            view.top = min(entry.map { LogEventsPosition(entry: $0) } ?? bottom, bottom)
            view.follow = view.top >= bottom && !view.hasNewer
        } else if view.follow {
            view.top = layout.bottom(view)
        }
        s.logGroups.events = view
    }

    /// With a pattern, the loaded time range is searched again (FilterLogEvents) after the window changed.
    static func matchEffects(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard var view = s.logGroups.events, !view.pattern.isEmpty else { return [] }
        guard let first = view.events.first?.timestamp, let last = view.events.last?.timestamp else {
            view.matches = []
            view.rebuild(context: s.logGroups.options.context)
            s.logGroups.events = view
            return []
        }
        return [.logGroups(.matchEvents(view.source, pattern: view.pattern, start: first, end: last))]
    }
}
