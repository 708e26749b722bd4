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
            rows += permissionKeys(detail.selectedPermission, loading: loading) { key in
                switch key {
                case .attach: return .roles(.attachPressed)
                case .inline: return .roles(.inlinePressed)
                case .edit: return .roles(.editPressed)
                case .delete: return .roles(.deletePressed)
                }
            }
        case .trust:
            rows.append(KeyBinding("e", .roles(.editPressed), label: "Edit trust policy",
                                   help: "Edit who may assume the role, in $VISUAL or $EDITOR", group: "Trust policy",
                                   disabledReason: loading))
        case .usedBy, .tags:
            break
        }
        rows += [
            KeyBinding("s", .simulator(.openedFor(principal: .role(detail.name))), label: "Simulate",
                       help: "Why can or can't this role do something? Opens the simulator for it", group: "Role",
                       showInFooter: detail.tab != .permissions),
            KeyBinding("D", .roles(.deleteRolePressed), label: "Delete role", help: "Delete this role (after you confirm)",
                       group: "Role", showInFooter: detail.tab != .permissions, disabledReason: loading),
        ]
        rows += detailTabKeys(RoleTab.allCases.map(\.title), group: "Role",
                              chosen: { .roles(.tabChosen(RoleTab(rawValue: $0) ?? .permissions)) },
                              moved: { .roles(.tabMoved($0)) }, scrolled: { .roles(.documentScrolled($0)) })
        return KeyBindingTable<ConsoleAction>(rows).merged(with: roleMovement())
    }

    static func rolesDialog(_ r: RolesState) -> KeyBindingTable<ConsoleAction> {
        let wrap: (KeyEvent) -> ConsoleAction = { .roles(.dialogKeyPressed($0)) }
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            dialogKey(spelling, label, help: help, wrap)
        }
        let quit = dialogQuit
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
            return iamDialog(.attach, wrap)
        case .inlineForm?:
            return iamDialog(.inlineForm, wrap)
        case .documentRefused?:
            return iamDialog(.documentRefused, wrap)
        case .confirmDetach(let confirmation, _, _)?, .confirmDeleteRole(let confirmation, _)?:
            return iamDialog(.confirm(confirmation), wrap)
        case .working?:
            return iamDialog(.working(cancellable: true), wrap)
        case nil:
            return [quit]
        }
    }
}
