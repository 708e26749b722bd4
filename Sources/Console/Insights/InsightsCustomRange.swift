import Foundation

/// An absolute time range typed as `2025-12-31 23:00 – 2026-01-01 00:00` (UTC, both ends inclusive), as the AWS
/// console's "Absolute" tab takes it.
public struct InsightsCustomRange: Sendable, Equatable {
    /// Seconds since 1970.
    public var start: Double
    public var end: Double

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// What the range field starts with: `start – end` as the console writes times.
    static func text(start: Double, end: Double) -> String {
        "\(ConsoleFormat.dateTime(Date(timeIntervalSince1970: start))) – \(ConsoleFormat.dateTime(Date(timeIntervalSince1970: end)))"
    }

    static let format = "YYYY-MM-DD HH:MM – YYYY-MM-DD HH:MM, in UTC"

    /// The range typed, or what is wrong with it.
    static func parse(_ text: String) -> Result<InsightsCustomRange, InsightsInputProblem> {
        let separators = ["–", "→", " to "]
        guard let separator = separators.first(where: text.contains) else {
            return .failure(InsightsInputProblem(message: "Type two times: \(format)."))
        }
        let parts = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return .failure(InsightsInputProblem(message: "Type two times: \(format).")) }
        guard let start = time(parts[0]) else {
            return .failure(InsightsInputProblem(message: "“\(parts[0])” is not a time such as 2026-01-01 09:30 (UTC)."))
        }
        guard let end = time(parts[1]) else {
            return .failure(InsightsInputProblem(message: "“\(parts[1])” is not a time such as 2026-01-01 09:30 (UTC)."))
        }
        guard end >= start else { return .failure(InsightsInputProblem(message: "The end comes before the start.")) }
        return .success(InsightsCustomRange(start: start, end: end))
    }

    /// `2026-01-01 09:30` or `2026-01-01 09:30:15` (or with a `T`), read as UTC by Foundation's ISO 8601 parser.
    private static func time(_ text: String) -> Double? {
        var iso = text.replacingOccurrences(of: " ", with: "T")
        if iso.count == 16 { iso += ":00" }
        guard iso.count == 19 else { return nil }
        return ISO8601DateFormatter().date(from: iso + "Z")?.timeIntervalSince1970
    }
}
