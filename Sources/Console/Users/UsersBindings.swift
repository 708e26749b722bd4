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
            let selected = detail.selectedPermission
            let noneSelected = selected == nil ? "No policy selected" : nil
            rows += [
                KeyBinding("a", .users(.attachPressed), label: "Attach", help: "Attach managed policies (AWS managed or your own)",
                           group: "Permissions", disabledReason: loading),
                KeyBinding("i", .users(.inlinePressed), label: "Add inline",
                           help: "Add an inline policy through a form (Ctrl-E in it: as JSON)", group: "Permissions",
                           disabledReason: loading),
                KeyBinding("e", .users(.editPressed), label: "Edit JSON", help: "Edit the inline policy in $VISUAL or $EDITOR",
                           group: "Permissions",
                           disabledReason: noneSelected ?? (selected?.isInline == false
                               ? "Managed policies are shared: edit them in :policies (a new version)" : nil)),
                KeyBinding(["delete", "x"], .users(.deletePressed), label: selected?.isInline == true ? "Delete" : "Detach",
                           help: "Detach the managed policy, or delete the inline one", group: "Permissions",
                           disabledReason: noneSelected),
            ]
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
        rows += [
            KeyBinding("D", .users(.deleteEntityPressed), label: "Delete \(kind)",
                       help: "Delete this \(kind) and what it holds (after you confirm)", group: detail.entity.kind == .group ? "Group" : "User",
                       showInFooter: detail.tab == .tags || detail.tab == .members, disabledReason: loading),
            KeyBinding(["pgdn", "ctrl+f"], .users(.documentScrolled(8)), label: "Scroll document", group: "Detail",
                       showInFooter: false),
            KeyBinding(["pgup", "ctrl+b"], .users(.documentScrolled(-8)), label: "Scroll document up", group: "Detail",
                       showInFooter: false),
            KeyBinding(["right", "]"], .users(.tabMoved(1)), label: "Next tab", group: "Tabs"),
            KeyBinding(["left", "["], .users(.tabMoved(-1)), label: "Previous tab", group: "Tabs", showInFooter: false),
        ]
        for (index, tab) in detail.tabs.enumerated() {
            rows.append(KeyBinding(Key.character(Character(String(index + 1))), .users(.tabChosen(tab)),
                                   label: tab.title, group: "Tabs", showInFooter: false))
        }
        return KeyBindingTable<ConsoleAction>(rows).merged(with: usersMovement())
    }

    static func usersDialog(_ u: UsersState) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .users(.dialogKeyPressed(.key(spelling))), label: label, help: help, group: "Dialog")
        }
        let quit = KeyBinding<ConsoleAction>("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false)
        switch u.modal {
        case .createUser?:
            return [key("enter", "Create user"), key("esc", "Cancel"), key("tab", "Next field"), quit]
        case .createGroup?:
            return [key("enter", "Create group"), key("esc", "Cancel"), key("tab", "Next field"), quit]
        case .attach?:
            return [key("space", "Mark", help: "Mark or unmark the policy under the cursor"), key("enter", "Attach"),
                    key("esc", "Cancel"), quit]
        case .inlineForm?:
            return [key("enter", "Add policy"), key("esc", "Cancel"), key("tab", "Complete/next", help: "Completes an action, else the next field"),
                    key("ctrl+e", "Edit as JSON", help: "Take the statement to $VISUAL or $EDITOR as JSON"), quit]
        case .documentRefused?:
            return [key("enter", "Edit again"), key("esc", "Discard"), quit]
        case .chooseGroup?, .chooseMember?:
            return [key("enter", "Add"), key("esc", "Cancel"), key("up", "Up"), key("down", "Down"), quit]
        case .newKey?:
            return [key("enter", "Done", help: "Close; the secret is not shown again"), key("esc", "Close"), quit]
        case .confirm(let confirmation, _)?:
            if confirmation.requireTypedName {
                return [key("enter", "Confirm", help: "Confirm (after typing the name)"), key("esc", "Cancel"), quit]
            }
            return [key("y", "Confirm"), key("n", "Cancel"), quit]
        case .working(_, _, let cancellable)?:
            return cancellable ? [key("esc", "Close"), quit] : [quit]
        case nil:
            return [quit]
        }
    }
}
