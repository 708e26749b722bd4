/// The progress of a transfer or other long task, with times passed in by the caller.
///
/// Rendering is pure, so the state holds elapsed time rather than a start
/// date: the caller measures time and updates `elapsedSeconds` with each
/// progress report.
public struct ProgressState: Hashable, Sendable {
    public var title: String
    /// What is being worked on ("photos/cat.jpg").
    public var detail: String
    public var completedBytes: Int64
    /// Total bytes, or nil when unknown (a stream).
    public var totalBytes: Int64?
    public var elapsedSeconds: Double
    /// Whether Esc cancels (shown in the hint).
    public var isCancellable: Bool

    public init(title: String, detail: String = "", completedBytes: Int64 = 0, totalBytes: Int64? = nil,
                elapsedSeconds: Double = 0, isCancellable: Bool = true) {
        self.title = title
        self.detail = detail
        self.completedBytes = completedBytes
        self.totalBytes = totalBytes
        self.elapsedSeconds = elapsedSeconds
        self.isCancellable = isCancellable
    }

    /// Done so far, 0...1, or nil when the total is unknown.
    public var fraction: Double? {
        guard let total = totalBytes else { return nil }
        guard total > 0 else { return 1 }
        return min(1, max(0, Double(completedBytes) / Double(total)))
    }

    /// Average bytes per second so far, or nil before any time has passed.
    public var bytesPerSecond: Double? {
        guard elapsedSeconds > 0 else { return nil }
        return Double(completedBytes) / elapsedSeconds
    }

    /// Seconds left at the average rate, or nil when it cannot be estimated.
    public var etaSeconds: Double? {
        guard let total = totalBytes, let rate = bytesPerSecond, rate > 0 else { return nil }
        return Double(max(0, total - completedBytes)) / rate
    }

    /// `1.5 MiB of 3.2 MiB · 820.0 KiB/s · ETA 2s`.
    public var summary: String {
        var parts = [Formatting.bytes(completedBytes) + (totalBytes.map { " of " + Formatting.bytes($0) } ?? "")]
        if let rate = bytesPerSecond { parts.append(Formatting.rate(bytesPerSecond: rate)) }
        if let eta = etaSeconds, (fraction ?? 0) < 1 { parts.append("ETA " + Formatting.duration(seconds: eta)) }
        return parts.joined(separator: " · ")
    }
}
