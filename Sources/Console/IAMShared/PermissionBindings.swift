import TerminalUI

/// The keys every IAM panel gives a permissions tab and its dialogs, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    /// What a permissions-tab key asks for; the panel turns it into its own action.
    enum PermissionKey {
        case attach, inline, edit, delete
    }

    /// a attach, i inline, e edit JSON, x detach or delete: the same on a user, a group or a role.
    static func permissionKeys(_ selected: EntityPermission?, loading: String?,
                               _ action: (PermissionKey) -> ConsoleAction) -> [KeyBinding<ConsoleAction>] {
        let noneSelected = selected == nil ? "No policy selected" : nil
        return [
            KeyBinding("a", action(.attach), label: "Attach", help: "Attach managed policies (AWS managed or your own)",
                       group: "Permissions", disabledReason: loading),
            KeyBinding("i", action(.inline), label: "Add inline",
                       help: "Add an inline policy through a form (Ctrl-E in it: as JSON)", group: "Permissions",
                       disabledReason: loading),
            KeyBinding("e", action(.edit), label: "Edit JSON", help: "Edit the inline policy in $VISUAL or $EDITOR",
                       group: "Permissions",
                       disabledReason: noneSelected ?? (selected?.isInline == false
                           ? "Managed policies are shared: edit them in :policies (a new version)" : nil)),
            KeyBinding(["delete", "x"], action(.delete), label: selected?.isInline == true ? "Delete" : "Detach",
                       help: "Detach the managed policy, or delete the inline one", group: "Permissions",
                       disabledReason: noneSelected),
        ]
    }

    /// A detail's tab and document keys: →/] and ←/[ move between tabs, 1… choose one, PgDn/PgUp scroll the document.
    static func detailTabKeys(_ titles: [String], group: String, chosen: (Int) -> ConsoleAction, moved: (Int) -> ConsoleAction,
                              scrolled: (Int) -> ConsoleAction) -> [KeyBinding<ConsoleAction>] {
        var rows: [KeyBinding<ConsoleAction>] = [
            KeyBinding(["pgdn", "ctrl+f"], scrolled(8), label: "Scroll document", group: group, showInFooter: false),
            KeyBinding(["pgup", "ctrl+b"], scrolled(-8), label: "Scroll document up", group: group, showInFooter: false),
            KeyBinding(["right", "]"], moved(1), label: "Next tab", group: "Tabs"),
            KeyBinding(["left", "["], moved(-1), label: "Previous tab", group: "Tabs", showInFooter: false),
        ]
        for (index, title) in titles.enumerated() {
            rows.append(KeyBinding(Key.character(Character(String(index + 1))), chosen(index), label: title, group: "Tabs",
                                   showInFooter: false))
        }
        return rows
    }

    /// A dialog's key, as the panel's action for it.
    static func dialogKey(_ spelling: Key, _ label: String, help: String? = nil,
                          _ wrap: (KeyEvent) -> ConsoleAction) -> KeyBinding<ConsoleAction> {
        KeyBinding(spelling, wrap(.key(spelling)), label: label, help: help, group: "Dialog")
    }

    /// Ctrl-C, which quits from any dialog (not shown in the footer).
    static let dialogQuit = KeyBinding<ConsoleAction>("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false)

    /// The IAM dialogs whose keys are the same in every panel.
    enum IAMDialog {
        case attach
        case inlineForm
        case documentRefused
        case confirm(ConfirmationState)
        case working(cancellable: Bool)
    }

    /// The keys of `dialog`; `wrap` makes the panel's action for a key pressed in it.
    static func iamDialog(_ dialog: IAMDialog, _ wrap: @escaping (KeyEvent) -> ConsoleAction) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            dialogKey(spelling, label, help: help, wrap)
        }
        let quit = dialogQuit
        switch dialog {
        case .attach:
            return [key("space", "Mark", help: "Mark or unmark the policy under the cursor"), key("enter", "Attach"),
                    key("esc", "Cancel"), quit]
        case .inlineForm:
            return [key("enter", "Add policy"), key("esc", "Cancel"), key("tab", "Complete/next", help: "Completes an action, else the next field"),
                    key("ctrl+e", "Edit as JSON", help: "Take the statement to $VISUAL or $EDITOR as JSON"), quit]
        case .documentRefused:
            return [key("enter", "Edit again"), key("esc", "Discard"), quit]
        case .confirm(let confirmation):
            if confirmation.requireTypedName {
                return [key("enter", "Confirm", help: "Confirm (after typing the name)"), key("esc", "Cancel"), quit]
            }
            return [key("y", "Confirm"), key("n", "Cancel"), quit]
        case .working(let cancellable):
            return cancellable ? [key("esc", "Close"), quit] : [quit]
        }
    }
}
