import CloudEngine
import Foundation
import TerminalUI

/// What happened in the Users panel: key presses by name, and engine results.
public enum UsersAction: Sendable {
    // MARK: - What the person did
    case table(TableCommand)
    case listChosen(UsersList)
    case listToggled
    case openPressed
    case newPressed
    case deletePressed
    /// `D` in a detail: delete the user or group itself.
    case deleteEntityPressed
    case attachPressed
    case inlinePressed
    case editPressed
    case addPressed
    case toggleKeyPressed
    case tabChosen(IdentityTab)
    case tabMoved(Int)
    case documentScrolled(Int)
    /// A key while a dialog is open; the dialog decides what it means.
    case dialogKeyPressed(KeyEvent)
    case filterChanged(String)

    // MARK: - What the engine (or the editor) answered
    case listed(users: [UserSummary], groups: [GroupSummary])
    case listFailed(ConsoleError)
    case detailLoaded(IdentityDetailData)
    case detailLoadFailed(IAMEntity, ConsoleError)
    case policyChoicesLoaded([PolicyChoice])
    case policyChoicesFailed(ConsoleError)
    case userCreated(IAMUser)
    case groupCreated(IAMGroup)
    case createFailed(ConsoleError)
    case userDeleted(String)
    case groupDeleted(String)
    case policiesAttached(IAMEntity, names: [String])
    case policyDetached(IAMEntity, name: String)
    case inlinePolicySaved(IAMEntity, name: String)
    case inlinePolicyDeleted(IAMEntity, name: String)
    case membershipAdded(user: String, group: String)
    case membershipRemoved(user: String, group: String)
    case keyCreated(AccessKey)
    case keyStatusChanged(user: String, id: String, AccessKeyStatus)
    case keyDeleted(user: String, id: String)
    case documentEdited(PolicyDocumentEdit, text: String)
    /// The engine refused a document from the editor: offer to edit it again with the text kept.
    case documentRefused(PolicyDocumentEdit, ConsoleError)
    case actionFailed(ConsoleError)
}

/// A user to create, as the form describes it.
public struct UserCreateRequest: Sendable, Equatable {
    public var name: String
    public var path: String
    public var tags: [IAMTag]

    public init(name: String, path: String, tags: [IAMTag]) {
        self.name = name
        self.path = path
        self.tags = tags
    }
}

/// Engine work for the Users panel, run off the UI thread (`editDocument` by the loop, which hands the
/// terminal to the editor).
public enum UsersEffect: Sendable, Equatable {
    case list
    case loadDetail(IAMEntity)
    case loadPolicyChoices
    case createUser(UserCreateRequest)
    case createGroup(name: String, path: String)
    case deleteUser(String)
    case deleteGroup(String, detachingEverything: Bool)
    case attachPolicies(IAMEntity, arns: [String])
    case detachPolicy(IAMEntity, arn: String, name: String)
    case putInlinePolicy(IAMEntity, name: String, document: String, fromEditor: Bool)
    case deleteInlinePolicy(IAMEntity, name: String)
    case addToGroup(user: String, group: String)
    case removeFromGroup(user: String, group: String)
    case createKey(user: String)
    case setKeyStatus(user: String, id: String, AccessKeyStatus)
    case deleteKey(user: String, id: String)
    case editDocument(PolicyDocumentEdit)
}
