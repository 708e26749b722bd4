import CloudEngine
import TerminalUI

/// What the user did in the log pane, and what its reads answered.
public enum LogPaneAction: Sendable {
    // Keys (the pane has the focus).
    case pauseToggled
    case scrolled(Int)
    /// Pages up (-1) or down (1) by the pane's height.
    case paged(Int)
    case followPressed
    case jsonToggled
    case filterOpened
    case filterKey(KeyEvent)
    case pickerOpened
    case pickerMoved(Int)
    case pickerToggled
    case pickerApplied
    case pickerCancelled

    // Answers.
    case read(generation: Int, LiveTailBatch)
    case readFailed(generation: Int, ConsoleError)
    case groupsListed([String])
    case groupsFailed(ConsoleError)
}

/// What the log pane asks the engine for.
public enum LogPaneEffect: Sendable, Hashable {
    /// The events after `afterID` (nil: the newest), at most `LogTailState.readLimit`.
    case read(generation: Int, prefix: String, groups: Set<String>?, afterID: Int64?)
    /// Every log group's name, for the picker.
    case listGroups
}

/// Runs the log pane's effects against the engine as the console's identity.
struct LogPaneEffects {
    let account: Account
    let caller: Caller
    let send: @Sendable (ConsoleAction) -> Void

    func perform(_ effect: LogPaneEffect) {
        switch effect {
        case .read(let generation, let prefix, let groups, let afterID):
            do {
                let batch = try account.logs.liveTail(groupPrefix: prefix, groups: groups, afterID: afterID,
                                                      limit: afterID == nil ? 200 : LogTailState.readLimit, caller: caller)
                send(.logPane(.read(generation: generation, batch)))
            } catch {
                send(.logPane(.readFailed(generation: generation, ConsoleError(error))))
            }
        case .listGroups:
            do {
                var names: [String] = []
                var token: String?
                repeat {
                    let page = try account.logs.describeLogGroups(limit: 50, nextToken: token, caller: caller)
                    names += page.items.map(\.name)
                    token = page.nextToken
                } while token != nil && names.count < 5000
                send(.logPane(.groupsListed(names)))
            } catch {
                send(.logPane(.groupsFailed(ConsoleError(error))))
            }
        }
    }
}
