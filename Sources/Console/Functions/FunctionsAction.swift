import CloudEngine
import Foundation
import TerminalUI

/// What happened in the Functions panel: key presses by name, and engine results.
public enum FunctionsAction: Sendable {
    // MARK: - What the person did
    case table(TableCommand)
    case openPressed
    case newPressed
    case deletePressed
    case tabChosen(FunctionTab)
    case tabMoved(Int)
    case scrolled(PreviewScroll)
    case fileMoved(Int)
    /// Sideways in the code, by columns (negative: left).
    case codeShifted(Int)
    case editPressed
    case configurePressed
    case invokePressed
    case saveEventPressed
    case publishPressed
    case publishFormSubmitted(function: String, description: String)
    /// A key while a dialog is open; the dialog's widget decides what it means.
    case dialogKeyPressed(KeyEvent)
    case createFormSubmitted(FunctionCreateRequest)
    case configurationFormSubmitted(name: String, FunctionSettings)
    case triggerFormSubmitted(TriggerRequest)
    case testEventFormSubmitted(function: String, name: String, payload: String)
    case deleteFunctionConfirmed(String)
    case deleteTestEventConfirmed(function: String, event: String)
    case removeTriggerConfirmed(function: String, trigger: S3Trigger)
    case filterChanged(String)

    // MARK: - What the engine (or the editor) answered
    case functionsLoaded([FunctionConfiguration], latest: [String: InvocationRecord])
    case functionsLoadFailed(ConsoleError)
    case choicesLoaded(roles: [IAMRole], buckets: [String], python: String, sandbox: WorkerSandboxStatus? = nil)
    case functionCreated(FunctionConfiguration, roleCreated: String?)
    case functionCreateFailed(ConsoleError)
    case functionDeleted(String)
    case functionDeleteFailed(ConsoleError)
    case detailLoaded(FunctionDetailData)
    case detailLoadFailed(name: String, ConsoleError)
    case activityLoaded(name: String, invocations: [InvocationRecord], deliveries: [S3EventDelivery])
    case configurationSaved(FunctionConfiguration)
    case configurationSaveFailed(ConsoleError)
    case codeEdited(function: String, path: String, contents: Data)
    case editorFailed(ConsoleError)
    case codeSaved(FunctionConfiguration)
    case codeSaveFailed(ConsoleError)
    case versionPublished(FunctionConfiguration)
    case testEventEdited(function: String, name: String, payload: String)
    case testEventSaved(function: String, FunctionTestEvent)
    case testEventSaveFailed(ConsoleError)
    case testEventDeleted(function: String, name: String)
    case invoked(function: String, TestResult)
    case triggerAdded(function: String, S3Trigger)
    case triggerAddFailed(ConsoleError)
    case triggerRemoved(function: String, S3Trigger)
    case actionFailed(ConsoleError)
    /// Something the person asked for turned out to change nothing (an edit saved unchanged).
    case nothingChanged(String)
}

/// A function to create, as the create form describes it.
public struct FunctionCreateRequest: Sendable, Equatable {
    public var name: String
    public var runtime: String
    public var handler: String
    /// Nil creates a new role with basic Lambda permissions, as the AWS console offers.
    public var roleARN: String?
    public var template: FunctionTemplate

    public init(name: String, runtime: String, handler: String, roleARN: String?, template: FunctionTemplate) {
        self.name = name
        self.runtime = runtime
        self.handler = handler
        self.roleARN = roleARN
        self.template = template
    }
}

/// An S3 trigger to add, as the trigger form describes it.
public struct TriggerRequest: Sendable, Hashable {
    public var function: String
    public var bucket: String
    public var events: [String]
    public var prefix: String
    public var suffix: String

    public init(function: String, bucket: String, events: [String], prefix: String, suffix: String) {
        self.function = function
        self.bucket = bucket
        self.events = events
        self.prefix = prefix
        self.suffix = suffix
    }
}

/// Everything one function's tabs show, loaded together.
public struct FunctionDetailData: Sendable {
    public var configuration: FunctionConfiguration
    public var files: [CodeFile]
    public var testEvents: [FunctionTestEvent]
    public var triggers: [S3Trigger]
    public var invocations: [InvocationRecord]
    /// The function's resource-based policy, a statement a line (empty when it has none).
    public var permissions: [PermissionSummary]
    /// The latest S3 events its triggers' buckets sent it, newest first, and what became of them.
    public var deliveries: [S3EventDelivery]
    /// Published versions ("1", "2", …), oldest first; `$LATEST` is not among them.
    public var versions: [String] = []

    public init(configuration: FunctionConfiguration, files: [CodeFile], testEvents: [FunctionTestEvent],
                triggers: [S3Trigger], invocations: [InvocationRecord], permissions: [PermissionSummary] = [],
                deliveries: [S3EventDelivery] = [], versions: [String] = []) {
        self.configuration = configuration
        self.files = files
        self.testEvents = testEvents
        self.triggers = triggers
        self.invocations = invocations
        self.permissions = permissions
        self.deliveries = deliveries
        self.versions = versions
    }
}

/// Engine work for the Functions panel, run off the UI thread (`editCode` and `editTestEvent` by the loop,
/// which hands the terminal to the editor).
public enum FunctionsEffect: Sendable, Equatable {
    case listFunctions
    case loadChoices
    case createFunction(FunctionCreateRequest)
    case deleteFunction(String)
    case loadDetail(String)
    /// Only what invocations and S3 events change: the Invocations tab and the recent deliveries.
    case loadActivity(String, buckets: [String])
    case updateConfiguration(name: String, FunctionSettings)
    case editCode(function: String, path: String, contents: Data)
    case saveCode(function: String, files: [String: Data])
    case publishVersion(function: String, description: String)
    case editTestEvent(function: String, name: String, payload: String)
    case saveTestEvent(function: String, name: String, payload: String)
    case deleteTestEvent(function: String, name: String)
    case invoke(function: String, eventName: String, payload: String)
    case addTrigger(TriggerRequest)
    case removeTrigger(function: String, S3Trigger)
}
