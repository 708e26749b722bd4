/// Reads the date forms IAM accepts in `Date...` conditions: ISO 8601 and epoch seconds.
///
/// Parsed by hand to a number of seconds so comparisons are exact and no
/// shared, non-Sendable date formatter is needed.
enum PolicyDate {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not a date IAM understands.
    ///
    /// Accepts `1700000000` (epoch, optionally with a fraction), `2024-03-01`,
    /// `2024-03-01T12:30Z`, `2024-03-01T12:30:15Z`, `2024-03-01T12:30:15.250+02:00`
    /// and the same without a zone (taken as UTC).
    static func seconds(from text: String) -> Double? {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let epoch = Double(text) {
            return epoch
        }
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
            let day = scanner.digits(2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if scanner.atEnd { return seconds }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "), let hour = scanner.digits(2),
            scanner.take(":"), let minute = scanner.digits(2), hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if scanner.take(":") {
            guard let second = scanner.digits(2), second < 61 else { return nil }
            seconds += Double(second)
            if scanner.take(".") {
                guard let fraction = scanner.fraction() else { return nil }
                seconds += fraction
            }
        }
        if scanner.atEnd || scanner.take("Z") || scanner.take("z") {
            return scanner.atEnd ? seconds : nil
        }
        let sign: Double
        if scanner.take("+") {
            sign = 1
        } else if scanner.take("-") {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = scanner.digits(2) else { return nil }
        _ = scanner.take(":")
        guard let offsetMinutes = scanner.digits(2), scanner.atEnd else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The smallest cursor over ASCII bytes the date grammar needs.
    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { offset == bytes.count }

        mutating func take(_ character: Character) -> Bool {
            guard let ascii = character.asciiValue, offset < bytes.count, bytes[offset] == ascii else { return false }
            offset += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard offset + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[offset..<(offset + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            offset += count
            return value
        }

        mutating func fraction() -> Double? {
            var scale = 0.1
            var value = 0.0
            let start = offset
            while offset < bytes.count, (48...57).contains(bytes[offset]) {
                value += Double(bytes[offset] - 48) * scale
                scale /= 10
                offset += 1
            }
            return offset > start ? value : nil
        }
    }
}
