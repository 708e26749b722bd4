import CloudEngine
import TerminalUI

/// Everything the Roles panel shows: the role list, one role's detail, the create wizard, and dialogs.
public struct RolesState: Sendable {
    public var roles: [IAMRole] = []
    public var table = TableState<String>(rows: [])
    public var loaded = false
    public var loadError: ConsoleError?
    public var detail: RoleDetailState?
    public var wizard: RoleWizardState?
    public var modal: RolesModal?

    public init() {}

    public var selectedRole: IAMRole? {
        table.selectedID.flatMap { name in roles.first { $0.name == name } }
    }
}

/// The tabs of a role, in the order they are shown (1-4 jump to them).
public enum RoleTab: Int, CaseIterable, Sendable, Hashable {
    case permissions
    case trust
    case usedBy
    case tags

    public var title: String {
        switch self {
        case .permissions: return "Permissions"
        case .trust: return "Trust policy"
        case .usedBy: return "Used by"
        case .tags: return "Tags"
        }
    }
}

/// One role, open.
public struct RoleDetailState: Sendable {
    public var name: String
    public var tab: RoleTab = .permissions
    public var data: RoleDetailData?
    public var error: ConsoleError?
    /// The permission under the cursor (managed policies first, then inline ones).
    public var permissionIndex = 0
    /// Lines scrolled in the document shown (the selected permission's, or the trust policy).
    public var documentScroll = 0
    /// A policy just attached or saved: the cursor goes to it once the detail has read it.
    public var pendingSelection: String?

    public init(name: String, tab: RoleTab = .permissions) {
        self.name = name
        self.tab = tab
    }

    public var permissions: [EntityPermission] { data?.permissions ?? [] }

    public var selectedPermission: EntityPermission? {
        permissions.indices.contains(permissionIndex) ? permissions[permissionIndex] : nil
    }
}

/// The create-role wizard, as the AWS console's: trusted entity, permissions, then name and review.
/// Esc goes back one step and keeps what was entered.
public struct RoleWizardState: Sendable {
    public enum Step: Int, Sendable, Hashable, CaseIterable {
        case trust, permissions, review

        var title: String {
            switch self {
            case .trust: return "Trusted entity"
            case .permissions: return "Permissions"
            case .review: return "Name and review"
            }
        }
    }

    public var step: Step = .trust
    public var trustForm: FormState
    /// A custom trust policy as typed in the editor (kept across steps and failed attempts).
    public var customTrust: String?
    /// Why the custom trust policy was refused, shown on the first step.
    public var trustProblem: String?
    public var picker = PolicyPickerState()
    public var detailsForm: FormState
    /// Creating: the keys wait for the engine's answer.
    public var isCreating = false

    public init(trustForm: FormState, detailsForm: FormState) {
        self.trustForm = trustForm
        self.detailsForm = detailsForm
    }
}

/// The Roles panel's dialogs.
public enum RolesModal: Sendable {
    case attach(PolicyPickerState, role: String)
    case inlineForm(FormState, role: String)
    /// The editor's text was refused: the message, and the text to edit again (kept).
    case documentRefused(message: String, edit: PolicyDocumentEdit)
    case confirmDetach(ConfirmationState, role: String, permission: EntityPermission)
    case confirmDeleteRole(ConfirmationState, role: String)
    case working(title: String, message: String)
}
