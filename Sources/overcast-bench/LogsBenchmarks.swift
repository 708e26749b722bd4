import CloudEngine
import Foundation

/// The figures of issue 12: the live pane's frame time and latency (`LogPaneBenchmarks`), FilterLogEvents with a
/// JSON pattern and a Logs Insights `stats` query, each over 1,000,000 JSON events.
enum LogsBenchmarks {
    static let eventCount = 1_000_000
    static let batch = 10_000

    static func run() throws {
        let folder = try Measurement.scratchFolder("logs")
        defer { try? FileManager.default.removeItem(at: folder) }
        try LogPaneBenchmarks.frames(folder)
        try LogPaneBenchmarks.latency(folder)
        if ProcessInfo.processInfo.environment["OVERCAST_BENCH_PANE_ONLY"] != nil { return }
        let account = try Account.open(path: folder.appendingPathComponent("logs.sqlite").path)
        try account.logs.createLogGroup("/bench/app", caller: .root)
        try account.logs.createLogStream(group: "/bench/app", stream: "web", caller: .root)
        // Ten hours of events, newest an hour ago; one in a hundred is an ERROR.
        let newest = Int64(Date().timeIntervalSince1970 * 1000) - 3_600_000
        let step = Int64(36_000_000 / eventCount)
        let seconds = try Measurement.seconds {
            for start in stride(from: 0, to: eventCount, by: batch) {
                let events = (start..<(start + batch)).map { index in
                    InputLogEvent(timestamp: newest - Int64(eventCount - index) * step,
                                  message: #"{"level":"\#(index % 100 == 0 ? "ERROR" : "INFO")","latency":\#(index % 250),"path":"/api/items/\#(index % 97)","user":"u\#(index % 1000)"}"#)
                }
                _ = try account.logs.putLogEvents(group: "/bench/app", stream: "web", events: events, caller: .root)
            }
        }
        Measurement.report("logs.put_log_events_per_s", Double(eventCount) / seconds, "events/s")

        var matched = 0
        let filter = try Measurement.seconds {
            var token: String?
            repeat {
                let page = try account.logs.filterLogEvents(group: "/bench/app", filterPattern: #"{ $.level = "ERROR" && $.latency > 100 }"#,
                                                            nextToken: token, caller: .root)
                matched += page.events.count
                token = page.nextToken
            } while token != nil
        }
        Measurement.report("logs.filter_json_1m_events_per_s", Double(eventCount) / filter, "events/s")
        // Every hundredth event is an ERROR; their latencies cycle 0, 100, 200, 50, 150, so two in five pass.
        if matched != eventCount / 100 * 2 / 5 {
            FileHandle.standardError.write(Data("logs: the filter matched \(matched) events\n".utf8))
        }

        let start = Date(timeIntervalSince1970: Double(newest) / 1000 - 40_000)
        let end = Date(timeIntervalSince1970: Double(newest) / 1000 + 1)
        var rows = 0
        let stats = try Measurement.seconds {
            rows = try account.logs.runQuery("stats count(*) by bin(1m)", groups: ["/bench/app"], start: start, end: end,
                                             caller: .root).rows.count
        }
        Measurement.report("logs.insights_stats_bin_1m_1m_events_s", stats, "s")
        let byField = try Measurement.seconds {
            _ = try account.logs.runQuery("filter level = 'ERROR' | stats avg(latency), pct(latency, 95) by path",
                                          groups: ["/bench/app"], start: start, end: end, caller: .root)
        }
        Measurement.report("logs.insights_stats_json_by_field_1m_events_s", byField, "s")
        if rows < 590 { FileHandle.standardError.write(Data("logs: the bin(1m) query gave \(rows) rows\n".utf8)) }
    }
}
