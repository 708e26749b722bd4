import CloudEngine
import Foundation
import TerminalUI

/// A thread-safe queue of actions: effects and change observers post, the UI loop drains.
public final class ActionMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [ConsoleAction] = []

    public init() {}

    public func post(_ action: ConsoleAction) {
        lock.withLock { actions.append(action) }
    }

    public func drain() -> [ConsoleAction] {
        lock.withLock {
            defer { actions.removeAll(keepingCapacity: true) }
            return actions
        }
    }

    /// What arrived, with every `accountChanged` merged into one at the end: a burst of writes reloads once,
    /// after the results that caused it were taken in. The app and the test harness drain the same way.
    public func drainCoalescingChanges() -> [ConsoleAction] {
        var changed: Set<ChangeTopic> = []
        var external = false
        var others: [ConsoleAction] = []
        for action in drain() {
            if case .accountChanged(let topics, let isExternal) = action {
                changed.formUnion(topics)
                external = external || isExternal
            } else {
                others.append(action)
            }
        }
        if !changed.isEmpty { others.append(.accountChanged(changed, external: external)) }
        return others
    }
}

/// Set when the person presses Ctrl-C (SIGINT), so the loop can quit and restore the terminal itself.
public final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    public var isRaised: Bool { lock.withLock { raised } }

    public func raise() { lock.withLock { raised = true } }

    /// Takes SIGINT and SIGTERM over from the default handlers (before the terminal starts, so ncurses leaves them alone).
    public func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.raise() }
            source.resume()
            sources.append(source)
        }
    }
}

/// The console's UI loop: keys in, actions through the reducer, effects out to the runner, frames to the terminal.
///
/// The loop never waits on the engine: it reads keys with a short timeout,
/// drains the results effects have posted, and redraws only when the frame changed.
public final class ConsoleApp {
    private let account: Account
    private let terminal: any Terminal
    public private(set) var state: ConsoleState
    private let mailbox = ActionMailbox()
    private var runner: EffectRunner
    private let clock: () -> Double
    private let interrupt: InterruptFlag?
    private let editor: ExternalEditor

    public init(account: Account, terminal: any Terminal, identity: ConsoleIdentity = .root,
                workingDirectory: String = FileManager.default.currentDirectoryPath,
                interrupt: InterruptFlag? = nil, editor: ExternalEditor = .fromEnvironment(),
                clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.account = account
        self.terminal = terminal
        self.clock = clock
        self.interrupt = interrupt
        self.editor = editor
        self.state = ConsoleState(account: account, size: .zero, now: clock(), identity: identity,
                                  workingDirectory: workingDirectory)
        state.insights.historyPath = InsightsHistoryFile.defaultPath()
        let mailbox = self.mailbox
        self.runner = EffectRunner(account: account, mode: .background) { mailbox.post($0) }
    }

    /// Runs until the person quits; the terminal is given back as it was, even on error.
    public func run() throws {
        try terminal.start()
        defer { terminal.stop() }
        state.size = terminal.size
        let mailbox = self.mailbox
        let subscription = account.changes.subscribe { change in
            mailbox.post(.accountChanged(change.topics, external: change.external))
        }
        let monitor = ExternalChangeMonitor(account: account)
        monitor.start(interval: ExternalChangeMonitor.consoleInterval)
        defer {
            monitor.stop()
            subscription.cancel()
        }
        perform(ConsoleReducer.start(&state))
        var lastFrame: ScreenBuffer?
        while !state.shouldQuit {
            drainMailbox()
            let endpoint = Self.endpointStatus(account)
            if endpoint != state.endpoint { dispatch(.endpointChanged(endpoint)) }
            let toasts = state.toasts.count
            dispatch(.ticked(now: clock()))
            // The clock alone changes nothing on screen unless a toast expired or a transfer shows its rate.
            if state.toasts.count != toasts || state.buckets.transfer != nil || state.functions.detail?.invoking != nil {
                needsRender = true
            }
            if interrupt?.isRaised == true { break }
            if state.shouldQuit { break }
            if forceRedraw {
                lastFrame = nil
                forceRedraw = false
            }
            if needsRender || lastFrame == nil {
                let frame = ConsoleView.render(state)
                if frame != lastFrame {
                    terminal.draw(frame)
                    lastFrame = frame
                }
                needsRender = false
            }
            guard let event = terminal.readEvent(timeoutMs: 50) else { continue }
            dispatch(.keyPressed(event))
            // Keys typed faster than a frame (a burst, key repeat) are handled before the next draw.
            var burst = 0
            while burst < 64, !state.shouldQuit, let next = terminal.readEvent(timeoutMs: 0) {
                dispatch(.keyPressed(next))
                burst += 1
            }
        }
    }

    private func drainMailbox() {
        for action in mailbox.drainCoalescingChanges() { dispatch(action) }
    }

    private var needsRender = true

    private func dispatch(_ action: ConsoleAction) {
        if case .ticked = action {} else { needsRender = true }
        perform(ConsoleReducer.reduce(&state, action))
    }

    private func perform(_ effects: [ConsoleEffect]) {
        for effect in effects {
            if ExternalEditor.isEdit(effect) {
                runEditor(effect)
            } else {
                runner.run(effect, as: state.identity)
            }
        }
    }

    /// The editor gets the terminal: the screen is given back, the editor runs, and the console repaints.
    private func runEditor(_ effect: ConsoleEffect) {
        terminal.suspend()
        let result = editor.perform(effect)
        terminal.resume()
        mailbox.post(.resized(terminal.size))
        needsRender = true
        forceRedraw = true
        if let result { mailbox.post(result) }
    }

    /// Set after the terminal was handed away: the next frame is drawn even if it equals the last.
    private var forceRedraw = false

    /// What the account's endpoint is doing, as the header shows it.
    static func endpointStatus(_ account: Account) -> EndpointStatus? {
        if let url = account.endpoint.url { return .serving(url) }
        return account.endpoint.problem.map(EndpointStatus.failed)
    }
}
