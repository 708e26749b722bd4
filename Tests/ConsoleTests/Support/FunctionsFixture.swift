import CloudEngine
import Console
import Foundation
import TerminalUI

/// Scene-setting for the Functions panel's tests: a `ConsoleFixture` with helpers for roles, functions,
/// invocation records and log streams, all with fixed names, times and ids.
final class FunctionsFixture {
    let base: ConsoleFixture

    /// Whether python3 is on PATH (invocations run a real python3 worker).
    static let hasPython = ProcessInfo.processInfo.environment["PATH", default: "/usr/bin:/bin"].split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

    /// The trust policy of a role Lambda may assume.
    static let lambdaTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}
        """

    /// A handler that always fails.
    static let failingSource = """
        def lambda_handler(event, context):
            print("about to fail")
            raise ValueError("boom")

        """

    /// What golden screens show as the local python3 (the machine's real version would make them unstable).
    static let pythonVersion = "Python 3.12.0"

    init(size: Size = Size(width: 120, height: 40), editor: ExternalEditor = .unavailable) throws {
        base = try ConsoleFixture(size: size, start: false, editor: editor)
    }

    deinit {
        account.functionRuntime.drainAsyncInvocations()
        account.functionRuntime.shutdown()
        try? FileManager.default.removeItem(atPath: account.functions.codeCacheDirectory)
    }

    var harness: ConsoleHarness { base.harness }
    var account: Account { base.account }
    var clock: ManualClock { base.clock }
    var functions: FunctionsService { account.functions }
    var state: FunctionsState { base.harness.state.functions }
    var detail: FunctionDetailState? { state.detail }
    var screen: String { base.screen }
    var toasts: [Toast] { base.harness.state.toasts }
    var lastToast: String { base.lastToast }

    /// The open dialog's form, if the dialog is a form.
    var form: FormState? {
        switch state.modal {
        case .createFunction(let form), .configuration(let form), .addTrigger(let form): return form
        case .saveTestEvent(let form, _): return form
        default: return nil
        }
    }

    // MARK: - Engine scene-setting

    /// A role at `path` trusting lambda.amazonaws.com (no permissions: fine for screens that never invoke).
    @discardableResult
    func role(_ name: String, path: String = "/") throws -> IAMRole {
        try account.iam.createRole(name, trustPolicy: Self.lambdaTrust, path: path, caller: .root)
    }

    /// Function `name` with a template's code. Without `role`, a basic execution role is created for it
    /// (as the console's "Create a new role" does), so its invocations can write logs.
    @discardableResult
    func function(_ name: String, template: FunctionTemplate = .helloWorld, role: String? = nil,
                  memorySize: Int = 128, timeout: Int = 3, environment: [String: String] = [:]) throws -> FunctionConfiguration {
        let roleARN = try role ?? functions.createBasicExecutionRole(forFunction: name, caller: .root).arn
        return try functions.createFunction(name, runtime: "python3.13", handler: FunctionTemplate.handler, role: roleARN,
                                            code: .files(template.files.mapValues { Data($0.utf8) }),
                                            memorySize: memorySize, timeout: timeout, environment: environment, caller: .root)
    }

    /// The role ARN of `role("plain")`, created on first use: for functions whose tests never need logs.
    var plainRole: String {
        get throws {
            if (try? account.iam.role("plain", caller: .root)) == nil { try role("plain") }
            return "arn:aws:iam::123456789012:role/plain"
        }
    }

    func bucket(_ name: String) throws {
        try base.bucket(name)
    }

    /// A fixed invocation record of `function`, `seconds` after the fixture's start.
    func record(_ function: String, requestID: String, after seconds: TimeInterval, status: InvocationStatus = .success,
                duration: Double = 12.34, initDuration: Double? = nil, errorType: String? = nil, errorMessage: String? = nil,
                response: String? = nil, stream: String? = nil) throws {
        try functions.recordInvocation(InvocationRecord(
            requestID: requestID, functionName: function, startedAt: Date(timeIntervalSince1970: 1_767_225_600 + seconds),
            durationMs: duration, billedDurationMs: Int(duration.rounded(.up)), memorySize: 128, maxMemoryUsedMB: 41,
            initDurationMs: initDuration, status: status, errorType: errorType, errorMessage: errorMessage,
            payloadPreview: "{}", responsePreview: response, logStreamName: stream))
    }

    /// Writes `messages` to `/aws/lambda/FUNCTION`/`stream`, one millisecond apart from `start` (ms since 1970).
    func logStream(_ function: String, _ stream: String, start: Int64, _ messages: [String]) throws {
        let group = "/aws/lambda/\(function)"
        if (try? account.logs.describeLogGroups(prefix: group, caller: .root).items.contains { $0.name == group }) != true {
            try account.logs.createLogGroup(group, caller: .root)
        }
        try account.logs.createLogStream(group: group, stream: stream, caller: .root)
        let events = messages.enumerated().map { InputLogEvent(timestamp: start + Int64($0.offset) * 1, message: $0.element) }
        try account.logs.putLogEvents(group: group, stream: stream, events: events, caller: .root)
    }

    // MARK: - Console steps

    /// Opens the Functions panel (loads the list and the choices).
    func openPanel() {
        harness.send(.serviceChosen(.functions))
    }

    /// Pins the python version and the sandbox shown on screens (the choices effect reads the machine's).
    func pinPython() {
        harness.send(.functions(.choicesLoaded(roles: state.lambdaRoles, buckets: state.bucketNames, python: Self.pythonVersion,
                                               sandbox: WorkerSandboxStatus(landlockABI: 7))))
    }

    /// Moves the list's cursor to `name`.
    func select(_ name: String) {
        harness.press("g")
        while state.table.selectedID != name {
            let before = state.table.selectedID
            harness.press("j")
            if state.table.selectedID == before { break }
        }
    }

    /// Opens function `name` from the list.
    func open(_ name: String, tab: FunctionTab = .code) {
        select(name)
        harness.press("enter")
        if tab != .code { harness.press(Key(.character(Character(String(tab.rawValue + 1))))) }
    }

    /// Moves the Test tab's cursor to the event named `name`.
    func selectEvent(_ name: String) {
        harness.press("home")
        while detail?.selectedTestEvent?.name != name {
            let before = detail?.eventIndex
            harness.press("j")
            if detail?.eventIndex == before { break }
        }
    }

    /// Clears the focused text field of the open form and types `text`.
    func retype(_ text: String) {
        harness.press("ctrl+u", "ctrl+k")
        harness.type(text)
    }
}
