import Foundation
import Testing
@testable import CloudEngine
import IAMPolicy

/// The one UTC formatter: the formats each API and screen uses, across the dates arithmetic gets wrong.
@Suite("UTC timestamps")
struct UTCTimestampTests {
    @Test("Every format of one moment")
    func formats() {
        let time = UTCTimestamp(milliseconds: 1_767_225_600_000 + 3_723_045) // 2026-01-01 01:02:03.045
        #expect(time.iso8601 == "2026-01-01T01:02:03Z")
        #expect(time.iso8601Milliseconds == "2026-01-01T01:02:03.045Z")
        #expect(time.lambdaLastModified == "2026-01-01T01:02:03.045+0000")
        #expect(time.slashedDate == "2026/01/01/")
        #expect(time.minutes == "2026-01-01 01:02")
        #expect(time.timeWithMilliseconds == "01:02:03.045")
    }

    @Test("The epoch, a leap day, the end of a century year, and before 1970")
    func edges() {
        #expect(UTCTimestamp(milliseconds: 0).iso8601Milliseconds == "1970-01-01T00:00:00.000Z")
        #expect(UTCTimestamp(milliseconds: 951_782_400_000).date == "2000-02-29")
        #expect(UTCTimestamp(milliseconds: 4_107_542_399_999).iso8601Milliseconds == "2100-02-28T23:59:59.999Z")
        #expect(UTCTimestamp(milliseconds: -1).iso8601Milliseconds == "1969-12-31T23:59:59.999Z")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: 1_700_000_000.5)).iso8601Milliseconds == "2023-11-14T22:13:20.500Z")
    }
}
