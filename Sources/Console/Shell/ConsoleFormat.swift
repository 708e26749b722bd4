import CloudEngine
import Foundation

/// Dates and errors as the console shows them, the same on every machine (goldens depend on it).
enum ConsoleFormat {
    /// `2026-01-01 00:00` in UTC: sortable, and no locale or time zone leaks into a golden.
    static func dateTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return "\(y)-\(two(m))-\(two(d)) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60))"
    }

    /// `2026-01-01 00:00:00 UTC`, for details views.
    static func fullDateTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let s = ((seconds % 60) + 60) % 60
        return dateTime(date) + ":\(two(s)) UTC"
    }

    /// `12:34:56.789` in UTC, for log lines (the date is in the stream's name).
    static func logTime(milliseconds: Int64) -> String {
        let ms = Int(((milliseconds % 1000) + 1000) % 1000)
        let seconds = Int((milliseconds - Int64(ms)) / 1000)
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let millis = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(millis)"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// An error as a person reads it: the AWS code when there is one, and the message, whole.
public struct ConsoleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String?
    public var message: String

    public init(code: String? = nil, message: String) {
        self.code = code
        self.message = message
    }

    public init(_ error: any Error) {
        switch error {
        case let engine as EngineError:
            self.init(code: engine.code, message: engine.message)
        case let local as LocalFileError:
            self.init(message: local.description)
        case let console as ConsoleError:
            self = console
        case is CancellationError:
            self.init(message: "Cancelled.")
        default:
            self.init(message: String(describing: error))
        }
    }

    /// `BucketNotEmpty: The bucket you tried to delete is not empty: …`.
    public var description: String { code.map { "\($0): \(message)" } ?? message }
}
