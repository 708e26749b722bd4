import CloudEngine
import Foundation
import TerminalUI

/// Runs effects against the account, off the UI thread, and sends the results back as actions.
///
/// In `.background` mode engine reads and writes run on one serial queue (in
/// order, so a create is listed by the reload after it) and transfers on
/// their own queue, so a long upload never holds up a listing. In
/// `.inline` mode (tests, benchmarks) `run` does the work before it returns.
public final class EffectRunner: @unchecked Sendable {
    public enum Mode: Sendable {
        case background
        case inline
    }

    private let account: Account
    private let mode: Mode
    private let send: @Sendable (ConsoleAction) -> Void
    private let editor: ExternalEditor
    private let workQueue = DispatchQueue(label: "overcast.console.effects")
    /// Test invocations may run for minutes (a function's timeout): they never hold up listings.
    private let invokeQueue = DispatchQueue(label: "overcast.console.invocations")
    private let transferQueue = DispatchQueue(label: "overcast.console.transfers")
    /// Insights queries may scan for a while: they never hold up listings, and a newer run's answer wins.
    private let queryQueue = DispatchQueue(label: "overcast.console.queries")
    private let lock = NSLock()
    private var cancelled: Set<Int> = []
    /// Bumped by each object-page request: a table waits only for its latest, so older ones are skipped.
    private var objectsGeneration = 0

    public init(account: Account, mode: Mode, editor: ExternalEditor = .unavailable,
                send: @escaping @Sendable (ConsoleAction) -> Void) {
        self.account = account
        self.mode = mode
        self.editor = editor
        self.send = send
    }

    /// Starts `effect` as `identity`; its results arrive through `send`.
    public func run(_ effect: ConsoleEffect, as identity: ConsoleIdentity) {
        if case .buckets(.cancelTransfer(let id)) = effect {
            lock.withLock { _ = cancelled.insert(id) }
            return
        }
        let caller = identity.caller
        var generation: Int?
        if case .buckets(.loadObjects) = effect {
            generation = lock.withLock {
                objectsGeneration += 1
                return objectsGeneration
            }
        }
        let work: @Sendable () -> Void = { [self, generation] in
            if let generation, generation != lock.withLock({ objectsGeneration }) { return }
            perform(effect, caller: caller)
        }
        switch mode {
        case .inline:
            work()
        case .background:
            switch effect {
            case .buckets(.upload), .buckets(.download), .buckets(.emptyAndDeleteBucket), .buckets(.deleteObjects),
                 .cleanUpInterruptedUploads:
                transferQueue.async(execute: work)
            case .functions(.invoke): invokeQueue.async(execute: work)
            case .insights(.runQuery): queryQueue.async(execute: work)
            default: workQueue.async(execute: work)
            }
        }
    }

    /// Waits until every effect started so far has finished (for tests of the background mode).
    public func drain() {
        workQueue.sync {}
        transferQueue.sync {}
        invokeQueue.sync {}
        queryQueue.sync {}
    }

    private func isCancelled(_ id: Int) -> Bool {
        lock.withLock { cancelled.contains(id) }
    }

    // MARK: - Effects

    private func perform(_ effect: ConsoleEffect, caller: Caller) {
        switch effect {
        case .buckets(let effect):
            BucketsEffects(account: account, caller: caller, send: send, isCancelled: { [self] in isCancelled($0) }).perform(effect)
        case .logPane(let effect):
            LogPaneEffects(account: account, caller: caller, send: send).perform(effect)
        case .cleanUpInterruptedUploads:
            guard let found = try? account.storage.abandonedUploads(), !found.bodies.isEmpty else { return }
            send(.interruptedUploadsCleaning(bytes: found.bytes))
            if let freed = try? account.storage.discardAbandonedUploads() {
                _ = try? account.reclaimFreePages()
                send(.interruptedUploadsCleaned(bytes: freed))
            }
        case .writeAWSProfile:
            do {
                send(.profileWritten(try account.writeAWSProfile()))
            } catch {
                send(.profileFailed(ConsoleError(error)))
            }
        case .actAs(let target):
            do {
                send(.identityChanged(try ActAs.resolve(target, account: account, current: caller)))
            } catch {
                send(.identityChangeFailed(ConsoleError(error)))
            }
        case .functions(let effect):
            FunctionsEffects(account: account, caller: caller, editor: editor, send: send).perform(effect)
        case .roles(let effect):
            RolesEffects(account: account, caller: caller, editor: editor, send: send).perform(effect)
        case .policies(let effect):
            PoliciesEffects(account: account, caller: caller, editor: editor, send: send).perform(effect)
        case .users(let effect):
            UsersEffects(account: account, caller: caller, editor: editor, send: send).perform(effect)
        case .simulator(let effect):
            SimulatorEffects(account: account, caller: caller, editor: editor, send: send).perform(effect)
        case .logGroups(let effect):
            LogGroupsEffects(account: account, caller: caller, send: send).perform(effect)
        case .insights(let effect):
            InsightsEffects(account: account, caller: caller, send: send).perform(effect)
        }
    }
}
