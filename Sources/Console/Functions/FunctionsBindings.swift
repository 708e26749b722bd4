import TerminalUI

/// The Functions panel's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    /// Moving the cursor; marking rows means nothing in this panel, so Space and ^Space are left out.
    private static func functionMovement() -> KeyBindingTable<ConsoleAction> {
        KeyBindingTable(TableCommand.defaultBindings.bindings.filter { $0.action != .toggleMark && $0.action != .clearMarks })
            .map { ConsoleAction.functions(.table($0)) }
    }

    static func functionList(_ f: FunctionsState) -> KeyBindingTable<ConsoleAction> {
        let none = f.selectedFunction == nil ? "No function selected" : nil
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .functions(.openPressed), label: "Open", help: "Open the function: code, configuration, test…",
                       group: "Functions", disabledReason: none),
            KeyBinding("n", .functions(.newPressed), label: "Create", help: "Create a function", group: "Functions"),
            KeyBinding(["delete", "x"], .functions(.deletePressed), label: "Delete", help: "Delete the function",
                       group: "Functions", disabledReason: none),
        ]).merged(with: functionMovement())
    }

    static func functionView(_ f: FunctionsState) -> KeyBindingTable<ConsoleAction> {
        guard let detail = f.detail else { return [] }
        var rows: [KeyBinding<ConsoleAction>] = []
        switch detail.tab {
        case .code:
            let text = detail.currentFile?.text == nil ? "This file is not text" : nil
            rows.append(KeyBinding("e", .functions(.editPressed), label: "Edit",
                                   help: "Edit in $VISUAL or $EDITOR; saving makes a new code revision", group: "Code",
                                   disabledReason: detail.currentFile == nil ? "No code loaded yet" : text))
            rows.append(KeyBinding("l", .functions(.codeShifted(8)), label: "Scroll right",
                                   help: "Scroll the code right (h scrolls back)", group: "Code", showInFooter: false))
            rows.append(KeyBinding("h", .functions(.codeShifted(-8)), label: "Scroll left", group: "Code", showInFooter: false))
            if detail.files.count > 1 {
                rows.append(KeyBinding(">", .functions(.fileMoved(1)), label: "Next file", group: "Code"))
                rows.append(KeyBinding("<", .functions(.fileMoved(-1)), label: "Previous file", group: "Code",
                                       showInFooter: false))
            }
        case .configuration:
            rows.append(KeyBinding(["e", "enter"], .functions(.configurePressed), label: "Edit",
                                   help: "Edit memory, timeout, /tmp size, handler, environment, role, layers", group: "Configuration",
                                   disabledReason: detail.configuration == nil ? "Not loaded yet" : nil))
            rows.append(KeyBinding("p", .functions(.publishPressed), label: "Publish version",
                                   help: "Publish a numbered version: today's code and configuration, frozen",
                                   group: "Configuration", disabledReason: detail.configuration == nil ? "Not loaded yet" : nil))
        case .test:
            let busy = detail.invoking != nil ? "An invocation is running" : nil
            let template = detail.selectedTestEvent?.isSaved == false
                ? "Templates can't be changed: press s to save a copy, then edit that" : nil
            rows += [
                KeyBinding(["i", "enter"], .functions(.invokePressed), label: "Invoke",
                           help: "Invoke the function with the selected event", group: "Test", disabledReason: busy),
                KeyBinding(["s", "n"], .functions(.saveEventPressed), label: "Save as…",
                           help: "Save the selected event under a name", group: "Test"),
                KeyBinding("e", .functions(.editPressed), label: "Edit", help: "Edit the saved event's JSON in $EDITOR",
                           group: "Test", disabledReason: template),
                KeyBinding(["delete", "x"], .functions(.deletePressed), label: "Delete", help: "Delete the saved event",
                           group: "Test", showInFooter: false, disabledReason: template),
            ]
        case .triggers:
            let none = detail.selectedTrigger == nil ? "No trigger selected" : nil
            rows += [
                KeyBinding("n", .functions(.newPressed), label: "Add trigger", help: "Invoke this function on S3 events",
                           group: "Triggers"),
                KeyBinding(["delete", "x"], .functions(.deletePressed), label: "Remove", help: "Remove the trigger",
                           group: "Triggers", disabledReason: none),
            ]
        case .invocations:
            rows.append(KeyBinding("enter", .functions(.openPressed), label: "Logs",
                                   help: "Open the invocation's log stream", group: "Invocations",
                                   disabledReason: detail.selectedInvocation == nil ? "No invocation selected" : nil))
        }
        rows += [
            KeyBinding(["right", "]"], .functions(.tabMoved(1)), label: "Next tab", group: "Tabs"),
            KeyBinding(["left", "["], .functions(.tabMoved(-1)), label: "Previous tab", group: "Tabs", showInFooter: false),
        ]
        for tab in FunctionTab.allCases {
            rows.append(KeyBinding(Key.character(Character(String(tab.rawValue + 1))), .functions(.tabChosen(tab)),
                                   label: tab.title, group: "Tabs", showInFooter: false))
        }
        return KeyBindingTable<ConsoleAction>(rows).merged(with: functionMovement())
    }

    static func functionsDialog(_ modal: FunctionsModal) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .functions(.dialogKeyPressed(.key(spelling))), label: label, help: help, group: "Dialog")
        }
        let quit = KeyBinding<ConsoleAction>("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false)
        switch modal {
        case .createFunction, .configuration, .addTrigger:
            return [key("enter", "Submit"), key("esc", "Cancel"), key("tab", "Next field"),
                    key("space", "Choose", help: "Change a choice, tick a box"), quit]
        case .saveTestEvent:
            return [key("enter", "Save"), key("esc", "Cancel"), quit]
        case .publishVersion:
            return [key("enter", "Publish"), key("esc", "Cancel"), quit]
        case .confirmDeleteFunction(let confirmation), .confirmDeleteTestEvent(let confirmation, _, _),
             .confirmRemoveTrigger(let confirmation, _, _):
            if confirmation.requireTypedName {
                return [key("enter", "Confirm", help: "Confirm (after typing the name)"), key("esc", "Cancel"), quit]
            }
            return [key("y", "Confirm"), key("n", "Cancel"), quit]
        case .working:
            return [quit]
        }
    }
}
