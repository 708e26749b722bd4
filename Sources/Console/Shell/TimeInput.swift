import Foundation
import IAMPolicy

/// The one way the console reads a typed time (Log groups' jump, Insights' absolute range), in UTC as every time it shows: `2026-12-01 10:30` (seconds optional),
/// `10:30` (the latest one not in the future), or a moment back from now, `-15m`, `-2h`, `-1d`, `-30s`.
enum TimeInput {
    static let hint = "a time in UTC: 2026-12-01 10:30, 10:30, -15m or -2h"

    /// Milliseconds since 1970, or the sentence saying what is accepted.
    static func parse(_ typed: String, now: Double) -> Result<Int64, TimeInputError> {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let nowMillis = Int64(now * 1000)
        if text.hasPrefix("-") {
            let units: [Character: Int64] = ["s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000]
            guard let unit = text.last.flatMap({ units[$0] }), let amount = Int64(text.dropFirst().dropLast()), amount >= 0 else {
                return .failure(TimeInputError(typed: typed))
            }
            return .success(nowMillis - amount * unit)
        }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), let clock = Self.clock(parts[parts.count - 1]) else {
            return .failure(TimeInputError(typed: typed))
        }
        let today = UTCTimestamp(milliseconds: nowMillis)
        var day = (today.year, today.month, today.day)
        if parts.count == 2 {
            let date = parts[0].split(separator: "-").compactMap { Int($0) }
            guard date.count == 3 else { return .failure(TimeInputError(typed: typed)) }
            day = (date[0], date[1], date[2])
        }
        guard let moment = UTCTimestamp.date(year: day.0, month: day.1, day: day.2, hour: clock.0, minute: clock.1,
                                             second: clock.2) else {
            return .failure(TimeInputError(typed: typed))
        }
        var millis = Int64(moment.timeIntervalSince1970 * 1000)
        // A time of day alone means the latest one: 23:50 typed just after midnight is yesterday's.
        if parts.count == 1, millis > nowMillis { millis -= 86_400_000 }
        return .success(millis)
    }

    /// `10:30` or `10:30:15`.
    private static func clock(_ text: Substring) -> (Int, Int, Int)? {
        let numbers = text.split(separator: ":").map { Int($0) }
        guard (2...3).contains(numbers.count), numbers.allSatisfy({ $0 != nil }) else { return nil }
        let values = numbers.compactMap { $0 }
        let (hour, minute, second) = (values[0], values[1], values.count == 3 ? values[2] : 0)
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        return (hour, minute, second)
    }
}

/// A typed time that did not read as one.
struct TimeInputError: Error, Equatable {
    var typed: String

    var message: String { "“\(typed)” is not a time. Type \(TimeInput.hint)." }
}
