import CloudEngine
import Foundation
import TerminalUI

/// Who the console acts as: one value, so switching to an IAM user or role later changes every call at once.
public struct ConsoleIdentity: Sendable, Hashable {
    public var caller: Caller
    /// How the header names it ("root", "user alice", "role reader/session").
    public var label: String

    public init(caller: Caller, label: String) {
        self.caller = caller
        // What the console does is the console's in the activity trail, whoever it acts as.
        self.caller.origin = .console
        self.label = label
    }

    public static let root = ConsoleIdentity(caller: .root, label: "root")
}

/// Which pane has the keyboard.
public enum ConsolePane: Sendable, Hashable {
    case sidebar
    case main
    case logs
}

/// What is drawn over the panel and takes the keys first.
public enum ConsoleOverlay: Sendable, Hashable {
    case help(scroll: Int)
    /// `:messages`: every toast of the session, whole.
    case messages(scroll: Int)
    case commandLine(TextInputState)
}

/// The whole console: what is shown, where the focus is, and the state of each panel.
///
/// Rendering reads only this (and the size in it), so every screen is a
/// pure function of a value that tests can build and compare.
public struct ConsoleState: Sendable {
    public var size: Size
    /// Seconds since 1970 on the loop's clock (tests pass a fixed value).
    public var now: Double
    public var accountID: String
    public var region: String
    public var accountPath: String
    /// The account did not exist before this console made it (said once, at start).
    public var accountIsNew = false
    public var identity: ConsoleIdentity
    /// The endpoint this console serves (`http://127.0.0.1:4747`), or why it does not; nil when it was not asked to.
    public var endpoint: EndpointStatus?
    /// Where relative local paths (upload, download) start.
    public var workingDirectory: String
    public var service: ConsoleService = .buckets
    public var sidebarSelection = 0
    public var focus: ConsolePane = .main
    public var overlay: ConsoleOverlay?
    /// The `/` filter line while it is being typed.
    public var filterInput: TextInputState?
    public var logPane = DockedPane(isVisible: false, height: 8)
    public var logTail = LogTailState()
    public var toasts: [Toast] = []
    /// Every toast of the session (the newest 200), with when it was shown, for `:messages`.
    public var messages: [(time: Double, toast: Toast)] = []
    public var buckets = BucketsState()
    public var functions = FunctionsState()
    public var roles = RolesState()
    public var policies = PoliciesState()
    public var users = UsersState()
    public var simulator = SimulatorState()
    public var logGroups = LogGroupsState()
    public var insights = InsightsState()
    public var shouldQuit = false

    public init(size: Size, now: Double, accountID: String, region: String, accountPath: String,
                identity: ConsoleIdentity = .root, workingDirectory: String) {
        self.size = size
        self.now = now
        self.accountID = accountID
        self.region = region
        self.accountPath = accountPath
        self.identity = identity
        self.workingDirectory = workingDirectory
    }

    /// The state for an open account.
    public init(account: Account, size: Size, now: Double, identity: ConsoleIdentity = .root,
                workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.init(size: size, now: now, accountID: account.accountID, region: account.region,
                  accountPath: account.path, identity: identity, workingDirectory: workingDirectory)
        accountIsNew = account.isNew
    }

    /// Whether the terminal is big enough for the layout.
    public var fitsScreen: Bool { size.fits(.minimumTerminal) }

    // MARK: - Messages

    mutating func toast(_ message: String, kind: Toast.Kind = .success) {
        let lifetime: Double = kind == .error ? 10 : 4
        toasts.append(Toast(message, kind: kind, expiresAt: now + lifetime))
        if toasts.count > 6 { toasts.removeFirst(toasts.count - 6) }
        messages.append((now, Toast(message, kind: kind)))
        if messages.count > 200 { messages.removeFirst(messages.count - 200) }
    }

    mutating func toast(_ error: ConsoleError) {
        toast(error.description, kind: .error)
    }
}

/// What the header says of the endpoint.
public enum EndpointStatus: Sendable, Hashable {
    case serving(String)
    case failed(String)
}
