import TerminalUI

/// The Roles panel's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    /// Moving the cursor; marking rows means nothing here, so Space and ^Space are left out.
    private static func roleMovement() -> KeyBindingTable<ConsoleAction> {
        KeyBindingTable(TableCommand.defaultBindings.bindings.filter { $0.action != .toggleMark && $0.action != .clearMarks })
            .map { ConsoleAction.roles(.table($0)) }
    }

    static func roleList(_ r: RolesState) -> KeyBindingTable<ConsoleAction> {
        let none = r.selectedRole == nil ? "No role selected" : nil
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .roles(.openPressed), label: "Open", help: "Open the role: permissions, trust policy, tags",
                       group: "Roles", disabledReason: none),
            KeyBinding("n", .roles(.newPressed), label: "Create", help: "Create a role, step by step", group: "Roles"),
            KeyBinding(["delete", "x"], .roles(.deletePressed), label: "Delete",
                       help: "Delete the role (its policies are detached and deleted first, after you confirm)",
                       group: "Roles", disabledReason: none),
        ]).merged(with: roleMovement())
    }

    static func roleView(_ r: RolesState) -> KeyBindingTable<ConsoleAction> {
        guard let detail = r.detail else { return [] }
        let loading = detail.data == nil ? "Not loaded yet" : nil
        var rows: [KeyBinding<ConsoleAction>] = []
        switch detail.tab {
        case .permissions:
            let selected = detail.selectedPermission
            let noneSelected = selected == nil ? "No policy selected" : nil
            rows += [
                KeyBinding("a", .roles(.attachPressed), label: "Attach", help: "Attach managed policies (AWS managed or your own)",
                           group: "Permissions", disabledReason: loading),
                KeyBinding("i", .roles(.inlinePressed), label: "Add inline",
                           help: "Add an inline policy through a form (Ctrl-E in it: as JSON)", group: "Permissions",
                           disabledReason: loading),
                KeyBinding("e", .roles(.editPressed), label: "Edit JSON", help: "Edit the inline policy in $VISUAL or $EDITOR",
                           group: "Permissions",
                           disabledReason: noneSelected ?? (selected?.isInline == false
                               ? "Managed policies are shared: edit them in :policies (a new version)" : nil)),
                KeyBinding(["delete", "x"], .roles(.deletePressed), label: selected?.isInline == true ? "Delete" : "Detach",
                           help: "Detach the managed policy, or delete the inline one", group: "Permissions",
                           disabledReason: noneSelected),
            ]
        case .trust:
            rows.append(KeyBinding("e", .roles(.editPressed), label: "Edit trust policy",
                                   help: "Edit who may assume the role, in $VISUAL or $EDITOR", group: "Trust policy",
                                   disabledReason: loading))
        case .usedBy, .tags:
            break
        }
        rows += [
            KeyBinding("D", .roles(.deleteRolePressed), label: "Delete role", help: "Delete this role (after you confirm)",
                       group: "Role", showInFooter: detail.tab != .permissions, disabledReason: loading),
            KeyBinding(["pgdn", "ctrl+f"], .roles(.documentScrolled(8)), label: "Scroll document", group: "Role",
                       showInFooter: false),
            KeyBinding(["pgup", "ctrl+b"], .roles(.documentScrolled(-8)), label: "Scroll document up", group: "Role",
                       showInFooter: false),
            KeyBinding(["right", "]"], .roles(.tabMoved(1)), label: "Next tab", group: "Tabs"),
            KeyBinding(["left", "["], .roles(.tabMoved(-1)), label: "Previous tab", group: "Tabs", showInFooter: false),
        ]
        for tab in RoleTab.allCases {
            rows.append(KeyBinding(Key.character(Character(String(tab.rawValue + 1))), .roles(.tabChosen(tab)),
                                   label: tab.title, group: "Tabs", showInFooter: false))
        }
        return KeyBindingTable<ConsoleAction>(rows).merged(with: roleMovement())
    }

    static func rolesDialog(_ r: RolesState) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .roles(.dialogKeyPressed(.key(spelling))), label: label, help: help, group: "Dialog")
        }
        let quit = KeyBinding<ConsoleAction>("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false)
        if let wizard = r.wizard {
            switch wizard.step {
            case .trust:
                return [key("enter", "Next"), key("esc", "Cancel"), key("tab", "Next field"),
                        key("space", "Choose", help: "Change a choice"), quit]
            case .permissions:
                return [key("space", "Mark", help: "Mark or unmark the policy under the cursor"), key("enter", "Next"),
                        key("esc", "Back"), key("up", "Up"), key("down", "Down"), quit]
            case .review:
                return [key("enter", "Create role"), key("esc", "Back"), key("tab", "Next field"), quit]
            }
        }
        switch r.modal {
        case .attach?:
            return [key("space", "Mark", help: "Mark or unmark the policy under the cursor"), key("enter", "Attach"),
                    key("esc", "Cancel"), quit]
        case .inlineForm?:
            return [key("enter", "Add policy"), key("esc", "Cancel"), key("tab", "Complete/next", help: "Completes an action, else the next field"),
                    key("ctrl+e", "Edit as JSON", help: "Take the statement to $VISUAL or $EDITOR as JSON"), quit]
        case .documentRefused?:
            return [key("enter", "Edit again"), key("esc", "Discard"), quit]
        case .confirmDetach(let confirmation, _, _)?, .confirmDeleteRole(let confirmation, _)?:
            if confirmation.requireTypedName {
                return [key("enter", "Confirm", help: "Confirm (after typing the name)"), key("esc", "Cancel"), quit]
            }
            return [key("y", "Confirm"), key("n", "Cancel"), quit]
        case .working?:
            return [key("esc", "Close"), quit]
        case nil:
            return [quit]
        }
    }
}
