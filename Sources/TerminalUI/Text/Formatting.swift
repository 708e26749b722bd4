/// Human-readable sizes, durations and rates for progress and tables.
///
/// Written here rather than with `ByteCountFormatter` so the output is the
/// same on every platform and locale (goldens depend on it), and uses IEC
/// units (`MiB`) like the AWS CLI.
public enum Formatting {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]

    /// `512 B`, `1.5 KiB`, `20.0 MiB`, `3.2 GiB`.
    public static func bytes(_ count: Int64) -> String {
        guard count >= 1024 || count <= -1024 else { return "\(count) B" }
        var value = Double(count)
        var unit = 0
        while abs(value) >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return oneDecimal(value) + " " + units[unit]
    }

    /// `820.0 KiB/s`.
    public static func rate(bytesPerSecond: Double) -> String {
        guard bytesPerSecond.isFinite, bytesPerSecond >= 0 else { return "–" }
        return bytes(Int64(bytesPerSecond.rounded())) + "/s"
    }

    /// `<1s`, `45s`, `2m 05s`, `1h 02m`, `3d 04h`.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 1 { return "<1s" }
        let total = Int(seconds.rounded())
        let (days, hours, minutes, secs) = (total / 86_400, total / 3600 % 24, total / 60 % 60, total % 60)
        if days > 0 { return "\(days)d \(twoDigits(hours))h" }
        if hours > 0 { return "\(hours)h \(twoDigits(minutes))m" }
        if minutes > 0 { return "\(minutes)m \(twoDigits(secs))s" }
        return "\(secs)s"
    }

    /// `1,234,567`: grouped thousands for counts.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `45%` of a fraction 0...1, never 100% until complete.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        let clamped = min(max(fraction, 0), 1)
        let value = clamped < 1 ? min(99, Int(clamped * 100)) : 100
        return "\(value)%"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
