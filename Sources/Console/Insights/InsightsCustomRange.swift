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
    static func parse(_ text: String, now: Double) -> Result<InsightsCustomRange, InsightsInputProblem> {
        let separators = ["–", "→", " to "]
        guard let separator = separators.first(where: text.contains) else {
            return .failure(InsightsInputProblem(message: "Type two times: \(format)."))
        }
        let parts = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return .failure(InsightsInputProblem(message: "Type two times: \(format).")) }
        guard let start = time(parts[0], now: now) else {
            return .failure(InsightsInputProblem(message: "“\(parts[0])” is not a time such as 2026-01-01 09:30 (UTC)."))
        }
        guard let end = time(parts[1], now: now) else {
            return .failure(InsightsInputProblem(message: "“\(parts[1])” is not a time such as 2026-01-01 09:30 (UTC)."))
        }
        guard end >= start else { return .failure(InsightsInputProblem(message: "The end comes before the start.")) }
        return .success(InsightsCustomRange(start: start, end: end))
    }

    /// Either end as `TimeInput` reads it (`2026-01-01 09:30`, `09:30`, `-2h`), in seconds.
    private static func time(_ text: String, now: Double) -> Double? {
        guard case .success(let millis) = TimeInput.parse(text, now: now) else { return nil }
        return Double(millis) / 1000
    }
}
