import CloudEngine
import Foundation
import TerminalUI

/// What happened in the Policies panel: key presses by name, and engine results.
public enum PoliciesAction: Sendable {
    // MARK: - What the person did
    case table(TableCommand)
    case openPressed
    case typeFilterToggled
    case filterChanged(String)
    case scrolled(PreviewScroll)
    /// `[` and `]`: the next older (1) or newer (-1) version's document.
    case versionMoved(Int)
    case versionsPressed
    case newPressed
    case editPressed
    case makeDefaultPressed
    case deletePressed
    case deleteVersionPressed
    /// A key while a dialog is open; the dialog's widget decides what it means.
    case dialogKeyPressed(KeyEvent)
    case deletePolicyConfirmed(arn: String)
    case deleteVersionConfirmed(arn: String, versionID: String)

    // MARK: - What the engine (or the editor) answered
    case policiesLoaded([IAMManagedPolicy])
    case policiesLoadFailed(ConsoleError)
    case detailLoaded(PolicyDetailData)
    case detailLoadFailed(arn: String, ConsoleError)
    /// Where a policy about to be deleted is attached (nil: the caller may not list them).
    case attachmentsLoaded(arn: String, [IAMEntity]?)
    case documentEdited(PolicyDocumentPurpose, String)
    /// The editor came back with the document as it was.
    case documentUnchanged(PolicyDocumentPurpose)
    case editorFailed(PolicyDocumentPurpose, ConsoleError)
    /// The editor saved bytes that are not UTF-8 text.
    case documentNotText(PolicyDocumentPurpose)
    case policyCreated(IAMManagedPolicy)
    case policyCreateFailed(ConsoleError, document: String)
    case versionCreated(arn: String, ManagedPolicyVersion)
    case versionCreateFailed(arn: String, ConsoleError, document: String)
    case defaultVersionSet(arn: String, versionID: String)
    case versionDeleted(arn: String, versionID: String)
    case policyDeleted(arn: String, name: String)
    case actionFailed(ConsoleError)
}

/// One policy's detail, loaded together.
public struct PolicyDetailData: Sendable {
    public var policy: IAMManagedPolicy
    /// Newest first, each with its document laid out for reading.
    public var versions: [PolicyVersionDocument]
    /// Nil when the caller may not list them (iam:ListEntitiesForPolicy).
    public var attachments: [IAMEntity]?

    public init(policy: IAMManagedPolicy, versions: [PolicyVersionDocument], attachments: [IAMEntity]?) {
        self.policy = policy
        self.versions = versions
        self.attachments = attachments
    }
}

/// A version of a policy with its document pretty-printed and coloured (once, off the UI thread).
public struct PolicyVersionDocument: Sendable, Equatable {
    public var version: ManagedPolicyVersion
    public var lines: [[TextSpan]]

    public init(_ version: ManagedPolicyVersion) {
        self.version = version
        let pretty = JSONLayout.pretty(version.document) ?? version.document
        var lines = SyntaxHighlighter.highlight(pretty, language: .json)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    public var versionID: String { version.versionID }
    public var isDefault: Bool { version.isDefault }
}

/// Engine work for the Policies panel, run off the UI thread (`editDocument` by the loop, which hands the
/// terminal to the editor).
public enum PoliciesEffect: Sendable, Equatable {
    case listPolicies
    case loadDetail(arn: String)
    /// Where a policy is attached, for the delete confirmation opened from the list.
    case loadAttachments(arn: String)
    case editDocument(PolicyDocumentPurpose, text: String)
    case createPolicy(name: String, description: String, document: String)
    case createVersion(arn: String, document: String)
    case setDefaultVersion(arn: String, versionID: String)
    case deleteVersion(arn: String, versionID: String)
    case deletePolicy(arn: String)
}
