import Foundation

/// The one UTC calendar breakdown of a moment, and the formats the engine and the console write it in.
///
/// It lives in IAMPolicy, the innermost module, because the policy language needs it too (`aws:CurrentTime`).
///
/// Pure arithmetic on milliseconds since 1970 (no formatter, locale or time zone), so every timestamp an
/// event, a log line, an API answer or a screen shows is the same on every machine, and cheap.
public struct UTCTimestamp: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let millisecond: Int
    /// 0 is Sunday.
    public let weekday: Int

    public init(_ date: Date) {
        self.init(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    public init(milliseconds: Int64) {
        let millis = Int(milliseconds)
        let ms = ((millis % 1000) + 1000) % 1000
        let seconds = (millis - ms) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        millisecond = ms
        weekday = ((days + 4) % 7 + 7) % 7
    }

    /// `20130524T000000Z`: ISO 8601's basic form, as SigV4's `X-Amz-Date` writes it.
    public var basicISO8601: String {
        "\(Self.pad(year, 4))\(Self.pad(month))\(Self.pad(day))T\(Self.pad(hour))\(Self.pad(minute))\(Self.pad(second))Z"
    }

    /// The moment of a UTC civil date and time (proleptic Gregorian); nil when a field is out of range.
    public static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second) else { return nil }
        let days = PolicyDate.daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// `Wed, 02 Dec 2026 01:50:00 GMT`: HTTP's date (RFC 9110 IMF-fixdate), for Last-Modified and Date headers.
    public var httpDate: String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[weekday]), \(Self.pad(day)) \(months[month - 1]) \(Self.pad(year, 4)) \(time) GMT"
    }

    /// `2026-01-01`
    public var date: String { "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))" }
    /// `12:34:56`
    public var time: String { "\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))" }
    /// `12:34:56.789`
    public var timeWithMilliseconds: String { time + "." + Self.pad(millisecond, 3) }
    /// `2026-01-01T12:34:56Z` (STS `Expiration`)
    public var iso8601: String { "\(date)T\(time)Z" }
    /// `2026-01-01T12:34:56.789Z` (S3 event `eventTime`, Lambda's log lines)
    public var iso8601Milliseconds: String { "\(date)T\(timeWithMilliseconds)Z" }
    /// `2026-01-01T12:34:56.789+0000` (Lambda `LastModified`)
    public var lambdaLastModified: String { "\(date)T\(timeWithMilliseconds)+0000" }
    /// `2026/01/01/` (the start of a Lambda log stream's name)
    public var slashedDate: String { "\(Self.pad(year, 4))/\(Self.pad(month))/\(Self.pad(day))/" }
    /// `2026-01-01 12:34` (the console's lists)
    public var minutes: String { "\(date) \(Self.pad(hour)):\(Self.pad(minute))" }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
