import CloudEngine
import Foundation
import TerminalUI

/// The console without a terminal: state, reducer and effects run inline, for key-script tests and benchmarks.
///
/// Every `press` runs the effects it caused, and the effects those results
/// caused, until nothing is left ("settled"), so a test reads like what a
/// person does and never sleeps. With `autoSettle` off, effects wait in
/// `pendingEffects` until `settle()`, to look at a screen mid-way (an upload in progress).
/// Like the app, it follows the account's change feed: a panel reloads because a write announced itself.
public final class ConsoleHarness {
    public private(set) var state: ConsoleState
    public let account: Account
    public var autoSettle = true
    public private(set) var pendingEffects: [ConsoleEffect] = []
    /// Every effect run so far, in order.
    public private(set) var ranEffects: [ConsoleEffect] = []
    /// Seconds spent running effects (engine work the app does off the UI thread), for benchmarks that time
    /// only what the UI thread would.
    public private(set) var effectSeconds: Double = 0
    private let mailbox = ActionMailbox()
    private var runner: EffectRunner
    private var subscription: ChangeSubscription?

    public init(account: Account, size: Size = Size(width: 120, height: 40), now: Double = 1_767_225_600,
                workingDirectory: String = FileManager.default.currentDirectoryPath, identity: ConsoleIdentity = .root,
                editor: ExternalEditor = .unavailable, announceNewAccount: Bool = false) {
        self.account = account
        self.state = ConsoleState(account: account, size: size, now: now, identity: identity,
                                  workingDirectory: workingDirectory)
        // Test accounts are all new; screens say so only where a test asks.
        state.accountIsNew = account.isNew && announceNewAccount
        let mailbox = self.mailbox
        self.runner = EffectRunner(account: account, mode: .inline, editor: editor) { mailbox.post($0) }
        subscription = account.changes.subscribe { change in
            mailbox.post(.accountChanged(change.topics, external: change.external))
        }
    }

    deinit { subscription?.cancel() }

    /// Opens the console as the real loop does (the buckets panel, loaded).
    public func start() {
        enqueue(ConsoleReducer.start(&state))
        if autoSettle { settle() }
    }

    public func send(_ action: ConsoleAction) {
        enqueue(ConsoleReducer.reduce(&state, action))
        if autoSettle { settle() }
    }

    public func press(_ keys: Key...) {
        for key in keys { send(.keyPressed(.key(key))) }
    }

    /// Types each character of `text` as a key press.
    public func type(_ text: String) {
        for character in text { send(.keyPressed(.key(.character(character)))) }
    }

    public func paste(_ text: String) {
        send(.keyPressed(.paste(text)))
    }

    public func resize(to size: Size) {
        send(.keyPressed(.resize(size)))
    }

    /// Runs pending effects and feeds their results back until nothing is left.
    public func settle() {
        var rounds = 0
        while rounds < 10_000 {
            rounds += 1
            let results = mailbox.drainCoalescingChanges()
            for action in results { enqueue(ConsoleReducer.reduce(&state, action)) }
            guard !pendingEffects.isEmpty else {
                if results.isEmpty { return }
                continue
            }
            let effect = pendingEffects.removeFirst()
            ranEffects.append(effect)
            let started = DispatchTime.now().uptimeNanoseconds
            runner.run(effect, as: state.identity)
            effectSeconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
    }

    /// Edits the state directly (a test that sets up a moment, such as a fixed clock).
    public func update(_ body: (inout ConsoleState) -> Void) {
        body(&state)
    }

    /// The screen as the terminal would show it now.
    public var screen: ScreenBuffer { ConsoleView.render(state) }

    private func enqueue(_ effects: [ConsoleEffect]) {
        for effect in effects {
            // A cancel is a signal, not work: the real runner applies it at once, even while a transfer runs.
            if case .buckets(.cancelTransfer) = effect {
                ranEffects.append(effect)
                runner.run(effect, as: state.identity)
            } else {
                pendingEffects.append(effect)
            }
        }
    }
}
