import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// The Logs Insights view, key by key: running queries, the history, the group picker, errors, table and chart.
@Suite("Insights panel")
struct InsightsPanelTests {
    func seeded() throws -> ConsoleFixture {
        let f = try ConsoleFixture()
        try f.insightsAccount()
        f.openInsights()
        return f
    }

    @Test("`:insights` opens the view with AWS's default query in the editor, which has the keys")
    func opens() throws {
        let f = try seeded()
        #expect(f.state.service == .insights)
        #expect(f.state.insights.editing)
        #expect(f.state.insights.editor.text == InsightsState.defaultQuery)
        #expect(f.state.insights.effectiveGroups == ["/aws/lambda/orders", "/aws/lambda/payments"])
        #expect(f.screen.contains("CloudWatch Logs › Logs Insights"))
        #expect(f.screen.contains("/aws/lambda/orders +1"))
        // q types into the query instead of quitting.
        f.harness.type("q")
        #expect(!f.state.shouldQuit)
    }

    @Test("a query's records arrive as a table, columns in the query's order, newest first")
    func runsQuery() throws {
        let f = try seeded()
        f.runQuery("fields @timestamp, msg, ms | filter level = \"ERROR\"")
        #expect(f.state.insights.result?.result.columns == ["@timestamp", "msg", "ms"])
        #expect(f.insightsRows == [
            ["2025-12-31 23:59:15.000", "payment declined", "280"],
            ["2025-12-31 23:56:12.000", "payment declined", "310"],
        ])
        #expect(!f.state.insights.editing)
        #expect(f.screen.contains("payment declined"))
        #expect(f.screen.contains("2 records · 12 scanned"))
    }

    @Test("an empty editor runs AWS's default query")
    func emptyRunsDefault() throws {
        let f = try seeded()
        f.runQuery("")
        #expect(f.state.insights.editor.text == InsightsState.defaultQuery)
        #expect(f.state.insights.result?.result.columns == ["@timestamp", "@message", "@logStream", "@log"])
        #expect(f.insightsRows.count == 12)
    }

    @Test("↑ and ↓ in the editor walk the queries run, newest first, each once")
    func history() throws {
        let f = try seeded()
        f.runQuery("fields @message | limit 1")
        f.runQuery("fields @message | limit 2")
        f.runQuery("fields @message | limit 1")
        #expect(f.state.insights.history.entries == ["fields @message | limit 1", "fields @message | limit 2"])
        f.harness.press("e", "ctrl+u")
        f.harness.type("stats count(*)")
        f.harness.press("up")
        #expect(f.state.insights.editor.text == "fields @message | limit 1")
        f.harness.press("up")
        #expect(f.state.insights.editor.text == "fields @message | limit 2")
        f.harness.press("up")
        #expect(f.state.insights.editor.text == "fields @message | limit 2", "nothing older: it stays")
        f.harness.press("down", "down")
        #expect(f.state.insights.editor.text == "stats count(*)", "past the newest, the text being typed comes back")
    }

    @Test("the first ↑ after a run skips the query the editor already holds")
    func historySkipsCurrent() throws {
        let f = try seeded()
        f.runQuery("fields @message | limit 1")
        f.runQuery("fields @message | limit 2")
        f.harness.press("e", "up")
        #expect(f.state.insights.editor.text == "fields @message | limit 1")
        f.harness.press("down")
        #expect(f.state.insights.editor.text == "fields @message | limit 2")
    }

    @Test("the history is kept in a file between sessions; a missing or damaged file is an empty history")
    func historyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insights-history-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state/overcast/insights-history").path
        let first = try ConsoleFixture()
        try first.insightsAccount()
        first.harness.update { $0.insights.historyPath = path }
        first.openInsights()
        first.runQuery("fields @message | limit 3")
        #expect(InsightsHistoryFile.read(path) == ["fields @message | limit 3"])

        let second = try ConsoleFixture()
        second.harness.update { $0.insights.historyPath = path }
        second.openInsights()
        second.harness.press("up")
        #expect(second.state.insights.editor.text == "fields @message | limit 3")

        try Data([0xFF, 0xFE, 0x00, 0x0A]).write(to: URL(fileURLWithPath: path))
        let third = try ConsoleFixture()
        third.harness.update { $0.insights.historyPath = path }
        third.openInsights()
        #expect(third.state.insights.history.entries.isEmpty)
        #expect(InsightsHistoryFile.read(path).isEmpty)
    }

    @Test("ticking other groups in the picker runs the query again over them")
    func groupPicker() throws {
        let f = try seeded()
        f.runQuery("stats count(*) as events by @log")
        // stats groups come in the order they first appear: the payments lines are the older ones.
        #expect(f.insightsRows == [["123456789012:/aws/lambda/payments", "2"], ["123456789012:/aws/lambda/orders", "10"]])
        f.harness.press("s")
        #expect(f.screen.contains("Log groups to query"))
        #expect(f.screen.contains("2 of 3 ticked"))
        f.harness.press("space", "j", "space", "j", "space", "enter")
        #expect(f.state.insights.picker == nil)
        #expect(f.state.insights.chosenGroups == ["/ecs/web"])
        #expect(f.insightsRows == [["123456789012:/ecs/web", "2"]])
        #expect(f.screen.contains("/ecs/web"))
    }

    @Test("the picker refuses to query no group at all, and Esc keeps the groups as they were")
    func pickerNeedsAGroup() throws {
        let f = try seeded()
        f.harness.press("esc", "s", "a")
        #expect(f.state.insights.picker?.chosen.count == 3)
        f.harness.press("a", "enter")
        #expect(f.state.insights.picker?.problem == "Tick at least one log group (Space).")
        #expect(f.screen.contains("Tick at least one log group"))
        f.harness.press("esc")
        #expect(f.state.insights.picker == nil)
        #expect(f.state.insights.chosenGroups == nil)
    }

    @Test("a bad query shows the engine's error naming the token; the previous results stay")
    func errorKeepsResults() throws {
        let f = try seeded()
        f.runQuery("stats count(*) by bin(1m)")
        let before = f.insightsRows
        f.runQuery("fields @message | sort @timestamp sideways")
        let message = f.state.insights.error?.description ?? ""
        #expect(message == "MalformedQueryException: Invalid query: expected '|' or the end of the query but found 'sideways' at position 35.")
        #expect(f.insightsRows == before)
        #expect(f.state.insights.editing, "the editor keeps the keys to fix the query")
        #expect(f.screen.contains("✗ MalformedQueryException"))
    }

    @Test("stats … by bin(…) shows a bar chart first; v switches to the table and back")
    func chartToggle() throws {
        let f = try seeded()
        f.runQuery("stats count(*) by bin(1m)")
        #expect(f.state.insights.showsChart)
        let bars = f.state.insights.chart?.bars ?? []
        #expect(bars.map(\.label) == ["23:20", "23:21", "23:55", "23:56", "23:57", "23:59"])
        #expect(bars.map(\.text) == ["1", "1", "2", "1", "3", "4"])
        #expect(f.screen.contains("count(*) per bin(1m)"))
        #expect(f.screen.contains("████"))
        f.harness.press("v")
        #expect(!f.state.insights.showsChart)
        #expect(f.screen.contains("bin(1m)"))
        #expect(f.screen.contains("2025-12-31 23:59:00.000"))
        f.harness.press("v")
        #expect(f.state.insights.showsChart)
    }

    @Test("the chart measures the first aggregate, named or aliased; a numeric by key goes into the label")
    func chartMeasure() throws {
        let f = try seeded()
        f.runQuery("filter level != \"INFO\" | stats count(*) as problems, avg(ms) by bin(1m)")
        let chart = f.state.insights.chart
        #expect(chart?.measure == "problems")
        #expect(chart?.unchartedColumns == ["avg(ms)"])
        #expect(chart?.bars.map(\.label) == ["23:56", "23:57", "23:59"])
        #expect(f.screen.contains("problems per bin(1m) · max 1 · not charted: avg(ms)"))
        f.runQuery("stats count(*) by bin(5m), ms")
        #expect(f.state.insights.chart?.measure == "count(*)")
        #expect(f.state.insights.chart?.bars.map(\.label).contains("23:55 42") == true)
    }

    @Test("v without bin(…) says why there is no chart")
    func noChart() throws {
        let f = try seeded()
        f.runQuery("stats count(*) by @logStream")
        f.harness.press("v")
        #expect(!f.state.insights.showsChart)
        #expect(f.lastToast == "Chart: The chart needs a query with stats … by bin(…).")
    }

    @Test("t and T change the time range and run the query again over it")
    func timeRange() throws {
        let f = try seeded()
        f.runQuery("stats count(*) as events")
        #expect(f.insightsRows == [["12"]])
        f.harness.press("T", "T")
        #expect(f.state.insights.range == .fiveMinutes)
        #expect(f.insightsRows == [["10"]], "the payments lines are older than five minutes")
        #expect(f.screen.contains("last 5m"))
        f.harness.press("t")
        #expect(f.state.insights.range == .fifteenMinutes)
    }

    @Test("c takes an absolute range in UTC; t goes back to the presets")
    func customRange() throws {
        let f = try seeded()
        f.runQuery("stats count(*) as events")
        f.harness.press("c")
        #expect(f.state.insights.rangeInput?.text == "2025-12-31 23:00 – 2026-01-01 00:00")
        f.harness.press("ctrl+u")
        f.harness.type("2025-12-31 23:55 – 2025-12-31 23:57")
        f.harness.press("enter")
        #expect(f.state.insights.customRange == InsightsCustomRange(start: 1_767_225_300, end: 1_767_225_420))
        #expect(f.insightsRows == [["3"]], "23:55:05, 23:55:40 and 23:56:12; 23:57:01 is after the end")
        #expect(f.screen.contains("2025-12-31 23:55 – 2025-12-31 23:57 UTC"))
        f.harness.press("t")
        #expect(f.state.insights.customRange == nil)
        #expect(f.state.insights.range == .hour, "the preset shown before the typed range")
        #expect(f.insightsRows == [["12"]])
    }

    @Test("a custom range that does not read as two times says what to type, and keeps the text")
    func customRangeProblem() throws {
        let f = try seeded()
        f.harness.press("esc", "c", "ctrl+u")
        f.harness.type("yesterday – today")
        f.harness.press("enter")
        #expect(f.state.insights.rangeProblem == "“yesterday” is not a time such as 2026-01-01 09:30 (UTC).")
        #expect(f.state.insights.rangeInput?.text == "yesterday – today")
        #expect(f.screen.contains("✗ “yesterday” is not a time"))
        f.harness.press("ctrl+u")
        f.harness.type("2026-01-01 00:00 – 2025-12-31 23:00")
        f.harness.press("enter")
        #expect(f.state.insights.rangeProblem == "The end comes before the start.")
        f.harness.press("esc")
        #expect(f.state.insights.rangeInput == nil)
        #expect(f.state.insights.customRange == nil)
    }

    @Test("an answer for a run that a newer one replaced is dropped")
    func staleRunDropped() throws {
        let f = try seeded()
        f.harness.autoSettle = false
        f.runQuery("stats count(*) as older")
        f.harness.press("ctrl+u")
        f.harness.type("stats count(*) as newer")
        f.harness.press("enter")
        #expect(f.screen.contains("Running…"))
        f.harness.settle()
        #expect(f.state.insights.result?.result.columns == ["newer"])
        #expect(f.state.insights.running == nil)
    }

    @Test("Enter opens the selected record whole; Esc closes it")
    func recordDetail() throws {
        let f = try seeded()
        f.runQuery("fields @timestamp, @message | limit 3")
        f.harness.press("j", "j", "enter")
        #expect(f.state.insights.detail?.row == 2)
        #expect(f.screen.contains("Record 3 of 3"))
        #expect(f.screen.contains("\"msg\": \"payment declined\","))
        f.harness.press("esc")
        #expect(f.state.insights.detail == nil)
    }

    @Test("with no log groups, Enter says how to get some instead of running")
    func noGroups() throws {
        let f = try ConsoleFixture()
        f.openInsights()
        #expect(f.screen.contains("No log groups yet"))
        f.harness.press("enter")
        #expect(f.state.insights.error?.message.hasPrefix("There are no log groups to query yet") == true)
        #expect(!f.harness.ranEffects.contains { if case .insights(.runQuery) = $0 { return true } else { return false } })
    }

    @Test("with more than 50 function groups, the first 50 are queried, and the screen says so")
    func manyGroups() throws {
        let f = try ConsoleFixture()
        for index in 0..<55 { try f.account.logs.createLogGroup(String(format: "/aws/lambda/fn-%02d", index), caller: .root) }
        f.openInsights()
        #expect(f.state.insights.effectiveGroups.count == 50)
        #expect(f.screen.contains("/aws/lambda/fn-00 +49  (the first 50 of /aws/lambda/)"))
        f.harness.press("esc", "s", "G", "space", "enter")
        #expect(f.state.insights.picker?.problem == "A query covers at most 50 log groups; 51 are ticked.")
    }

    @Test("a group made while the view is open is offered at once")
    func newGroupOffered() throws {
        let f = try seeded()
        try f.account.logs.createLogGroup("/aws/lambda/emails", caller: .root)
        f.harness.settle()
        #expect(f.state.insights.effectiveGroups == ["/aws/lambda/emails", "/aws/lambda/orders", "/aws/lambda/payments"])
    }
}
