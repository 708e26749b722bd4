import Foundation

/// Timing and reporting helpers shared by the suites.
enum Measurement {
    /// Seconds taken by `body`, on the monotonic clock.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The samples' value at `fraction` (0.5 median, 0.99 p99), nearest rank.
    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    /// Prints one figure as `suite.name value unit`.
    static func report(_ name: String, _ value: Double, _ unit: String) {
        let text = value >= 100 ? String(Int(value.rounded())) : String((value * 1000).rounded() / 1000)
        print("\(name) \(text) \(unit)")
        fflush(nil)
    }

    /// Peak resident set size of this process so far (VmHWM), in MiB.
    static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }

    /// A scratch folder for one run, removed by the caller.
    static func scratchFolder(_ name: String) throws -> URL {
        let base = ProcessInfo.processInfo.environment["OVERCAST_BENCH_DIR"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("overcast-bench-\(name)-\(getpid())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
