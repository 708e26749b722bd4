@_spi(Benchmarks) import CloudEngine
import Console
import Foundation
import TerminalUI

/// The console figures of issue 4: a bucket of 1,000,000 objects, opened and paged, data plus render, no terminal.
///
/// The parent seeds the bucket; a child process opens the account and drives
/// the console through its headless harness (reducer, effects inline, view),
/// so its peak RSS is the console's alone and not the seeding's.
enum ConsoleBenchmarks {
    static func run() throws {
        let folder = try Measurement.scratchFolder("console")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("million.sqlite").path
        let account = try Account.open(path: db)
        try account.storage.createBucket("million", caller: .root)
        // Flat keys, so the root of the bucket is one folder of a million entries: the hardest case to page.
        let keys = (0..<1_000_000).lazy.map { "event-" + StorageBenchmarks.pad($0, 7) + ".json" }
        try account.storage.bulkLoadEmptyObjects(bucket: "million", keys: keys)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["_console-child", db]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw EngineError.internalError("console benchmark child failed") }
    }

    /// In the child: open the bucket, page down, jump to the end; print the figures.
    static func child() throws {
        let db = CommandLine.arguments[2]
        let account = try Account.open(path: db)
        let harness = ConsoleHarness(account: account, size: Size(width: 120, height: 40))
        harness.start()
        var open: [Double] = []
        for _ in 0..<50 {
            open.append(try Measurement.seconds {
                harness.press("enter")
                _ = harness.screen
            } * 1000)
            guard harness.state.buckets.browser?.table.rows.isEmpty == false else {
                throw EngineError.internalError("the bucket did not open")
            }
            harness.press("esc")
        }
        harness.press("enter")
        let pageDown = try frames(600) { harness.press("pgdn") } render: { _ = harness.screen }
        let down = try frames(600) { harness.press("j") } render: { _ = harness.screen }
        var bottom: [Double] = []
        for _ in 0..<10 {
            bottom.append(try Measurement.seconds {
                harness.press("G")
                _ = harness.screen
            } * 1000)
            guard harness.state.buckets.browser?.table.selectedID == "event-0999999.json" else {
                throw EngineError.internalError("G did not reach the last object")
            }
            harness.press("g")
        }
        Measurement.report("console.open_bucket_1m_median_ms", Measurement.percentile(open, 0.5), "ms")
        Measurement.report("console.open_bucket_1m_p99_ms", Measurement.percentile(open, 0.99), "ms")
        Measurement.report("console.page_down_1m_median_ms", Measurement.percentile(pageDown, 0.5), "ms")
        Measurement.report("console.page_down_1m_p99_ms", Measurement.percentile(pageDown, 0.99), "ms")
        Measurement.report("console.row_down_1m_median_ms", Measurement.percentile(down, 0.5), "ms")
        Measurement.report("console.row_down_1m_p99_ms", Measurement.percentile(down, 0.99), "ms")
        Measurement.report("console.jump_to_end_1m_median_ms", Measurement.percentile(bottom, 0.5), "ms")
        Measurement.report("console.jump_to_end_1m_max_ms", bottom.max() ?? 0, "ms")
        Measurement.report("console.peak_rss_mib", Measurement.peakRSSMiB(), "MiB")
    }

    /// Milliseconds of `count` frames: a key (data included, effects run inline) then the render.
    static func frames(_ count: Int, key: () throws -> Void, render: () -> Void) throws -> [Double] {
        try (0..<count).map { _ in
            try Measurement.seconds {
                try key()
                render()
            } * 1000
        }
    }
}
