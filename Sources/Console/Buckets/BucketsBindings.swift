import TerminalUI

/// The Buckets panel's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    private static func movement() -> KeyBindingTable<ConsoleAction> {
        TableCommand.defaultBindings.map { ConsoleAction.buckets(.table($0)) }
    }

    static func bucketList(_ b: BucketsState) -> KeyBindingTable<ConsoleAction> {
        let none = b.selectedBucket == nil ? "No bucket selected" : nil
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .buckets(.openPressed), label: "Open", help: "Open the bucket's objects", group: "Buckets",
                       disabledReason: none),
            KeyBinding("n", .buckets(.newPressed), label: "Create", help: "Create a bucket", group: "Buckets"),
            KeyBinding(["delete", "x"], .buckets(.deletePressed), label: "Delete", help: "Delete the bucket", group: "Buckets",
                       disabledReason: none),
        ]).merged(with: movement())
    }

    static func objects(_ b: BucketsState) -> KeyBindingTable<ConsoleAction> {
        let browser = b.browser
        let noObject = browser?.selectedObjectKey == nil ? "select an object, not a folder" : nil
        let nothing = browser?.table.actionTargets.isEmpty ?? true ? "Nothing selected" : nil
        let marked = browser?.table.marked.count ?? 0
        let sortReason = browser?.query.large == true
            ? "This folder has more than 1,000 entries: it stays in key order" : nil
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .buckets(.openPressed), label: "Open", help: "Open the folder, or preview the object",
                       group: "Objects", disabledReason: nothing),
            KeyBinding("u", .buckets(.uploadPressed), label: "Upload", help: "Upload a file or folder here", group: "Objects"),
            KeyBinding("w", .buckets(.downloadPressed), label: "Download",
                       help: "Download the object, or the marked ones and folders with everything in them",
                       group: "Objects", disabledReason: nothing),
            KeyBinding("p", .buckets(.previewPressed), label: "Preview", help: "Preview the object",
                       group: "Objects", disabledReason: noObject),
            KeyBinding("i", .buckets(.detailsPressed), label: "Details", help: "Details: ETag, ARN, URI…",
                       group: "Objects", showInFooter: false, disabledReason: noObject),
            KeyBinding("n", .buckets(.newPressed), label: "Folder", help: "Create a folder here", group: "Objects",
                       showInFooter: false),
            KeyBinding(["backspace", "h", "left"], .backPressed, label: "Up", help: "Up one folder (at the top, back to the buckets)",
                       group: "Objects", showInFooter: false),
            KeyBinding(["delete", "x"], .buckets(.deletePressed), label: marked > 0 ? "Delete \(marked)" : "Delete",
                       help: "Delete the marked objects, or the selected one", group: "Objects", disabledReason: nothing),
            KeyBinding("N", .buckets(.sortPressed(column: 0)), label: "Sort name", help: "Sort by name (again: reverse)",
                       group: "Sort", showInFooter: false, disabledReason: sortReason),
            KeyBinding("S", .buckets(.sortPressed(column: 1)), label: "Sort size", help: "Sort by size (again: reverse)",
                       group: "Sort", showInFooter: false, disabledReason: sortReason),
            KeyBinding("M", .buckets(.sortPressed(column: 2)), label: "Sort modified",
                       help: "Sort by last modified (again: reverse)", group: "Sort", showInFooter: false,
                       disabledReason: sortReason),
        ]).merged(with: movement())
    }

    static func details(_ b: BucketsState) -> KeyBindingTable<ConsoleAction> {
        [
            KeyBinding("p", .buckets(.previewPressed), label: "Preview", group: "Object"),
            KeyBinding("w", .buckets(.downloadPressed), label: "Download", group: "Object"),
        ]
    }

    static let preview: KeyBindingTable<ConsoleAction> = [
        KeyBinding("w", .buckets(.downloadPressed), label: "Download", group: "Preview"),
        KeyBinding(["down", "j"], .buckets(.previewScrolled(.lines(1))), label: "Down", group: "Scrolling", showInFooter: false),
        KeyBinding(["up", "k"], .buckets(.previewScrolled(.lines(-1))), label: "Up", group: "Scrolling", showInFooter: false),
        KeyBinding(["pgdn", "ctrl+f", "space"], .buckets(.previewScrolled(.pages(1))), label: "Page down", group: "Scrolling",
                   showInFooter: false),
        KeyBinding(["pgup", "ctrl+b"], .buckets(.previewScrolled(.pages(-1))), label: "Page up", group: "Scrolling",
                   showInFooter: false),
        KeyBinding(["home", "g"], .buckets(.previewScrolled(.top)), label: "Top", group: "Scrolling", showInFooter: false),
        KeyBinding(["end", "G"], .buckets(.previewScrolled(.bottom)), label: "Bottom", group: "Scrolling", showInFooter: false),
    ]

    static let transfer: KeyBindingTable<ConsoleAction> = [
        KeyBinding("esc", .buckets(.transferCancelPressed), label: "Cancel", help: "Cancel the transfer", group: "Transfer"),
        KeyBinding("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false),
        KeyBinding("q", .quitPressed, label: "Quit", group: "General", showInFooter: false,
                   disabledReason: "a transfer is running (Esc cancels it, Ctrl-C quits anyway)"),
    ]

    /// A dialog's keys: shown in the footer and help; the dialog's widget interprets them.
    static func dialog(_ modal: BucketsModal) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .buckets(.dialogKeyPressed(.key(spelling))), label: label, help: help, group: "Dialog")
        }
        let quit = KeyBinding<ConsoleAction>("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false)
        switch modal {
        case .createBucket, .createFolder, .download:
            return [key("enter", "Submit"), key("esc", "Cancel"), key("tab", "Next field"), quit]
        case .upload:
            return [key("enter", "Upload"), key("esc", "Cancel"),
                    key("tab", "Complete path", help: "Complete the local path (on other fields: next field)"),
                    key("down", "Next field"), quit]
        case .confirmDeleteBucket(let confirmation), .confirmDeleteObjects(let confirmation, _, _),
             .confirmOverwrite(let confirmation, _), .confirmEmptyAndDelete(let confirmation):
            if confirmation.requireTypedName {
                return [key("enter", "Confirm", help: "Confirm (after typing the name)"), key("esc", "Cancel"), quit]
            }
            return [key("y", "Confirm"), key("n", "Cancel"), quit]
        case .bucketNotEmpty:
            return [key("e", "Empty and delete…", help: "Delete every object, then the bucket (asks you to type its name)"),
                    key("esc", "Close"), quit]
        case .emptying:
            return [quit]
        }
    }
}
