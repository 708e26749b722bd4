import TerminalUI

/// The Insights view's key bindings, as data (see `ConsoleBindings`).
extension ConsoleBindings {
    /// While the query editor has the keys: every key goes to it, and these name what the special ones do.
    static func insightsEditor(_ insights: InsightsState) -> KeyBindingTable<ConsoleAction> {
        func key(_ spelling: Key, _ label: String, help: String? = nil, footer: Bool = true) -> KeyBinding<ConsoleAction> {
            KeyBinding(spelling, .insights(.editorKeyPressed(.key(spelling))), label: label, help: help, group: "Query",
                       showInFooter: footer)
        }
        return [
            key("enter", "Run", help: "Run the query over the log groups and time range shown"),
            key("up", "History", help: "The query run before (↓ comes back; newest first, kept between sessions)"),
            key("down", "Newer query", footer: false),
            key("esc", "Results", help: "Leave the editor: the keys move the results and the panel keys work again"),
            KeyBinding("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false),
        ]
    }

    /// While the results have the keys.
    static func insightsResults(_ insights: InsightsState) -> KeyBindingTable<ConsoleAction> {
        let rows = insights.result.map { $0.result.rows.isEmpty } ?? true ? "No records to open" : nil
        let charted = insights.showsChart ? "v shows the table, whose records open" : nil
        let noChart = insights.chart == nil ? "The chart needs a query with stats … by bin(…)" : nil
        let wide = insights.result == nil || insights.showsChart ? "No table to scroll" : nil
        let bindings: [KeyBinding<ConsoleAction>] = [
            KeyBinding("enter", .insights(.recordOpened), label: "Open record", help: "Show every field of the record",
                       group: "Insights", showInFooter: !insights.showsChart, disabledReason: charted ?? rows),
            KeyBinding(["e", "i"], .insights(.editPressed), label: "Edit query", help: "Edit the query (Enter runs it)",
                       group: "Insights"),
            KeyBinding("s", .insights(.groupsPressed), label: "Log groups", help: "Choose the log groups to query",
                       group: "Insights", disabledReason: insights.groups.isEmpty ? "There are no log groups yet" : nil),
            KeyBinding("t", .insights(.rangeMoved(1)), label: "Range",
                       help: "A longer time range: 5m, 15m, 1h, 3h, 12h, 1d, 1w (T: shorter)", group: "Insights"),
            KeyBinding("T", .insights(.rangeMoved(-1)), label: "Shorter range", group: "Insights", showInFooter: false),
            KeyBinding("c", .insights(.customRangePressed), label: "Custom range",
                       help: "Type an absolute range: YYYY-MM-DD HH:MM – YYYY-MM-DD HH:MM (UTC)", group: "Insights",
                       showInFooter: false),
            KeyBinding("v", .insights(.chartToggled), label: insights.showsChart ? "Table" : "Chart",
                       help: "Show the result as a table or as a bar chart", group: "Insights",
                       showInFooter: noChart == nil, disabledReason: noChart),
            KeyBinding(["l", "right"], .insights(.columnsShifted(1)), label: "Columns →",
                       help: "Scroll a wide table right (h or ← back)", group: "Results", showInFooter: false,
                       disabledReason: wide),
            KeyBinding(["h", "left"], .insights(.columnsShifted(-1)), label: "Columns ←", group: "Results",
                       showInFooter: false, disabledReason: wide),
        ]
        let movement = KeyBindingTable(TableCommand.defaultBindings.bindings.filter {
            $0.action != .toggleMark && $0.action != .clearMarks
        }).map { ConsoleAction.insights(.table($0)) }
        return KeyBindingTable(bindings).merged(with: movement)
    }

    /// While the log group picker is open.
    static let insightsPicker: KeyBindingTable<ConsoleAction> = {
        func key(_ keys: [Key], _ label: String, help: String? = nil, footer: Bool = true) -> KeyBinding<ConsoleAction> {
            KeyBinding(keys, .insights(.pickerKeyPressed(.key(keys[0]))), label: label, help: help, group: "Log groups",
                       showInFooter: footer)
        }
        return [
            key(["space"], "Tick", help: "Tick or untick the group under the cursor"),
            key(["enter"], "Query these", help: "Query the ticked groups (at most 50)"),
            key(["a"], "All", help: "Tick every group, or untick them all"),
            key(["esc"], "Cancel", help: "Keep the groups as they were"),
            // One row for each pair: the action carries the first key, which the reducer reads as the pair means.
            key(["up", "k"], "Up", footer: false),
            key(["down", "j"], "Down", footer: false),
            key(["pgup"], "Page up", footer: false),
            key(["pgdn"], "Page down", footer: false),
            key(["home", "g"], "First", footer: false),
            key(["end", "G"], "Last", footer: false),
            KeyBinding("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false),
        ]
    }()

    /// While the custom range is being typed.
    static let insightsRange: KeyBindingTable<ConsoleAction> = [
        KeyBinding("enter", .insights(.rangeKeyPressed(.key("enter"))), label: "Apply", help: "Query the typed range",
                   group: "Time range"),
        KeyBinding("esc", .insights(.rangeKeyPressed(.key("esc"))), label: "Cancel", help: "Keep the range as it was",
                   group: "Time range"),
        KeyBinding("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false),
    ]

    /// While a record is open over the results.
    static let insightsRecord: KeyBindingTable<ConsoleAction> = {
        func key(_ keys: [Key], _ label: String, footer: Bool = true) -> KeyBinding<ConsoleAction> {
            KeyBinding(keys, .insights(.recordKeyPressed(.key(keys[0]))), label: label, group: "Record", showInFooter: footer)
        }
        return [
            key(["esc", "enter", "q"], "Close"),
            key(["down", "j"], "Scroll"),
            key(["up", "k"], "Scroll up", footer: false),
            key(["pgdn", "space"], "Page down", footer: false),
            key(["pgup"], "Page up", footer: false),
            key(["home", "g"], "Top", footer: false),
            key(["end", "G"], "Bottom", footer: false),
            KeyBinding("ctrl+c", .quitPressed, label: "Quit", group: "General", showInFooter: false),
        ]
    }()
}
