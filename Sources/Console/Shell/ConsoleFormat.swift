import CloudEngine
import Foundation
import IAMPolicy

/// Dates and errors as the console shows them, the same on every machine (goldens depend on it).
enum ConsoleFormat {
    /// `2026-01-01 00:00` in UTC: sortable, and no locale or time zone leaks into a golden.
    static func dateTime(_ date: Date) -> String { UTCTimestamp(date).minutes }

    /// `2026-01-01 00:00:00 UTC`, for details views.
    static func fullDateTime(_ date: Date) -> String {
        let time = UTCTimestamp(date)
        return "\(time.date) \(time.time) UTC"
    }

    /// `12:34:56.789` in UTC, for log lines (the date is in the stream's name).
    static func logTime(milliseconds: Int64) -> String { UTCTimestamp(milliseconds: milliseconds).timeWithMilliseconds }

    /// `14:03:07`: when something was said this session (seconds since 1970, UTC).
    static func clockTime(_ seconds: Double) -> String { String(logTime(milliseconds: Int64(seconds * 1000)).prefix(8)) }
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
