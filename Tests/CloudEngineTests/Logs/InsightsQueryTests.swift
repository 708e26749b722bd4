import Foundation
import Testing
@testable import CloudEngine

@Suite("Logs Insights query parsing")
struct InsightsQueryTests {
    func columns(_ text: String) throws -> [String] { try InsightsParser.parse(text).columns.map(\.name) }

    @Test("fields names columns as written or by their alias; without fields a query answers @timestamp and @message")
    func fieldColumns() throws {
        #expect(try columns("fields @timestamp, @message, level as lvl, strlen(@message) as size") == ["@timestamp", "@message", "lvl", "size"])
        #expect(try columns("filter level = 'ERROR' or (ms >= 10 and not ispresent(x))") == ["@timestamp", "@message"])
        #expect(try columns("fields a.b | display a.b, @logStream") == ["a.b", "@logStream"])
        #expect(try columns("filter @message like /err/ and code in [500, \"503\"] and name =~ /^a/ | fields code") == ["code"])
    }

    @Test("parse adds its fields, from a glob's names or a regex's named groups")
    func parseColumns() throws {
        #expect(try columns(#"parse @message "user=* action=*" as user, action"#) == ["@timestamp", "@message", "user", "action"])
        #expect(try columns(#"fields @timestamp | parse @message /(?<user>\w+)-(?<id>\d+)/"#) == ["@timestamp", "user", "id"])
    }

    @Test("stats answers its by keys, then its aggregates, named as written or by alias")
    func statsColumns() throws {
        #expect(try columns("stats count(*), avg(ms) as mean, pct(ms, 95) by bin(5m), level") == ["bin(5m)", "level", "count(*)", "mean", "pct(ms, 95)"])
        #expect(try columns("stats count_distinct(user), max(ms), min(ms), sum(ms), count(ms) | sort max(ms) desc | limit 3")
                == ["count_distinct(user)", "max(ms)", "min(ms)", "sum(ms)", "count(ms)"])
        let query = try InsightsParser.parse("stats count(*) as n by level | sort n desc")
        #expect(query.limit == nil && query.stats?.keys.count == 1 && query.rowSteps.count == 1)
    }

    @Test("A bad query is MalformedQueryException naming the token and its position", arguments: [
        ("fields", "expected a field, a value or '(' but found the end of the query at position 7"),
        ("filter level = 'a' | bogus x", "found 'bogus' at position 22"),
        ("filter (a = 1", "expected ')' but found the end of the query at position 14"),
        ("stats count(*) by bin(5)", "expected a period like 5m or 1h but found '5' at position 23"),
        ("stats median(x)", "an aggregate (count, sum, avg, min, max, pct, count_distinct) but found 'median' at position 7"),
        ("limit 0", "a whole number from 1 to 10000 but found '0' at position 7"),
        ("filter @message like /abc", "the regular expression starting here is not closed at position 22"),
        (#"parse @message "a=* b=*" as a"#, "the pattern has 2 '*' but 1 field names follow 'as' at position 16"),
        ("fields nosuch(x)", "unknown function 'nosuch' at position 8"),
        ("filter a = 1 b", "expected '|' or the end of the query but found 'b' at position 14"),
        ("stats count(*) | stats count(*)", "only one stats command at position 18"),
        ("filter a # 1", "unexpected character '#' at position 10"),
        ("stats count(*) by bin(99999999999999999999m)", "'99999999999999999999m' is not a number or a duration like 5m at position 23"),
        ("filter x not ispresent(y)", "expected '|' or the end of the query but found 'not' at position 10"),
    ])
    func errors(query: String, message: String) throws {
        expectEngineError("MalformedQueryException", 400, message) { try InsightsParser.parse(query) }
    }

    @Test("A slash divides, except where a regex is expected")
    func slashes() throws {
        let query = try InsightsParser.parse("fields ms / 2 as half | filter @message like /a\\/b/")
        #expect(query.eventSteps.count == 2)
        #expect(try InsightsLexer.tokens("x =~ /a b/").map(\.kind) == [.word("x"), .symbol("=~"), .regex("a b"), .end])
    }

    @Test("Sorting puts missing values first, then text, then numbers in numeric order")
    func ordering() {
        let values: [InsightsValue] = [.number(10), .text("9"), .text("b"), .missing, .text("a1")]
        let sorted = values.sorted { InsightsValue.order($0, $1) < 0 }
        #expect(sorted == [.missing, .text("a1"), .text("b"), .text("9"), .number(10)])
    }
}
