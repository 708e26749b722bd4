import TerminalUI

/// The Policies panel's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    private static func policyMovement() -> KeyBindingTable<ConsoleAction> {
        KeyBindingTable(TableCommand.defaultBindings.bindings.filter { $0.action != .toggleMark && $0.action != .clearMarks })
            .map { ConsoleAction.policies(.table($0)) }
    }

    static func policyList(_ p: PoliciesState) -> KeyBindingTable<ConsoleAction> {
        let selected = p.selectedPolicy
        let none = selected == nil ? "No policy selected" : nil
        let readOnly = selected?.isAWSManaged == true ? PolicyWording.awsManaged : nil
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .policies(.openPressed), label: "Open", help: "Open the policy: its document, versions, attachments",
                       group: "Policies", disabledReason: none),
            KeyBinding("n", .policies(.newPressed), label: "Create", help: "Create a customer managed policy", group: "Policies"),
            KeyBinding("t", .policies(.typeFilterToggled), label: "Type",
                       help: "Show all policies, AWS managed ones or customer managed ones", group: "Policies"),
            KeyBinding(["delete", "x"], .policies(.deletePressed), label: "Delete", help: "Delete the policy",
                       group: "Policies", disabledReason: none ?? readOnly),
        ]).merged(with: policyMovement())
    }

    static func policyView(_ p: PoliciesState) -> KeyBindingTable<ConsoleAction> {
        guard let detail = p.detail else { return [] }
        let loading = detail.versions.isEmpty ? "Not loaded yet" : nil
        let readOnly = detail.isAWSManaged ? PolicyWording.awsManaged : nil
        let several = detail.versions.count > 1
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("e", .policies(.editPressed), label: "New version",
                       help: "Edit the default version in $EDITOR; saving makes a new default",
                       group: "Policy", disabledReason: readOnly ?? loading),
            KeyBinding("v", .policies(.versionsPressed), label: "Versions",
                       help: "The versions list: show one, make it the default, delete it", group: "Versions",
                       disabledReason: loading),
            KeyBinding("]", .policies(.versionMoved(1)), label: "Older", help: "Show the next older version",
                       group: "Versions", showInFooter: several),
            KeyBinding("[", .policies(.versionMoved(-1)), label: "Newer", help: "Show the next newer version",
                       group: "Versions", showInFooter: false),
            KeyBinding("d", .policies(.makeDefaultPressed), label: "Make default",
                       help: "Make the version shown the default one", group: "Versions", showInFooter: several,
                       disabledReason: PolicyWording.makeDefaultRefusal(detail, detail.shownVersion)),
            KeyBinding("x", .policies(.deleteVersionPressed), label: "Delete version",
                       help: "Delete the version shown (not the default)", group: "Versions", showInFooter: false,
                       disabledReason: PolicyWording.deleteVersionRefusal(detail, detail.shownVersion)),
            KeyBinding("D", .policies(.deletePressed), label: "Delete policy", help: "Delete the policy",
                       group: "Policy", showInFooter: false, disabledReason: readOnly ?? loading),
        ]).merged(with: policyMovement())
    }

    static func policiesDialog(_ modal: PoliciesModal) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .policies(.dialogKeyPressed(.key(spelling))), label: label, help: help, group: "Dialog")
        }
        let quit = KeyBinding<ConsoleAction>("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false)
        switch modal {
        case .create:
            return [key("enter", "Edit document", help: "Open the document in $EDITOR; saving it creates the policy"),
                    key("esc", "Cancel"), key("tab", "Next field"), key("space", "Choose", help: "Change the starting document"),
                    quit]
        case .rejectedVersion:
            return [key("enter", "Edit again", help: "Open the document again, as you left it"),
                    key("esc", "Drop it", help: "Forget the edited document; the policy stays as it was"), quit]
        case .versions:
            return [key("enter", "Show"), key("d", "Make default"), key("x", "Delete"), key("esc", "Close"),
                    key("j", "Down"), key("k", "Up"), quit]
        case .confirmDeletePolicy(let confirmation, _), .confirmDeleteVersion(let confirmation, _, _):
            if confirmation.requireTypedName {
                return [key("enter", "Confirm", help: "Confirm (after typing the name)"), key("esc", "Cancel"), quit]
            }
            return [key("y", "Confirm"), key("n", "Cancel"), quit]
        }
    }
}
