import CloudEngine
import Foundation
import TerminalUI

/// Everything that can happen to the console: what the person did, and what the engine answered.
///
/// Keys arrive as `keyPressed`; the reducer looks them up in the current
/// view's binding table and turns them into the named actions below.
public enum ConsoleAction: Sendable {
    // MARK: - From the terminal and the loop
    case keyPressed(KeyEvent)
    case resized(Size)
    /// The loop's clock, once per iteration: expires toasts and times transfers.
    case ticked(now: Double)
    /// The account changed (this process or, when `external`, another one).
    case accountChanged(Set<ChangeTopic>, external: Bool)

    // MARK: - What the person did (shell)
    case quitPressed
    case commandLineOpened
    case commandSubmitted(String)
    case helpOpened
    case filterOpened
    case focusNextPanePressed
    case backPressed
    case refreshPressed
    case logPaneToggled
    case logPaneCleared
    case logPaneWrapToggled
    case logPaneResized(Int)
    /// Keys and answers of the live log pane (`LogPane/`).
    case logPane(LogPaneAction)
    case sidebarMoved(Int)
    case serviceChosen(ConsoleService)
    /// The endpoint started, stopped or could not start.
    case endpointChanged(EndpointStatus?)
    /// `:as` answered: the console now acts as this principal.
    case identityChanged(ConsoleIdentity)
    case identityChangeFailed(ConsoleError)
    /// `:profile` answered: what was written, or why not.
    case profileWritten(String)
    case profileFailed(ConsoleError)
    /// Clean-up of interrupted uploads: started (with the bytes to free) and finished.
    case interruptedUploadsCleaning(bytes: Int64)
    case interruptedUploadsCleaned(bytes: Int64)

    // MARK: - Panels
    case buckets(BucketsAction)
    case functions(FunctionsAction)
    case roles(RolesAction)
    case policies(PoliciesAction)
    case users(UsersAction)
    case simulator(SimulatorAction)
    case logGroups(LogGroupsAction)
    case insights(InsightsAction)
}

/// Work for the effect runner: engine calls and file-system reads, done off the UI thread.
///
/// Results come back as actions. Each effect is run as the console's
/// current identity, which the runner is handed with the effect.
public enum ConsoleEffect: Sendable, Equatable {
    case buckets(BucketsEffect)
    case functions(FunctionsEffect)
    case roles(RolesEffect)
    case policies(PoliciesEffect)
    case users(UsersEffect)
    case simulator(SimulatorEffect)
    case logGroups(LogGroupsEffect)
    case insights(InsightsEffect)
    /// The live log pane's bounded reads and its group picker's list (`LogPane/`).
    case logPane(LogPaneEffect)
    /// `:as TARGET`: a user, a role (assumed as the current identity) or root.
    case actAs(String)
    /// Frees what uploads interrupted in an earlier session left behind (the console opens without waiting for it).
    case cleanUpInterruptedUploads
    /// `:profile`: writes the aws CLI's `overcast` profile for the endpoint this console serves.
    case writeAWSProfile
}
