import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// The Logs Insights view's screens, at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Insights screens")
struct InsightsScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    /// Builds the screen with `setup` at each size and compares it with `Snapshots/InsightsScreenGoldenTests/<name>_<W>x<H>.txt`.
    func golden(_ name: String, seeded: Bool = true, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (ConsoleFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try ConsoleFixture(size: size)
            if seeded { try f.insightsAccount() }
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    @Test("an account with no log groups says how to get some")
    func emptyAccount() throws {
        try golden("empty-account", seeded: false) { f in f.openInsights() }
    }

    @Test("the editor holds AWS's default query, over every /aws/lambda/ group for the last hour")
    func defaultQuery() throws {
        try golden("default-query") { f in f.openInsights() }
    }

    @Test("the default query's records as a table, newest first")
    func resultsTable() throws {
        try golden("results-table") { f in
            f.openInsights()
            f.harness.press("enter")
            f.fixElapsed()
        }
    }

    @Test("stats count(*) by bin(1m) is drawn as bars, one a minute")
    func barChart() throws {
        try golden("bar-chart") { f in
            f.openInsights()
            f.runQuery("stats count(*) by bin(1m)")
        }
    }

    @Test("a bad query shows the engine's error under the editor, the last results kept")
    func queryError() throws {
        try golden("query-error") { f in
            f.openInsights()
            f.runQuery("stats count(*) by bin(1m)")
            f.runQuery("stats count(*) by bin(1m) | sort count(*) desc | limt 5")
        }
    }

    @Test("s opens the log group picker: the default groups ticked")
    func groupPicker() throws {
        try golden("group-picker") { f in
            f.openInsights()
            f.harness.press("esc", "s")
        }
    }

    @Test("Enter on a record shows every field, the JSON message re-indented")
    func recordDetail() throws {
        try golden("record-detail") { f in
            f.openInsights()
            f.runQuery("fields @timestamp, @message, @logStream, level | filter level = \"ERROR\"")
            f.harness.press("enter")
        }
    }
}
