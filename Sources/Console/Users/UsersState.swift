import CloudEngine
import Foundation
import TerminalUI

/// Everything the Users panel shows: the user list and the group list (one at a time), one user's or group's
/// detail, and dialogs.
public struct UsersState: Sendable {
    public var list: UsersList = .users
    public var users: [UserSummary] = []
    public var groups: [GroupSummary] = []
    public var userTable = TableState<String>(rows: [])
    public var groupTable = TableState<String>(rows: [])
    public var loaded = false
    public var loadError: ConsoleError?
    public var detail: IdentityDetailState?
    public var modal: UsersModal?
    /// A deletion asked for from a list: the confirmation waits for what the user or group holds.
    public var awaitingDelete: IAMEntity?
    /// An inline policy just saved: selected when the detail reloads with it.
    public var pendingSelection: String?

    public init() {}

    public var selectedUser: UserSummary? {
        userTable.selectedID.flatMap { name in users.first { $0.user.name == name } }
    }

    public var selectedGroup: GroupSummary? {
        groupTable.selectedID.flatMap { name in groups.first { $0.group.name == name } }
    }

    /// The table of the list shown.
    public var table: TableState<String> {
        get { list == .users ? userTable : groupTable }
        set { if list == .users { userTable = newValue } else { groupTable = newValue } }
    }
}

/// Which list the panel shows: its two tabs.
public enum UsersList: Int, CaseIterable, Sendable, Hashable {
    case users
    case groups

    public var title: String { self == .users ? "Users" : "Groups" }
}

/// A user as the list shows it: its groups, its access keys and when one last signed a request.
public struct UserSummary: Sendable, Equatable {
    public var user: IAMUser
    public var groups: [String]
    public var keys: [AccessKeyMetadata]
    public var lastUsed: Date?

    public init(user: IAMUser, groups: [String], keys: [AccessKeyMetadata], lastUsed: Date?) {
        self.user = user
        self.groups = groups
        self.keys = keys
        self.lastUsed = lastUsed
    }

    /// "—", "1 active", "2 (1 active)".
    public var keysSummary: String {
        let active = keys.filter { $0.status == .active }.count
        if keys.isEmpty { return "—" }
        return active == keys.count ? "\(active) active" : "\(keys.count) (\(active) active)"
    }
}

/// A group as the list shows it.
public struct GroupSummary: Sendable, Equatable {
    public var group: IAMGroup
    public var members: [String]
    public var policies: Int

    public init(group: IAMGroup, members: [String], policies: Int) {
        self.group = group
        self.members = members
        self.policies = policies
    }
}

/// The tabs of a user (permissions, groups, access keys, tags) or a group (permissions, members).
public enum IdentityTab: Int, CaseIterable, Sendable, Hashable {
    case permissions
    case groups
    case accessKeys
    case tags
    case members

    public var title: String {
        switch self {
        case .permissions: return "Permissions"
        case .groups: return "Groups"
        case .accessKeys: return "Access keys"
        case .tags: return "Tags"
        case .members: return "Members"
        }
    }

    static func tabs(_ kind: IAMEntity.Kind) -> [IdentityTab] {
        kind == .group ? [.permissions, .members] : [.permissions, .groups, .accessKeys, .tags]
    }
}

/// One user or group, open.
public struct IdentityDetailState: Sendable {
    public var entity: IAMEntity
    public var tab: IdentityTab = .permissions
    public var data: IdentityDetailData?
    public var error: ConsoleError?
    /// The permission under the cursor (managed policies first, then inline ones).
    public var permissionIndex = 0
    /// Lines scrolled in the selected permission's document.
    public var documentScroll = 0
    /// The row under the cursor in the groups, access keys or members tab.
    public var rowIndex = 0

    public init(entity: IAMEntity, tab: IdentityTab = .permissions) {
        self.entity = entity
        self.tab = tab
    }

    public var name: String { entity.name }
    public var tabs: [IdentityTab] { IdentityTab.tabs(entity.kind) }
    public var permissions: [EntityPermission] { data?.permissions ?? [] }

    public var selectedPermission: EntityPermission? {
        permissions.indices.contains(permissionIndex) ? permissions[permissionIndex] : nil
    }

    /// The rows of the tab shown, when it is a list of names or keys.
    public var rowCount: Int {
        switch tab {
        case .groups: return data?.groups.count ?? 0
        case .accessKeys: return data?.keys.count ?? 0
        case .members: return data?.members.count ?? 0
        case .permissions, .tags: return 0
        }
    }

    public var selectedKey: AccessKeyRow? {
        guard tab == .accessKeys, let keys = data?.keys, keys.indices.contains(rowIndex) else { return nil }
        return keys[rowIndex]
    }

    /// The group (groups tab) or user (members tab) under the cursor.
    public var selectedName: String? {
        let names = tab == .groups ? data?.groups : tab == .members ? data?.members : nil
        guard let names, names.indices.contains(rowIndex) else { return nil }
        return names[rowIndex]
    }
}

/// Everything a user's or group's detail shows, loaded together.
public struct IdentityDetailData: Sendable, Equatable {
    public var entity: IAMEntity
    public var arn: String
    public var path: String
    public var createdAt: Date
    public var tags: [IAMTag]
    public var permissions: [EntityPermission]
    /// A user's groups.
    public var groups: [String]
    /// A user's access keys, oldest first.
    public var keys: [AccessKeyRow]
    /// A group's members.
    public var members: [String]

    public init(entity: IAMEntity, arn: String, path: String, createdAt: Date, tags: [IAMTag] = [],
                permissions: [EntityPermission], groups: [String] = [], keys: [AccessKeyRow] = [], members: [String] = []) {
        self.entity = entity
        self.arn = arn
        self.path = path
        self.createdAt = createdAt
        self.tags = tags
        self.permissions = permissions
        self.groups = groups
        self.keys = keys
        self.members = members
    }
}

/// An access key, without its secret, and when it last signed a request.
public struct AccessKeyRow: Sendable, Equatable {
    public var key: AccessKeyMetadata
    public var lastUsed: AccessKeyLastUsed?

    public init(key: AccessKeyMetadata, lastUsed: AccessKeyLastUsed?) {
        self.key = key
        self.lastUsed = lastUsed
    }
}

/// Choosing one name from a list (a group to join, a user to add).
public struct NameChoiceState: Sendable, Equatable {
    public var title: String
    public var names: [String]
    /// Names that cannot be chosen, with why ("member").
    public var unavailable: [String: String]
    public var cursor = 0

    public init(title: String, names: [String], unavailable: [String: String]) {
        self.title = title
        self.names = names
        self.unavailable = unavailable
        cursor = names.firstIndex { unavailable[$0] == nil } ?? 0
    }

    public var selected: String? { names.indices.contains(cursor) ? names[cursor] : nil }
}

/// The Users panel's dialogs.
public enum UsersModal: Sendable {
    case createUser(FormState)
    case createGroup(FormState)
    case attach(PolicyPickerState, entity: IAMEntity)
    case inlineForm(FormState, entity: IAMEntity)
    /// The editor's text was refused: the message, and the text to edit again (kept).
    case documentRefused(message: String, edit: PolicyDocumentEdit)
    /// Adding a user to a group: from the user (choose the group) or from the group (choose the user).
    case chooseGroup(NameChoiceState, user: String)
    case chooseMember(NameChoiceState, group: String)
    /// A new access key with its secret: the only time it is shown. Closing the dialog forgets it.
    case newKey(AccessKey)
    case confirm(ConfirmationState, UsersPendingChange)
    /// Waiting for the engine; `cancellable` when Esc may close it (reading what a deletion takes).
    case working(title: String, message: String, cancellable: Bool)
}

/// What a confirmation confirms.
public enum UsersPendingChange: Sendable, Equatable {
    case detach(IAMEntity, EntityPermission)
    case deleteUser(String)
    case deleteGroup(String, detachingEverything: Bool)
    case removeMembership(user: String, group: String)
    case deleteKey(user: String, id: String)
}
