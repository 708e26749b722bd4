import Testing
import TerminalUI

@Suite struct KeyBindingTableTests {
    enum Action: Equatable, Sendable { case quit, delete, filter, help, open }

    var table: KeyBindingTable<Action> {
        [
            KeyBinding(["enter"], .open, label: "Open", group: "Objects"),
            KeyBinding(["d", "delete"], .delete, label: "Delete", group: "Objects",
                       disabledReason: "Select an object first"),
            KeyBinding(["/"], .filter, label: "Filter", group: "View"),
            KeyBinding(["q"], .quit, label: "Quit", group: "General"),
            KeyBinding(["?"], .help, label: "Help", group: "General"),
        ]
    }

    @Test func lookupDispatchesEnabledActions() {
        #expect(table.lookup("enter") == .action(.open))
        #expect(table.action(for: "/") == .filter)
        #expect(table.lookup("x") == .unbound)
    }

    @Test func disabledBindingsReportWhy() {
        #expect(table.lookup("delete") == .disabled(reason: "Select an object first", label: "Delete"))
        #expect(table.action(for: "d") == nil)
    }

    @Test func footerHintsComeFromTheSameTable() {
        #expect(table.footerHints.map(\.label) == ["Open", "Delete", "Filter", "Quit", "Help"])
        #expect(table.footerHints[1] == KeyHint(key: "d", label: "Delete", isEnabled: false))
    }

    @Test func helpSectionsKeepTableOrder() {
        #expect(table.helpSections.map(\.group) == ["Objects", "View", "General"])
        #expect(table.helpSections[0].bindings.map(\.keyLabel) == ["Enter", "d/Del"])
    }

    @Test func earlierRowsWinWhenMerged() {
        let local: KeyBindingTable<Action> = [KeyBinding(["q"], .delete, label: "Shadow")]
        let merged = local.merged(with: table)
        #expect(merged.action(for: "q") == .delete)
        #expect(merged.conflicts == ["q"])
        #expect(table.conflicts.isEmpty)
    }

    @Test func remapChangesDispatchAndHints() {
        var remapped = table
        let found = remapped.remap(where: { $0 == .quit }, to: ["ctrl+q"])
        #expect(found)
        #expect(remapped.action(for: "ctrl+q") == .quit)
        #expect(remapped.lookup("q") == .unbound)
        #expect(remapped.footerHints.contains(KeyHint(key: "^Q", label: "Quit")))
    }

    @Test func widgetTablesEmbedInAPanelTable() {
        enum Panel: Equatable, Sendable { case table(TableCommand), quit }
        let panel = KeyBindingTable<Panel>([KeyBinding("q", .quit, label: "Quit")])
            .merged(with: TableCommand.defaultBindings.map(Panel.table))
        #expect(panel.action(for: "j") == .table(.down))
        #expect(panel.action(for: "q") == .quit)
    }
}
