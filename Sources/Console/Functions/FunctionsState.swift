import CloudEngine
import Foundation
import TerminalUI

/// Everything the Functions panel shows: the function list, one function's tabs, a log stream, and dialogs.
///
/// The screens stack: the list, then a function (with its tabs), then a log
/// stream opened from its Invocations tab; Esc pops the top one. A dialog
/// (`modal`) sits above them all and takes the keys.
public struct FunctionsState: Sendable {
    public var functions: [FunctionConfiguration] = []
    /// The newest invocation of each function, for the list's last column.
    public var latest: [String: InvocationRecord] = [:]
    public var table = TableState<String>(rows: [])
    public var loaded = false
    public var loadError: ConsoleError?
    public var detail: FunctionDetailState?
    public var modal: FunctionsModal?
    /// The local python3 that serves every python runtime ("Python 3.11.7"), or why there is none.
    public var pythonVersion: String?
    /// Whether workers run sandboxed on this system (shown on the Configuration tab).
    public var sandbox: WorkerSandboxStatus?
    /// The create form as it was submitted, given back with the error if creating fails.
    public var submittedCreateForm: FormState?
    /// The warning that workers cannot be sandboxed is shown once per session.
    public var sandboxWarningShown = false
    /// What the create form and the configuration form offer as execution roles.
    public var lambdaRoles: [IAMRole] = []
    /// What the trigger form offers.
    public var bucketNames: [String] = []

    public init() {}

    public var screen: FunctionsScreen {
        if detail != nil { return .function }
        return .list
    }

    public var selectedFunction: FunctionConfiguration? {
        table.selectedID.flatMap { name in functions.first { $0.functionName == name } }
    }
}

/// Which of the Functions panel's screens is showing.
public enum FunctionsScreen: Sendable, Hashable {
    case list
    case function
}

/// The tabs of a function, in the order they are shown (1-5 jump to them).
public enum FunctionTab: Int, CaseIterable, Sendable, Hashable {
    case code
    case configuration
    case test
    case triggers
    case invocations

    public var title: String {
        switch self {
        case .code: return "Code"
        case .configuration: return "Configuration"
        case .test: return "Test"
        case .triggers: return "Triggers"
        case .invocations: return "Invocations"
        }
    }
}

/// One function, open: its configuration and what each tab has loaded.
public struct FunctionDetailState: Sendable {
    public var name: String
    public var tab: FunctionTab = .code
    public var configuration: FunctionConfiguration?
    public var error: ConsoleError?
    // Code
    public var files: [CodeFile] = []
    public var fileIndex = 0
    public var codeScroll = 0
    /// Columns scrolled sideways (h/l), for lines wider than the screen.
    public var codeColumn = 0
    // Test
    public var savedEvents: [FunctionTestEvent] = []
    public var eventIndex = 0
    public var invoking: InvokingState?
    public var result: TestResult?
    public var resultScroll = 0
    // Triggers
    public var triggers: [S3Trigger] = []
    public var triggerIndex = 0
    /// What the triggers' buckets recently sent this function, newest first.
    public var deliveries: [S3EventDelivery] = []
    // Configuration
    public var permissions: [PermissionSummary] = []
    /// Published version numbers, oldest first.
    public var versions: [String] = []
    /// The first row of the Configuration tab shown (it scrolls when settings outgrow the screen).
    public var configurationScroll = 0
    // Invocations
    public var invocations: [InvocationRecord] = []
    public var invocationIndex = 0

    public init(name: String, tab: FunctionTab = .code) {
        self.name = name
        self.tab = tab
    }

    /// Test events in the list: the templates first, then the saved ones.
    public var testEvents: [TestEventChoice] {
        TestEventTemplate.all.map { .template($0) } + savedEvents.map { .saved($0) }
    }

    public var selectedTestEvent: TestEventChoice? {
        let events = testEvents
        return events.indices.contains(eventIndex) ? events[eventIndex] : nil
    }

    public var currentFile: CodeFile? {
        files.indices.contains(fileIndex) ? files[fileIndex] : nil
    }

    public var selectedTrigger: S3Trigger? {
        triggers.indices.contains(triggerIndex) ? triggers[triggerIndex] : nil
    }

    public var selectedInvocation: InvocationRecord? {
        invocations.indices.contains(invocationIndex) ? invocations[invocationIndex] : nil
    }
}

/// A file of the function's code, decoded for reading.
public struct CodeFile: Sendable, Hashable {
    public var path: String
    public var data: Data
    /// Nil when the file is not UTF-8 text (shown as binary).
    public var text: String?
    /// The text coloured for its language, one entry per line (computed once, off the UI thread).
    public var lines: [[TextSpan]]

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
        let text = String(data: data, encoding: .utf8)
        self.text = text
        var lines = text.map { SyntaxHighlighter.highlight($0, language: SyntaxHighlighter.language(forFileName: path)) } ?? []
        // A file ending in a newline has no last line to show.
        if lines.count > 1, text?.hasSuffix("\n") == true {
            lines.removeLast()
        }
        self.lines = lines
    }

    public var lineCount: Int { lines.count }
}

/// A test event in the Test tab: one of the console's templates, or one the person saved.
public enum TestEventChoice: Sendable, Equatable {
    case template(TestEventTemplate)
    case saved(FunctionTestEvent)

    public var name: String {
        switch self {
        case .template(let template): return template.title
        case .saved(let event): return event.name
        }
    }

    public var payload: String {
        switch self {
        case .template(let template): return template.payload
        case .saved(let event): return event.payload
        }
    }
}

/// An invocation in flight from the Test tab.
public struct InvokingState: Sendable, Hashable {
    public var eventName: String
    public var startedAt: Double
}

/// What the Test tab shows after `i`: the response, the figures and this request's log lines.
public struct TestResult: Sendable, Hashable {
    public var eventName: String
    public var requestID: String
    public var succeeded: Bool
    /// `Unhandled` when the handler raised; nil on success.
    public var functionError: String?
    public var statusCode: Int
    public var payload: String
    public var logLines: [String]
    /// From the REPORT line: "Duration: 1.23 ms" and the rest, when the log tail has it.
    public var report: InvocationReport?
    /// The call itself failed (no permission, no function, throttled): nothing ran.
    public var callError: ConsoleError?

    public init(eventName: String, requestID: String, succeeded: Bool, functionError: String?, statusCode: Int,
                payload: String, logLines: [String], report: InvocationReport?, callError: ConsoleError? = nil) {
        self.eventName = eventName
        self.requestID = requestID
        self.succeeded = succeeded
        self.functionError = functionError
        self.statusCode = statusCode
        self.payload = payload
        self.logLines = logLines
        self.report = report
        self.callError = callError
    }
}

/// The figures of Lambda's REPORT line.
public struct InvocationReport: Sendable, Hashable {
    public var duration: String
    public var billedDuration: String
    public var memorySize: String
    public var maxMemoryUsed: String
    public var initDuration: String?

    /// Reads `REPORT RequestId: …\tDuration: 1.23 ms\tBilled Duration: 2 ms\t…`.
    public static func parse(_ line: String) -> InvocationReport? {
        guard line.hasPrefix("REPORT ") else { return nil }
        var fields: [String: String] = [:]
        for part in line.split(separator: "\t") {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let key = part[..<colon].trimmingCharacters(in: .whitespaces)
            fields[key] = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let duration = fields["Duration"], let billed = fields["Billed Duration"] else { return nil }
        return InvocationReport(duration: duration, billedDuration: billed, memorySize: fields["Memory Size"] ?? "",
                                maxMemoryUsed: fields["Max Memory Used"] ?? "", initDuration: fields["Init Duration"])
    }
}

/// The Functions panel's dialogs; each takes the keys while it is open.
public enum FunctionsModal: Sendable {
    case createFunction(FormState)
    case configuration(FormState)
    case addTrigger(FormState)
    case saveTestEvent(FormState, payload: String)
    case publishVersion(FormState)
    case confirmDeleteFunction(ConfirmationState)
    case confirmDeleteTestEvent(ConfirmationState, function: String, event: String)
    case confirmRemoveTrigger(ConfirmationState, function: String, trigger: S3Trigger)
    /// Work in progress that cannot be interrupted (creating a role and a function).
    case working(title: String, message: String)
}
