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
