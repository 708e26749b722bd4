import CloudEngine
import Console
import Foundation
import TerminalUI

/// The live log pane's figures of issue 12: frame time while 100,000 events are appended, and the latency from
/// another process's commit to the event being in the pane's state.
enum LogPaneBenchmarks {
    static let frameEvents = 100_000
    static let frameBatch = 200
    static let probes = 120

    /// Appends 100,000 events in batches of 200 (as fast as the engine takes them); after each batch one frame:
    /// the pane hears the change, reads (bounded), and the whole screen is rendered. The frame figure is the UI
    /// thread's part (reducer and render); the read, which the app runs on its effect queue, is its own figure.
    static func frames(_ folder: URL) throws {
        let account = try Account.open(path: folder.appendingPathComponent("pane.sqlite").path)
        try account.logs.createLogGroup("/aws/lambda/burst", caller: .root)
        let streams = (0..<4).map { "2026/01/01/[$LATEST]\($0)a5e11" }
        for stream in streams { try account.logs.createLogStream(group: "/aws/lambda/burst", stream: stream, caller: .root) }
        let harness = ConsoleHarness(account: account, size: Size(width: 120, height: 40))
        harness.start()
        harness.press("L", "tab", "+", "+", "+")
        var times: [Double] = []
        var renders: [Double] = []
        var readTimes: [Double] = []
        var written = 0
        let start = Int64(Date().timeIntervalSince1970 * 1000)
        while written < frameEvents {
            let events = (0..<frameBatch).map { offset -> InputLogEvent in
                let n = written + offset
                let message = n % 7 == 0 ? #"{"level":"error","msg":"payment failed","order":\#(n)}"#
                    : "[INFO]\t2026-01-01T00:00:00.000Z\treq-\(n)\tprocessed order \(n) in \(n % 90) ms"
                return InputLogEvent(timestamp: start + Int64(n / 100), message: message)
            }
            try account.logs.putLogEvents(group: "/aws/lambda/burst", stream: streams[(written / frameBatch) % 4],
                                          events: events, caller: .root)
            written += frameBatch
            // What the UI thread does for a frame: the reducer taking the change and the read's answer, and the
            // render. The bounded read itself runs on the effect queue in the app, so it is timed apart.
            let effectsBefore = harness.effectSeconds
            var reads = 0.0
            times.append(Measurement.seconds {
                harness.settle()
                reads = harness.effectSeconds - effectsBefore
                _ = harness.screen
            } * 1000 - reads * 1000)
            readTimes.append(reads * 1000)
            renders.append(Measurement.seconds { _ = harness.screen } * 1000)
        }
        guard harness.state.logTail.lines.last?.message.contains("\(frameEvents - 1)") == true else {
            throw EngineError.internalError("the pane did not keep up with the burst")
        }
        Measurement.report("logs.pane_frame_median_ms", Measurement.percentile(times, 0.5), "ms")
        Measurement.report("logs.pane_frame_p99_ms", Measurement.percentile(times, 0.99), "ms")
        Measurement.report("logs.pane_render_median_ms", Measurement.percentile(renders, 0.5), "ms")
        Measurement.report("logs.pane_render_p99_ms", Measurement.percentile(renders, 0.99), "ms")
        Measurement.report("logs.pane_read_median_ms", Measurement.percentile(readTimes, 0.5), "ms")
        Measurement.report("logs.pane_read_p99_ms", Measurement.percentile(readTimes, 0.99), "ms")
    }

    /// A child process writes one event at a time with its wall-clock time in the message; this process runs the
    /// app's path (ExternalChangeMonitor at the console's interval, the change feed, the mailbox drained every
    /// loop turn of at most 50 ms as the app's key timeout allows, the reducer and the read) and notes when each
    /// event is in the pane's state.
    static func latency(_ folder: URL) throws {
        let path = folder.appendingPathComponent("latency.sqlite").path
        let account = try Account.open(path: path)
        try account.logs.createLogGroup("/aws/lambda/remote", caller: .root)
        try account.logs.createLogStream(group: "/aws/lambda/remote", stream: "probe", caller: .root)
        let harness = ConsoleHarness(account: account, size: Size(width: 120, height: 40))
        harness.start()
        harness.press("L")
        let monitor = ExternalChangeMonitor(account: account)
        monitor.start(interval: ExternalChangeMonitor.consoleInterval)
        defer { monitor.stop() }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["_logs-writer", path, String(probes)]
        try child.run()
        var samples: [Double] = []
        var seen = harness.state.logTail.lines.appended
        let deadline = Date().addingTimeInterval(120)
        while samples.count < probes, Date() < deadline {
            harness.settle()
            let now = Date().timeIntervalSince1970 * 1000
            let lines = harness.state.logTail.lines
            for index in max(0, seen - lines.firstSeq)..<lines.count {
                let message = lines[index].message
                if message.hasPrefix("probe "), let sent = Double(message.dropFirst(6)) { samples.append(now - sent) }
            }
            seen = lines.appended
            usleep(50_000)
        }
        child.waitUntilExit()
        guard samples.count == probes else { throw EngineError.internalError("only \(samples.count) of \(probes) probes arrived") }
        Measurement.report("logs.pane_latency_p50_ms", Measurement.percentile(samples, 0.5), "ms")
        Measurement.report("logs.pane_latency_p99_ms", Measurement.percentile(samples, 0.99), "ms")
    }

    /// In the child: `probes` events, 20–80 ms apart, each saying when it was written.
    static func writer() throws {
        let path = CommandLine.arguments[2]
        let count = Int(CommandLine.arguments[3]) ?? probes
        let account = try Account.open(path: path)
        for _ in 0..<count {
            usleep(UInt32.random(in: 20_000...80_000))
            let now = Date().timeIntervalSince1970 * 1000
            try account.logs.putLogEvents(group: "/aws/lambda/remote", stream: "probe",
                                          events: [InputLogEvent(timestamp: Int64(now), message: "probe \(now)")], caller: .root)
        }
    }
}
