import CloudEngine
import Foundation
import TerminalUI

/// The console's reducer: a plain function of state and action that returns the effects to run.
///
/// Keys are looked up in the binding table of the current view and become
/// named actions; text fields, dialogs and overlays get their keys first.
public enum ConsoleReducer {
    /// What runs when the console opens: the first panel's data.
    public static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.accountIsNew {
            // Short enough for a toast at 80 columns (four lines), whole.
            state.toast("New account made: \(state.accountPath). Wrong file? Check --db.", kind: .info)
        }
        return [.cleanUpInterruptedUploads] + reduce(&state, .serviceChosen(state.service))
    }

    public static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        let effects = reduceAction(&state, action)
        return effects + LogPaneReducer.sync(&state)
    }

    private static func reduceAction(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .keyPressed(let event):
            return handle(&state, event)
        case .resized(let size):
            state.size = size
            return []
        case .ticked(let now):
            state.now = now
            state.toasts.removeAll { $0.isExpired(at: now) }
            return []
        case .accountChanged(let topics, _):
            var effects = ConsoleService.allCases.compactMap(\.panel).flatMap { $0.accountChanged(&state, topics: topics) }
            if topics.contains(.logs) { effects += LogPaneReducer.logsChanged(&state) }
            return effects
        case .quitPressed:
            state.shouldQuit = true
            return []
        case .commandLineOpened:
            state.overlay = .commandLine(TextInputState())
            return []
        case .commandSubmitted(let text):
            state.overlay = nil
            return runCommand(&state, text)
        case .helpOpened:
            state.overlay = .help(scroll: 0)
            return []
        case .filterOpened:
            state.filterInput = TextInputState(text: state.service.panel?.currentFilter(state) ?? "")
            return []
        case .focusNextPanePressed:
            let order: [ConsolePane] = state.logPane.isVisible ? [.sidebar, .main, .logs] : [.sidebar, .main]
            let index = order.firstIndex(of: state.focus) ?? 0
            state.focus = order[(index + 1) % order.count]
            if state.focus == .sidebar, let current = ConsoleService.allCases.firstIndex(of: state.service) {
                state.sidebarSelection = current
            }
            return []
        case .backPressed:
            if state.focus != .main {
                state.focus = .main
                return []
            }
            return state.service.panel?.back(&state) ?? []
        case .refreshPressed:
            return state.service.panel?.refresh(&state) ?? []
        case .logPaneToggled:
            return LogPaneReducer.toggled(&state)
        case .logPaneCleared:
            state.logTail.lines.removeAll()
            return []
        case .logPaneWrapToggled:
            state.logTail.wraps.toggle()
            return []
        case .logPaneResized(let delta):
            state.logPane.resize(by: delta)
            return []
        case .logPane(let action):
            return LogPaneReducer.reduce(&state, action)
        case .sidebarMoved(let delta):
            state.sidebarSelection = min(max(0, state.sidebarSelection + delta), ConsoleService.allCases.count - 1)
            return []
        case .serviceChosen(let service):
            state.service = service
            state.sidebarSelection = ConsoleService.allCases.firstIndex(of: service) ?? 0
            state.focus = .main
            state.filterInput = nil
            return service.panel?.opened(&state) ?? []
        case .buckets(let action):
            return BucketsReducer.reduce(&state, action)
        case .functions(let action):
            return FunctionsReducer.reduce(&state, action)
        case .endpointChanged(let status):
            state.endpoint = status
            if case .failed(let why)? = status { state.toast("The endpoint is not serving: \(why)", kind: .warning) }
            return []
        case .identityChanged(let identity):
            return ActAs.changed(&state, identity)
        case .identityChangeFailed(let error), .profileFailed(let error):
            state.toast(error)
            return []
        case .profileWritten(let text):
            state.toast(text, kind: .success)
            return []
        case .interruptedUploadsCleaning(let bytes):
            state.toast("Cleaning up an upload interrupted earlier (\(Formatting.bytes(bytes)))…", kind: .info)
            return []
        case .interruptedUploadsCleaned(let bytes):
            state.toast("Cleaned up an interrupted upload: \(Formatting.bytes(bytes)) freed.")
            return []
        case .roles(let action):
            return RolesReducer.reduce(&state, action)
        case .policies(let action):
            return PoliciesReducer.reduce(&state, action)
        case .users(let action):
            return UsersReducer.reduce(&state, action)
        case .simulator(let action):
            return SimulatorReducer.reduce(&state, action)
        case .logGroups(let action):
            return LogGroupsReducer.reduce(&state, action)
        case .insights(let action):
            return InsightsReducer.reduce(&state, action)
        }
    }

    // MARK: - Keys

    static func handle(_ state: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        if case .resize(let size) = event { return reduce(&state, .resized(size)) }
        guard state.fitsScreen else {
            if event.key == "q" || event.key == "ctrl+c" { state.shouldQuit = true }
            return []
        }
        if event.key == "ctrl+c" { return reduce(&state, .quitPressed) }
        if let overlay = state.overlay { return handleOverlay(&state, overlay, event) }
        if state.filterInput != nil { return handleFilter(&state, event) }
        if state.focus == .logs, state.logTail.filter.input != nil { return reduce(&state, .logPane(.filterKey(event))) }
        if state.focus == .main, let action = state.service.panel?.dialogKey(state, event),
           event.key.map({ !isBound($0, state) }) ?? true {
            return reduce(&state, action)
        }
        guard let key = event.key else { return [] }
        let table = ConsoleBindings.table(for: state)
        switch table.lookup(key) {
        case .action(let action):
            return reduce(&state, action)
        case .disabled(let reason, let label):
            state.toast("\(label): \(reason).", kind: .warning)
            return []
        case .unbound:
            return []
        }
    }

    private static func isBound(_ key: Key, _ state: ConsoleState) -> Bool {
        if case .unbound = ConsoleBindings.table(for: state).lookup(key) { return false }
        return true
    }

    private static func handleOverlay(_ state: inout ConsoleState, _ overlay: ConsoleOverlay, _ event: KeyEvent) -> [ConsoleEffect] {
        switch overlay {
        case .help(let scroll):
            if let scrolled = scrolledOverlay(scroll, event) { state.overlay = scrolled.map(ConsoleOverlay.help) }
            return []
        case .messages(let scroll):
            if let scrolled = scrolledOverlay(scroll, event) { state.overlay = scrolled.map(ConsoleOverlay.messages) }
            return []
        case .commandLine(var input):
            if event.key == .tab {
                if let first = CommandCompletion.candidates(for: input.text).first { input.setText(first) }
                state.overlay = .commandLine(input)
                return []
            }
            switch input.handle(event) {
            case .submitted:
                return reduce(&state, .commandSubmitted(input.text))
            case .cancelled:
                state.overlay = nil
            default:
                state.overlay = .commandLine(input)
            }
            return []
        }
    }

    /// The keys of a read-only overlay: nil when the key means nothing, `.some(nil)` when it closes, else the new scroll.
    private static func scrolledOverlay(_ scroll: Int, _ event: KeyEvent) -> Int?? {
        switch event.key {
        case "esc", "?", "q", "enter": return .some(nil)
        case "j", "down": return scroll + 1
        case "k", "up": return max(0, scroll - 1)
        case "pgdn", "space": return scroll + 10
        case "pgup": return max(0, scroll - 10)
        default: return nil
        }
    }

    private static func handleFilter(_ state: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard var input = state.filterInput else { return [] }
        switch input.handle(event) {
        case .submitted:
            state.filterInput = nil
            return []
        case .cancelled:
            state.filterInput = nil
            return filterChanged(&state, "")
        case .edited:
            state.filterInput = input
            return filterChanged(&state, input.text)
        default:
            state.filterInput = input
            return []
        }
    }

    private static func filterChanged(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        guard let panel = state.service.panel else { return [] }
        return reduce(&state, panel.filterChanged(text))
    }

    // MARK: - Command line

    private static func runCommand(_ state: inout ConsoleState, _ typed: String) -> [ConsoleEffect] {
        if let target = ActAs.target(of: typed) { return ActAs.requested(&state, target) }
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return [] }
        let command = CommandCompletion.resolve(text)
        switch command {
        case "q", "quit", "q!", "exit":
            return reduce(&state, .quitPressed)
        case "messages":
            state.overlay = .messages(scroll: 0)
            return []
        case "profile":
            return [.writeAWSProfile]
        case let name?:
            if let service = ConsoleService.named(name) {
                service.panel?.showTopLevel(&state)
                return reduce(&state, .serviceChosen(service))
            }
            fallthrough
        default:
            state.toast("Unknown command :\(typed). Try " + CommandCompletion.summary + ".", kind: .error)
            return []
        }
    }
}

/// What the `:` command line accepts, and how it completes.
public enum CommandCompletion {
    /// Every command word, canonical names first.
    public static let words: [String] = ConsoleService.allCases.flatMap(\.commands) + ["as", "messages", "profile", "quit", "q"]

    /// The commands starting with what was typed, canonical names first.
    public static func candidates(for typed: String) -> [String] {
        let lower = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !lower.isEmpty else { return ConsoleService.allCases.map { $0.commands[0] } + ["q"] }
        return words.filter { $0.hasPrefix(lower) }
    }

    /// The command meant: an exact word, or the only candidate; nil when unknown or ambiguous.
    static func resolve(_ text: String) -> String? {
        if words.contains(text) || text == "q!" || text == "exit" { return text }
        let matches = candidates(for: text)
        let services = Set(matches.compactMap { ConsoleService.named($0) })
        if services.count == 1, let first = matches.first { return first }
        return matches.count == 1 ? matches[0] : nil
    }

    static let summary = ":buckets (:s3), :functions (:lambda), :roles, :policies, :users, :simulator, :logs, :insights, :as NAME, :messages or :q"
}
