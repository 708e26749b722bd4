import Foundation
import IAMPolicy

/// The two request-time formats: ISO 8601 basic ("20130524T000000Z") and the HTTP Date header
/// ("Fri, 24 May 2013 00:00:00 GMT"). Parsed by hand (no formatter, no locale, no shared state); the calendar
/// arithmetic is `UTCTimestamp`'s, the one the whole project uses.
enum AMZDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// "yyyyMMdd'T'HHmmss'Z'" in UTC.
    static func format(_ date: Date) -> String { UTCTimestamp(date).basicISO8601 }

    /// Parses "yyyyMMdd'T'HHmmss'Z'".
    static func parseISO(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Parses an RFC 1123 date ("Fri, 24 May 2013 00:00:00 GMT").
    static func parseHTTP(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 6, parts[5] == "GMT" || parts[5] == "UTC",
              let day = Int(parts[1]), let monthIndex = months.firstIndex(of: parts[2].lowercased()),
              let year = Int(parts[3]) else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2])
        else { return nil }
        return make(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
    }

    private static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        UTCTimestamp.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}
