import TerminalUI

/// The key bindings of every view, as data: they drive dispatch, the footer and the `?` help.
///
/// The table for the current view is the view's own rows first, then the
/// global rows; earlier rows win on a shared key and come first in the footer.
public enum ConsoleBindings {
    /// The table for what is on screen now.
    public static func table(for state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        if state.focus == .sidebar { return sidebar(state).merged(with: global(state)) }
        if state.focus == .logs { return logPane.merged(with: global(state)) }
        if state.service == .functions { return functions(state) }
        guard state.service == .buckets else { return global(state) }
        let b = state.buckets
        if let modal = b.modal { return dialog(modal) }
        if b.transfer != nil { return transfer }
        switch b.screen {
        case .list: return bucketList(b).merged(with: global(state))
        case .objects: return objects(b).merged(with: global(state))
        case .details: return details(b).merged(with: global(state))
        case .preview: return preview.merged(with: global(state))
        }
    }

    /// The title of the `?` help for the current view.
    public static func helpTitle(for state: ConsoleState) -> String {
        if state.focus == .sidebar { return "Keys: services" }
        if state.service == .functions { return functionsHelpTitle(state) }
        guard state.service == .buckets else { return "Keys: \(state.service.title)" }
        switch state.buckets.screen {
        case .list: return "Keys: buckets"
        case .objects: return "Keys: objects"
        case .details: return "Keys: object details"
        case .preview: return "Keys: preview"
        }
    }

    // MARK: - Global

    static func global(_ state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        let nested = state.focus == .main && (state.service == .buckets && state.buckets.screen != .list
            || state.service == .functions && state.functions.screen != .list)
        return [
            KeyBinding("/", .filterOpened, label: "Filter", help: "Filter the rows (Esc clears)", group: "General",
                       showInFooter: filterDisabledReason(state) == nil, disabledReason: filterDisabledReason(state)),
            KeyBinding("r", .refreshPressed, label: "Refresh", group: "General", showInFooter: false),
            KeyBinding(":", .commandLineOpened, label: "Command", help: "Command line: :buckets, :s3, :functions, :q …",
                       group: "General"),
            KeyBinding("tab", .focusNextPanePressed, label: "Next pane", help: "Move between the sidebar, the panel and the log pane",
                       group: "General", showInFooter: false),
            KeyBinding("esc", .backPressed, label: "Back", help: "Go back (clears the filter first)", group: "General",
                       showInFooter: nested),
            KeyBinding("q", .quitPressed, label: "Quit", help: "Quit Overcast (when no dialog or text field is open)",
                       group: "General", showInFooter: !nested),
            KeyBinding("ctrl+c", .quitPressed, label: "Quit", help: "Quit Overcast from anywhere", group: "General",
                       showInFooter: false),
            KeyBinding("L", .logPaneToggled, label: state.logPane.isVisible ? "Hide logs" : "Live logs",
                       help: "Show or hide the live log pane (function output as it happens)", group: "General",
                       showInFooter: state.focus == .main),
            KeyBinding("?", .helpOpened, label: "Help", group: "General"),
        ]
    }

    private static func filterDisabledReason(_ state: ConsoleState) -> String? {
        if state.service == .functions, state.focus == .main {
            return state.functions.screen == .list ? nil : "Filter works on the function list"
        }
        guard state.service == .buckets, state.focus == .main else { return "Nothing to filter here" }
        switch state.buckets.screen {
        case .list, .objects: return nil
        case .details, .preview: return "Filter works on lists"
        }
    }

    static func sidebar(_ state: ConsoleState) -> KeyBindingTable<ConsoleAction> {
        let chosen = ConsoleService.allCases[min(state.sidebarSelection, ConsoleService.allCases.count - 1)]
        return [
            KeyBinding("enter", .serviceChosen(chosen), label: "Open", group: "Services"),
            KeyBinding(["up", "k"], .sidebarMoved(-1), label: "Up", group: "Services", showInFooter: false),
            KeyBinding(["down", "j"], .sidebarMoved(1), label: "Down", group: "Services", showInFooter: false),
        ]
    }

    static let logPane: KeyBindingTable<ConsoleAction> = [
        KeyBinding("c", .logPaneCleared, label: "Clear", help: "Clear the log pane (new events keep arriving)", group: "Log pane"),
        KeyBinding(["+", "="], .logPaneResized(2), label: "Taller", help: "Make the log pane taller", group: "Log pane"),
        KeyBinding("-", .logPaneResized(-2), label: "Shorter", help: "Make the log pane shorter", group: "Log pane"),
    ]

    // MARK: - Buckets

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
            KeyBinding("w", .buckets(.downloadPressed), label: "Download", help: "Download (write to disk)",
                       group: "Objects", disabledReason: noObject),
            KeyBinding("p", .buckets(.previewPressed), label: "Preview", help: "Preview the object",
                       group: "Objects", disabledReason: noObject),
            KeyBinding("i", .buckets(.detailsPressed), label: "Details", help: "Details: ETag, ARN, URI…",
                       group: "Objects", disabledReason: noObject),
            KeyBinding("n", .buckets(.newPressed), label: "Folder", help: "Create a folder here", group: "Objects"),
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
