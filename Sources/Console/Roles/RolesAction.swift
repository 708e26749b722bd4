import CloudEngine
import Foundation
import TerminalUI

/// What happened in the Roles panel: key presses by name, and engine results.
public enum RolesAction: Sendable {
    // MARK: - What the person did
    case table(TableCommand)
    case openPressed
    case newPressed
    case deletePressed
    /// `D` in a role: delete the role itself, whatever tab is shown.
    case deleteRolePressed
    case attachPressed
    case inlinePressed
    case editPressed
    case tabChosen(RoleTab)
    case tabMoved(Int)
    case permissionMoved(Int)
    case documentScrolled(Int)
    /// A key while a dialog or the wizard is open; the widget decides what it means.
    case dialogKeyPressed(KeyEvent)
    case filterChanged(String)

    // MARK: - What the engine (or the editor) answered
    case rolesLoaded([IAMRole])
    case rolesLoadFailed(ConsoleError)
    case detailLoaded(RoleDetailData)
    case detailLoadFailed(name: String, ConsoleError)
    case policyChoicesLoaded([PolicyChoice])
    case policyChoicesFailed(ConsoleError)
    case roleCreated(IAMRole, policies: Int)
    case roleCreateFailed(ConsoleError)
    case roleDeleted(String)
    case policiesAttached(role: String, names: [String])
    case policyDetached(role: String, name: String)
    case inlinePolicySaved(role: String, name: String)
    case inlinePolicyDeleted(role: String, name: String)
    case trustPolicySaved(role: String)
    case documentEdited(PolicyDocumentEdit, text: String)
    /// The engine refused a document from the editor: offer to edit it again with the text kept.
    case documentRefused(PolicyDocumentEdit, ConsoleError)
    case actionFailed(ConsoleError)
    case nothingChanged(String)
}

/// Everything a role's detail shows, loaded together.
public struct RoleDetailData: Sendable {
    public var role: IAMRole
    public var permissions: [EntityPermission]
    /// Functions whose execution role this is; nil when the functions could not be listed (and why).
    public var functions: [String]?
    public var functionsProblem: String?

    public init(role: IAMRole, permissions: [EntityPermission], functions: [String]?, functionsProblem: String? = nil) {
        self.role = role
        self.permissions = permissions
        self.functions = functions
        self.functionsProblem = functionsProblem
    }
}

/// A role to create, as the wizard describes it.
public struct RoleCreateRequest: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var trustPolicy: String
    public var policyARNs: [String]
    public var tags: [IAMTag]

    public init(name: String, description: String?, trustPolicy: String, policyARNs: [String], tags: [IAMTag]) {
        self.name = name
        self.description = description
        self.trustPolicy = trustPolicy
        self.policyARNs = policyARNs
        self.tags = tags
    }
}

/// Engine work for the Roles panel, run off the UI thread (`editDocument` by the loop, which hands the
/// terminal to the editor).
public enum RolesEffect: Sendable, Equatable {
    case listRoles
    case loadDetail(String)
    case loadPolicyChoices
    case createRole(RoleCreateRequest)
    case deleteRole(String, detachingPolicies: Bool)
    case attachPolicies(role: String, arns: [String])
    case detachPolicy(role: String, arn: String, name: String)
    case putInlinePolicy(role: String, name: String, document: String, fromEditor: Bool)
    case deleteInlinePolicy(role: String, name: String)
    case updateTrustPolicy(role: String, document: String)
    case editDocument(PolicyDocumentEdit)
}
