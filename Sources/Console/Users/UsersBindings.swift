import TerminalUI

/// The Users panel's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    /// Moving the cursor; marking rows means nothing here, so Space and ^Space are left out.
    private static func usersMovement() -> KeyBindingTable<ConsoleAction> {
        KeyBindingTable(TableCommand.defaultBindings.bindings.filter { $0.action != .toggleMark && $0.action != .clearMarks })
            .map { ConsoleAction.users(.table($0)) }
    }

    static func usersList(_ u: UsersState) -> KeyBindingTable<ConsoleAction> {
        let users = u.list == .users
        let noun = users ? "user" : "group"
        let none = (users ? u.selectedUser == nil : u.selectedGroup == nil) ? "No \(noun) selected" : nil
        let other = users ? UsersList.groups : .users
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .users(.openPressed), label: "Open",
                       help: users ? "Open the user: permissions, groups, access keys, tags" : "Open the group: permissions, members",
                       group: u.list.title, disabledReason: none),
            KeyBinding("n", .users(.newPressed), label: "Create", help: "Create a \(noun)", group: u.list.title),
            KeyBinding(["delete", "x"], .users(.deletePressed), label: "Delete",
                       help: "Delete the \(noun) (what it holds is listed, and removed first, after you confirm)",
                       group: u.list.title, disabledReason: none),
            KeyBinding(["right", "]", "left", "["], .users(.listToggled), label: other.title,
                       help: "Switch between the user list and the group list", group: u.list.title),
            KeyBinding("1", .users(.listChosen(.users)), label: "Users", group: "Lists", showInFooter: false),
            KeyBinding("2", .users(.listChosen(.groups)), label: "Groups", group: "Lists", showInFooter: false),
        ]).merged(with: usersMovement())
    }

    static func identityView(_ u: UsersState) -> KeyBindingTable<ConsoleAction> {
        guard let detail = u.detail else { return [] }
        let loading = detail.data == nil ? "Not loaded yet" : nil
        let kind = detail.entity.kind.rawValue
        var rows: [KeyBinding<ConsoleAction>] = []
        switch detail.tab {
        case .permissions:
            rows += permissionKeys(detail.selectedPermission, loading: loading) { key in
                switch key {
                case .attach: return .users(.attachPressed)
                case .inline: return .users(.inlinePressed)
                case .edit: return .users(.editPressed)
                case .delete: return .users(.deletePressed)
                }
            }
        case .groups, .members:
            let groups = detail.tab == .groups
            let none = detail.selectedName == nil ? (groups ? "No group selected" : "No member selected") : nil
            rows += [
                KeyBinding("a", .users(.addPressed), label: groups ? "Add to group" : "Add member",
                           help: groups ? "Add the user to a group" : "Add a user to the group", group: detail.tab.title,
                           disabledReason: loading),
                KeyBinding(["delete", "x"], .users(.deletePressed), label: "Remove",
                           help: groups ? "Remove the user from the group" : "Remove the user from this group",
                           group: detail.tab.title, disabledReason: none),
            ]
        case .accessKeys:
            let key = detail.selectedKey
            let none = key == nil ? "No access key selected" : nil
            rows += [
                KeyBinding("n", .users(.newPressed), label: "Create key",
                           help: "Create an access key; its secret is shown once", group: "Access keys", disabledReason: loading),
                KeyBinding("d", .users(.toggleKeyPressed), label: key?.key.status == .inactive ? "Activate" : "Deactivate",
                           help: "Deactivate the key (requests signed with it are refused), or activate it again",
                           group: "Access keys", disabledReason: none),
                KeyBinding(["delete", "x"], .users(.deletePressed), label: "Delete key", help: "Delete the key (after you confirm)",
                           group: "Access keys", disabledReason: none),
            ]
        case .tags:
            break
        }
        if case .user(let name) = detail.entity {
            rows.append(KeyBinding("s", .simulator(.openedFor(principal: .user(name))), label: "Simulate",
                                   help: "Why can or can't this user do something? Opens the simulator for it", group: "User",
                                   showInFooter: false))
        }
        rows += [
            KeyBinding("D", .users(.deleteEntityPressed), label: "Delete \(kind)",
                       help: "Delete this \(kind) and what it holds (after you confirm)", group: detail.entity.kind == .group ? "Group" : "User",
                       showInFooter: detail.tab == .tags || detail.tab == .members, disabledReason: loading),
        ]
        let tabs = detail.tabs
        rows += detailTabKeys(tabs.map(\.title), group: "Detail", chosen: { .users(.tabChosen(tabs[$0])) },
                              moved: { .users(.tabMoved($0)) }, scrolled: { .users(.documentScrolled($0)) })
        return KeyBindingTable<ConsoleAction>(rows).merged(with: usersMovement())
    }

    static func usersDialog(_ u: UsersState) -> KeyBindingTable<ConsoleAction> {
        let wrap: (KeyEvent) -> ConsoleAction = { .users(.dialogKeyPressed($0)) }
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            dialogKey(spelling, label, help: help, wrap)
        }
        let quit = dialogQuit
        switch u.modal {
        case .createUser?:
            return [key("enter", "Create user"), key("esc", "Cancel"), key("tab", "Next field"), quit]
        case .createGroup?:
            return [key("enter", "Create group"), key("esc", "Cancel"), key("tab", "Next field"), quit]
        case .attach?:
            return iamDialog(.attach, wrap)
        case .inlineForm?:
            return iamDialog(.inlineForm, wrap)
        case .documentRefused?:
            return iamDialog(.documentRefused, wrap)
        case .chooseGroup?, .chooseMember?:
            return [key("enter", "Add"), key("esc", "Cancel"), key("up", "Up"), key("down", "Down"), quit]
        case .newKey?:
            return [key("enter", "Done", help: "Close; the secret is not shown again"), key("esc", "Close"), quit]
        case .confirm(let confirmation, _)?:
            return iamDialog(.confirm(confirmation), wrap)
        case .working(_, _, let cancellable)?:
            return iamDialog(.working(cancellable: cancellable), wrap)
        case nil:
            return [quit]
        }
    }
}
