import Foundation
import IAMPolicy

/// A value a query computes for an event or a row. Field values stay as their text (a JSON number `500`
/// is the text "500") and are read as numbers where a comparison or an aggregate needs one.
enum InsightsValue: Sendable, Hashable {
    case missing
    case text(String)
    case number(Double)
    /// Milliseconds since 1970: `@timestamp`, `@ingestionTime`, a `bin(...)`.
    case time(Int64)

    var isMissing: Bool { self == .missing }

    var number: Double? {
        switch self {
        case .missing: return nil
        case .number(let value): return value
        case .time(let millis): return Double(millis)
        case .text(let text): return Double(text)
        }
    }

    /// The value as Insights returns it: times as `2026-01-01 12:00:00.000`, whole numbers without a point.
    var text: String? {
        switch self {
        case .missing: return nil
        case .text(let text): return text
        case .number(let value): return Self.format(value)
        case .time(let millis): return Self.formatTime(millis)
        }
    }

    /// Whether a filter counts the value as true: present, and not empty, `0` or `false`.
    var truthy: Bool {
        switch self {
        case .missing: return false
        case .number(let value): return value != 0
        case .time: return true
        case .text(let text): return !text.isEmpty && text != "false"
        }
    }

    static func bool(_ value: Bool) -> InsightsValue { .number(value ? 1 : 0) }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func formatTime(_ millis: Int64) -> String {
        let stamp = UTCTimestamp(milliseconds: millis)
        return "\(stamp.date) \(stamp.timeWithMilliseconds)"
    }

    /// Orders two values: numerically when both read as numbers, else by text, and (as Insights sorts) every
    /// value that is not a number before every number; a missing value sorts first.
    static func order(_ left: InsightsValue, _ right: InsightsValue) -> Int {
        switch (left, right) {
        case (.missing, .missing): return 0
        case (.missing, _): return -1
        case (_, .missing): return 1
        default: break
        }
        if case .time(let a) = left, case .time(let b) = right { return a < b ? -1 : a == b ? 0 : 1 }
        switch (left.number, right.number) {
        case (let a?, let b?): return a < b ? -1 : a == b ? 0 : 1
        case (_?, nil): return 1
        case (nil, _?): return -1
        case (nil, nil): break
        }
        let a = left.text ?? "", b = right.text ?? ""
        return a < b ? -1 : a == b ? 0 : 1
    }
}
