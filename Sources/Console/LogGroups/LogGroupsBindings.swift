import TerminalUI

/// The Log groups panel's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    private static func logGroupsMovement() -> KeyBindingTable<ConsoleAction> {
        KeyBindingTable(TableCommand.defaultBindings.bindings.filter { $0.action != .toggleMark && $0.action != .clearMarks })
            .map { ConsoleAction.logGroups(.table($0)) }
    }

    static func logGroupList(_ l: LogGroupsState) -> KeyBindingTable<ConsoleAction> {
        let none = l.selectedGroup == nil ? "No log group selected" : nil
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .logGroups(.openPressed), label: "Streams", help: "Open the group: its log streams",
                       group: "Log groups", disabledReason: none),
            KeyBinding("R", .logGroups(.retentionPressed), label: "Retention",
                       help: "Set how long the group keeps events (or Never expire)", group: "Log groups", disabledReason: none),
            KeyBinding(["d", "delete"], .logGroups(.deletePressed), label: "Delete",
                       help: "Delete the group with its streams and events", group: "Log groups", disabledReason: none),
        ]).merged(with: logGroupsMovement())
    }

    static func logStreamList(_ l: LogGroupsState) -> KeyBindingTable<ConsoleAction> {
        let streams = l.streams
        let empty = streams?.streams.isEmpty ?? true ? "This group has no streams yet" : nil
        let stream = streams?.selectedStream == nil ? "Choose a stream (not All streams)" : nil
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("enter", .logGroups(.openPressed), label: "Events", help: "Read the stream's events (or all streams')",
                       group: "Log streams", disabledReason: empty),
            KeyBinding("a", .logGroups(.allStreamsPressed), label: "All streams",
                       help: "Every stream's events interleaved by time (Search log group)", group: "Log streams",
                       disabledReason: empty),
            KeyBinding("R", .logGroups(.retentionPressed), label: "Retention",
                       help: "Set how long the group keeps events (or Never expire)", group: "Log group"),
            KeyBinding(["d", "delete"], .logGroups(.deletePressed), label: "Delete", help: "Delete the stream and its events",
                       group: "Log streams", disabledReason: empty ?? stream),
        ]).merged(with: logGroupsMovement())
    }

    static func logEventsView(_ l: LogGroupsState) -> KeyBindingTable<ConsoleAction> {
        return KeyBindingTable<ConsoleAction>([
            KeyBinding("/", .logGroups(.patternPressed), label: "Filter",
                       help: "Filter with a CloudWatch filter pattern: ERROR -Retry, { $.level = \"ERROR\" }, [ip, ..., status=5*]",
                       group: "Log events"),
            KeyBinding("C", .logGroups(.contextCycled), label: "Context",
                       help: "Events of context around each match: 0, 2 or 5", group: "Log events",
                       showInFooter: !(l.events?.pattern.isEmpty ?? true)),
            KeyBinding("T", .logGroups(.jumpPressed), label: "Jump",
                       help: "Go to the first event at or after a time: 2026-12-01 10:30, 10:30, -15m, -2h (UTC)",
                       group: "Log events"),
            KeyBinding("w", .logGroups(.wrapToggled), label: "Wrap",
                       help: "Wrap long messages onto more rows (else they end in …)", group: "View"),
            KeyBinding("t", .logGroups(.timestampsToggled), label: "Times",
                       help: "Show or hide each event's time", group: "View", showInFooter: false),
            KeyBinding("J", .logGroups(.jsonToggled), label: "JSON",
                       help: "Pretty-print messages that are JSON", group: "View"),
            KeyBinding("f", .logGroups(.fullScreenToggled), label: "Full",
                       help: "Give the events the whole screen (no sidebar or log pane)", group: "View"),
        ]).merged(with: logGroupsMovement())
    }

    static func logGroupsDialog(_ modal: LogGroupsModal) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil, footer: Bool = true) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .logGroups(.dialogKeyPressed(.key(spelling))), label: label, help: help, group: "Dialog",
                       showInFooter: footer)
        }
        let quit = KeyBinding<ConsoleAction>("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false)
        switch modal {
        case .retention:
            return [key("enter", "Set"), key("esc", "Cancel"), key("j", "Down", footer: false), key("k", "Up", footer: false),
                    key("down", "Down", footer: false), key("up", "Up", footer: false), quit]
        case .confirmDeleteGroup(let confirmation, _), .confirmDeleteStream(let confirmation, _, _):
            if confirmation.requireTypedName {
                return [key("enter", "Confirm", help: "Confirm (after typing the name)"), key("esc", "Cancel"), quit]
            }
            return [key("y", "Confirm"), key("n", "Cancel"), quit]
        case .pattern:
            return [key("enter", "Apply", help: "Filter with the pattern (empty: show every event)"), key("esc", "Cancel"), quit]
        case .jump:
            return [key("enter", "Jump"), key("esc", "Cancel"), quit]
        }
    }
}
