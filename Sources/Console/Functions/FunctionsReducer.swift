import CloudEngine
import Foundation
import TerminalUI

/// The Functions panel's reducer: what each action does to `ConsoleState.functions`, and the effects it asks for.
enum FunctionsReducer {
    static func reduce(_ s: inout ConsoleState, _ action: FunctionsAction) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        switch action {
        // MARK: Navigation
        case .table(let command):
            if s.functions.screen == .list {
                if let request = s.functions.table.apply(command, pageSize: pageSize) { answerTable(&s, request) }
                return []
            }
            return reduce(&s, .scrolled(PreviewScroll(command)))
        case .openPressed:
            switch s.functions.screen {
            case .list:
                guard let function = s.functions.selectedFunction else { return [] }
                s.functions.detail = FunctionDetailState(name: function.functionName)
                s.functions.detail?.configuration = function
                s.filterInput = nil
                return [.functions(.loadDetail(function.functionName))]
            case .function:
                guard let detail = s.functions.detail else { return [] }
                switch detail.tab {
                case .invocations: return openLogStream(&s)
                case .test: return reduce(&s, .invokePressed)
                case .configuration: return reduce(&s, .configurePressed)
                case .code, .triggers: return []
                }
            }
        case .tabChosen(let tab):
            s.functions.detail?.tab = tab
            return []
        case .tabMoved(let delta):
            guard let tab = s.functions.detail?.tab else { return [] }
            let count = FunctionTab.allCases.count
            s.functions.detail?.tab = FunctionTab(rawValue: (tab.rawValue + delta + count) % count) ?? .code
            return []
        case .scrolled(let scroll):
            applyScroll(&s, scroll)
            return []
        case .fileMoved(let delta):
            guard var detail = s.functions.detail, !detail.files.isEmpty else { return [] }
            detail.fileIndex = (detail.fileIndex + delta + detail.files.count) % detail.files.count
            detail.codeScroll = 0
            detail.codeColumn = 0
            s.functions.detail = detail
            return []
        case .codeShifted(let delta):
            guard var detail = s.functions.detail, let file = detail.currentFile else { return [] }
            let widest = file.lines.map(\.displayWidth).max() ?? 0
            detail.codeColumn = min(max(0, detail.codeColumn + delta), max(0, widest - 8))
            s.functions.detail = detail
            return []
        case .filterChanged(let text):
            guard s.functions.screen == .list else { return [] }
            answerTable(&s, s.functions.table.setFilter(text, pageSize: pageSize))
            return []

        // MARK: Dialogs and commands
        case .newPressed, .deletePressed, .configurePressed, .saveEventPressed, .publishPressed, .publishFormSubmitted,
             .dialogKeyPressed,
             .createFormSubmitted, .configurationFormSubmitted, .triggerFormSubmitted, .testEventFormSubmitted,
             .deleteFunctionConfirmed, .deleteTestEventConfirmed, .removeTriggerConfirmed:
            return FunctionsDialogs.reduce(&s, action)
        case .editPressed:
            return editPressed(&s)
        case .invokePressed:
            guard var detail = s.functions.detail, detail.tab == .test, detail.invoking == nil,
                  let event = detail.selectedTestEvent else { return [] }
            detail.invoking = InvokingState(eventName: event.name, startedAt: s.now)
            s.functions.detail = detail
            return [.functions(.invoke(function: detail.name, eventName: event.name, payload: event.payload))]

        // MARK: Results
        case .functionsLoaded(let functions, let latest):
            s.functions.functions = functions
            s.functions.latest = latest
            s.functions.loaded = true
            s.functions.loadError = nil
            rebuildTable(&s)
            return []
        case .functionsLoadFailed(let error):
            s.functions.loadError = error
            s.functions.loaded = true
            if !s.functions.functions.isEmpty { s.toast(error) }
            return []
        case .choicesLoaded(let roles, let buckets, let python, let sandbox):
            s.functions.lambdaRoles = roles
            s.functions.bucketNames = buckets
            s.functions.pythonVersion = python
            if let sandbox {
                s.functions.sandbox = sandbox
                if let warning = sandbox.warning, !s.functions.sandboxWarningShown {
                    s.functions.sandboxWarningShown = true
                    s.toast(warning, kind: .warning)
                }
            }
            FunctionsDialogs.refreshChoices(&s)
            return []
        case .functionCreated(let configuration, let role):
            s.functions.modal = nil
            s.functions.submittedCreateForm = nil
            s.toast(role.map { "Created \(configuration.functionName) with the new role \($0)." }
                    ?? "Created function \(configuration.functionName).")
            s.functions.detail = FunctionDetailState(name: configuration.functionName)
            s.functions.detail?.configuration = configuration
            return [] // the change feed reloads the list and the new function's detail
        case .functionCreateFailed(let error):
            return FunctionsDialogs.createFailed(&s, error)
        case .functionDeleted(let name):
            s.toast("Deleted function \(name).")
            if s.functions.detail?.name == name {
                s.functions.detail = nil
            }
            return []
        case .functionDeleteFailed(let error), .actionFailed(let error), .editorFailed(let error),
             .codeSaveFailed(let error):
            s.toast(error)
            return []
        case .nothingChanged(let message):
            s.toast(message, kind: .info)
            return []
        case .detailLoaded(let data):
            receiveDetail(&s, data)
            return []
        case .activityLoaded(let name, let invocations, let deliveries):
            guard var detail = s.functions.detail, detail.name == name else { return [] }
            applyActivity(&detail, invocations: invocations, deliveries: deliveries)
            s.functions.detail = detail
            clampIndexes(&s)
            return []
        case .detailLoadFailed(let name, let error):
            guard s.functions.detail?.name == name else { return [] }
            // Deleted meanwhile (here or in another process): back to the list, saying why.
            if error.code == "ResourceNotFoundException", s.functions.detail?.configuration != nil {
                s.functions.detail = nil
                s.functions.modal = nil
                s.toast("Function \(name) no longer exists: it was deleted.", kind: .warning)
                return [.functions(.listFunctions)]
            }
            s.functions.detail?.error = error
            return []
        case .configurationSaved(let configuration):
            s.functions.modal = nil
            s.toast("Saved the configuration of \(configuration.functionName).")
            s.functions.detail?.configuration = configuration
            return []
        case .configurationSaveFailed(let error):
            return FunctionsDialogs.configurationFailed(&s, error)
        case .codeEdited(let function, let path, let contents):
            guard let detail = s.functions.detail, detail.name == function else { return [] }
            guard detail.files.first(where: { $0.path == path })?.data != contents else {
                s.toast("No changes to \(path): the code is as it was.", kind: .info)
                return []
            }
            var files = Dictionary(detail.files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
            files[path] = contents
            return [.functions(.saveCode(function: function, files: files))]
        case .versionPublished(let configuration):
            if case .publishVersion = s.functions.modal { s.functions.modal = nil }
            s.toast("Published version \(configuration.version) of \(configuration.functionName).")
            return []
        case .codeSaved(let configuration):
            s.toast("Saved a new code revision of \(configuration.functionName) (SHA-256 \(configuration.codeSHA256.prefix(12))…).")
            return []
        case .testEventEdited(let function, let name, let payload):
            return [.functions(.saveTestEvent(function: function, name: name, payload: payload))]
        case .testEventSaved(let function, let event):
            if case .saveTestEvent = s.functions.modal { s.functions.modal = nil }
            s.toast("Saved test event \(event.name).")
            guard s.functions.detail?.name == function else { return [] }
            var saved = s.functions.detail?.savedEvents.filter { $0.name != event.name } ?? []
            saved.append(event)
            saved.sort { $0.name < $1.name }
            s.functions.detail?.savedEvents = saved
            if let index = s.functions.detail?.testEvents.firstIndex(where: { $0.name == event.name && $0.isSaved }) {
                s.functions.detail?.eventIndex = index
            }
            return []
        case .testEventSaveFailed(let error):
            return FunctionsDialogs.testEventFailed(&s, error)
        case .testEventDeleted(let function, let name):
            s.toast("Deleted test event \(name).")
            guard s.functions.detail?.name == function else { return [] }
            s.functions.detail?.savedEvents.removeAll { $0.name == name }
            clampIndexes(&s)
            return []
        case .invoked(let function, let result):
            guard s.functions.detail?.name == function else { return [] }
            s.functions.detail?.invoking = nil
            s.functions.detail?.result = result
            s.functions.detail?.resultScroll = 0
            return []
        case .triggerAdded(let function, let trigger):
            s.functions.modal = nil
            s.toast("Added trigger: \(trigger.bucket) → \(function).")
            return [.functions(.loadDetail(function))]
        case .triggerAddFailed(let error):
            return FunctionsDialogs.triggerFailed(&s, error)
        case .triggerRemoved(let function, let trigger):
            s.toast("Removed the \(trigger.bucket) trigger from \(function).")
            return [.functions(.loadDetail(function))]
        }
    }

    // MARK: - Shell hooks

    static func back(_ s: inout ConsoleState) -> [ConsoleEffect] {
        if !currentFilter(s).isEmpty { return reduce(&s, .filterChanged("")) }
        switch s.functions.screen {
        case .function:
            let name = s.functions.detail?.name
            s.functions.detail = nil
            if let name { s.functions.table.select(id: name, pageSize: ConsoleLayout(s).tablePageSize) }
            return [.functions(.listFunctions)]
        case .list:
            break
        }
        return []
    }

    static func refresh(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = [.functions(.listFunctions)]
        if let name = s.functions.detail?.name { effects.append(.functions(.loadDetail(name))) }
        return effects
    }

    /// Functions, invocations, logs or triggers changed (here, in the background, or in another process): reload what is shown.
    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard s.service == .functions,
              !topics.isDisjoint(with: [.functions, .invocations, .logs, .buckets, .objects, .iam]) else { return [] }
        var effects: [ConsoleEffect] = []
        if !topics.isDisjoint(with: [.functions, .invocations]) { effects.append(.functions(.listFunctions)) }
        if let detail = s.functions.detail {
            // Its code, configuration or triggers changed: everything. Only new invocations or events: just those,
            // so an S3 burst does not re-read and re-colour the code for every event.
            if !topics.isDisjoint(with: [.functions, .buckets]) {
                effects.append(.functions(.loadDetail(detail.name)))
            } else if !topics.isDisjoint(with: [.invocations, .objects]) {
                effects.append(.functions(.loadActivity(detail.name, buckets: detail.triggers.map(\.bucket))))
            }
        }
        if !topics.isDisjoint(with: [.iam, .buckets]) { effects.append(.functions(.loadChoices)) }
        return effects
    }

    static func currentFilter(_ s: ConsoleState) -> String {
        s.functions.screen == .list ? s.functions.table.query.filter : ""
    }

    /// What opening the panel loads.
    static func opened(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = [.functions(.listFunctions), .functions(.loadChoices)]
        if let name = s.functions.detail?.name { effects.append(.functions(.loadDetail(name))) }
        return effects
    }

    // MARK: - Helpers

    private static func editPressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let detail = s.functions.detail else { return [] }
        switch detail.tab {
        case .code:
            guard let file = detail.currentFile else { return [] }
            guard file.text != nil else {
                s.toast("\(file.path) is not text; replace it with a new deployment package instead.", kind: .warning)
                return []
            }
            return [.functions(.editCode(function: detail.name, path: file.path, contents: file.data))]
        case .test:
            guard case .saved(let event)? = detail.selectedTestEvent else { return [] }
            return [.functions(.editTestEvent(function: detail.name, name: event.name, payload: event.payload))]
        case .configuration:
            return reduce(&s, .configurePressed)
        case .triggers, .invocations:
            return []
        }
    }

    private static func openLogStream(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard let detail = s.functions.detail, let invocation = detail.selectedInvocation else { return [] }
        guard let stream = invocation.logStreamName else {
            s.toast("This invocation wrote no log stream: its role may not allow logs:CreateLogStream and logs:PutLogEvents.",
                    kind: .warning)
            return []
        }
        let group = "/aws/lambda/\(detail.name)"
        // A retry of an Event invocation is recorded as "ID-attemptN" but logs under the request's own ID, as Lambda does.
        let requestID = invocation.requestID.components(separatedBy: "-attempt").first ?? invocation.requestID
        // The Log groups panel shows it, from the invocation's start; Esc comes back here.
        let request = LogEventsRequest(source: LogEventsSource(group: group, stream: stream), requestID: requestID,
                                       // A little before the record's start: the worker stamps START itself.
                                       startTime: Int64((invocation.startedAt.timeIntervalSince1970 * 1000).rounded(.down)) - 2_000,
                                       returnTo: .functions)
        return LogGroupsReducer.reduce(&s, .openedAt(request))
    }

    private static func applyScroll(_ s: inout ConsoleState, _ scroll: PreviewScroll) {
        let height = max(1, ConsoleLayout(s).body.height - 2)
        func moved(_ value: Int, count: Int, page: Int) -> Int {
            let maxValue = max(0, count)
            switch scroll {
            case .lines(let n): return min(max(0, value + n), maxValue)
            case .pages(let n): return min(max(0, value + n * max(1, page)), maxValue)
            case .top: return 0
            case .bottom: return maxValue
            }
        }
        guard var detail = s.functions.detail else { return }
        switch detail.tab {
        case .code:
            let lines = detail.currentFile?.lineCount ?? 0
            detail.codeScroll = moved(detail.codeScroll, count: max(0, lines - height), page: height)
        case .configuration:
            // The view clamps it to the rows it has.
            let rows = FunctionTabsView.configurationRows(detail, python: s.functions.pythonVersion, sandbox: s.functions.sandbox).count
            detail.configurationScroll = moved(detail.configurationScroll, count: max(0, rows - (height - 1)), page: height)
        case .test:
            let before = detail.eventIndex
            detail.eventIndex = moved(detail.eventIndex, count: detail.testEvents.count - 1, page: height)
            // Another event chosen: show its JSON, not the last result.
            if detail.eventIndex != before, detail.invoking == nil { detail.result = nil }
        case .triggers:
            detail.triggerIndex = moved(detail.triggerIndex, count: detail.triggers.count - 1, page: height)
        case .invocations:
            detail.invocationIndex = moved(detail.invocationIndex, count: detail.invocations.count - 1, page: height)
        }
        s.functions.detail = detail
    }

    private static func receiveDetail(_ s: inout ConsoleState, _ data: FunctionDetailData) {
        guard var detail = s.functions.detail, detail.name == data.configuration.functionName else { return }
        let selectedFile = detail.currentFile?.path
        let selectedEvent = detail.selectedTestEvent?.name
        detail.configuration = data.configuration
        detail.error = nil
        detail.files = data.files
        detail.savedEvents = data.testEvents
        detail.triggers = data.triggers
        detail.permissions = data.permissions
        detail.versions = data.versions
        applyActivity(&detail, invocations: data.invocations, deliveries: data.deliveries)
        if let selectedFile, let index = detail.files.firstIndex(where: { $0.path == selectedFile }) {
            detail.fileIndex = index
        } else if let handlerFile = handlerFileIndex(detail) {
            detail.fileIndex = handlerFile
            detail.codeScroll = 0
        }
        if let selectedEvent, let index = detail.testEvents.firstIndex(where: { $0.name == selectedEvent }) {
            detail.eventIndex = index
        }
        s.functions.detail = detail
        clampIndexes(&s)
    }

    /// New invocations and S3 events, keeping the selected invocation selected as newer ones arrive above it.
    private static func applyActivity(_ detail: inout FunctionDetailState, invocations: [InvocationRecord],
                                      deliveries: [S3EventDelivery]) {
        let selected = detail.selectedInvocation?.requestID
        detail.invocations = invocations
        detail.deliveries = deliveries
        if let selected, let index = invocations.firstIndex(where: { $0.requestID == selected }) {
            detail.invocationIndex = index
        }
    }

    /// The file the handler names (`pkg/app.handler` → `pkg/app.py`), shown first.
    private static func handlerFileIndex(_ detail: FunctionDetailState) -> Int? {
        guard let handler = detail.configuration?.handler, let dot = handler.lastIndex(of: ".") else { return nil }
        let module = handler[..<dot].replacingOccurrences(of: ".", with: "/") + ".py"
        return detail.files.firstIndex { $0.path == module } ?? (detail.files.isEmpty ? nil : 0)
    }

    private static func clampIndexes(_ s: inout ConsoleState) {
        guard var detail = s.functions.detail else { return }
        detail.fileIndex = min(detail.fileIndex, max(0, detail.files.count - 1))
        detail.eventIndex = min(detail.eventIndex, max(0, detail.testEvents.count - 1))
        detail.triggerIndex = min(detail.triggerIndex, max(0, detail.triggers.count - 1))
        detail.invocationIndex = min(detail.invocationIndex, max(0, detail.invocations.count - 1))
        s.functions.detail = detail
    }
}

extension TestEventChoice {
    var isSaved: Bool {
        if case .saved = self { return true }
        return false
    }
}
