import Foundation
import Testing
@testable import CloudEngine

/// CloudWatch Logs filter patterns, case by case from AWS's "Filter pattern syntax" guide.
@Suite("Filter patterns")
struct FilterPatternTests {
    struct Case: CustomStringConvertible, Sendable {
        let pattern: String
        let message: String
        let matches: Bool
        var description: String { "\(pattern) ~ \(message) → \(matches)" }
    }

    static func check(_ cases: [Case]) throws {
        for item in cases {
            let pattern = try FilterPattern(item.pattern)
            #expect(pattern.matches(item.message) == item.matches, "\(item)")
        }
    }

    static let terms: [Case] = [
        Case(pattern: "", message: "anything", matches: true),
        Case(pattern: "   ", message: "anything", matches: true),
        Case(pattern: "\" \"", message: "anything", matches: true),
        Case(pattern: "ERROR", message: "[ERROR 400] BAD REQUEST", matches: true),
        Case(pattern: "ERROR", message: "[error 400] bad request", matches: false),
        Case(pattern: "ERROR ARGUMENTS", message: "[ERROR 400] BAD REQUEST ARGUMENTS", matches: true),
        Case(pattern: "ERROR ARGUMENTS", message: "[ERROR 401] UNAUTHORIZED", matches: false),
        Case(pattern: "?ERROR ?ARGUMENTS", message: "[INFO] ARGUMENTS MISSING", matches: true),
        Case(pattern: "?ERROR ?ARGUMENTS", message: "[ERROR] oops", matches: true),
        Case(pattern: "?ERROR ?ARGUMENTS", message: "[INFO] fine", matches: false),
        Case(pattern: "\"INTERNAL SERVER ERROR\"", message: "[ERROR 500] INTERNAL SERVER ERROR", matches: true),
        Case(pattern: "\"INTERNAL SERVER ERROR\"", message: "INTERNAL ERROR SERVER", matches: false),
        Case(pattern: "ERROR -ARGUMENTS", message: "[ERROR 401] UNAUTHORIZED", matches: true),
        Case(pattern: "ERROR -ARGUMENTS", message: "[ERROR 400] BAD REQUEST ARGUMENTS", matches: false),
        Case(pattern: "ERROR -\"BAD REQUEST\"", message: "[ERROR 400] BAD REQUEST", matches: false),
        Case(pattern: "?\"timed out\" ?Exception", message: "the call timed out", matches: true),
        Case(pattern: "%ERROR [0-9]{3}%", message: "[ERROR 404] NOT FOUND", matches: true),
        Case(pattern: "%ERROR [0-9]{3}%", message: "[ERROR x] NOT FOUND", matches: false),
        Case(pattern: "héllo", message: "say héllo", matches: true),
    ]

    static let json: [Case] = [
        Case(pattern: #"{ $.level = "ERROR" }"#, message: #"{"level":"ERROR","msg":"x"}"#, matches: true),
        Case(pattern: #"{ $.level = "ERROR" }"#, message: #"{"level":"INFO"}"#, matches: false),
        Case(pattern: #"{$.level="ERROR"}"#, message: #"{ "level" : "ERROR" }"#, matches: true),
        Case(pattern: #"{ $.level = "ERROR" }"#, message: "level ERROR", matches: false),
        Case(pattern: #"{ $.level != "ERROR" }"#, message: #"{"level":"INFO"}"#, matches: true),
        Case(pattern: #"{ $.level != "ERROR" }"#, message: #"{"other":1}"#, matches: false),
        Case(pattern: "{ $.latency > 100 }", message: #"{"latency": 150}"#, matches: true),
        Case(pattern: "{ $.latency > 100 }", message: #"{"latency": 100}"#, matches: false),
        Case(pattern: "{ $.latency >= 100 }", message: #"{"latency": 100.0}"#, matches: true),
        Case(pattern: "{ $.latency < 0 }", message: #"{"latency": -5}"#, matches: true),
        Case(pattern: "{ $.latency <= 1e3 }", message: #"{"latency": 999.5}"#, matches: true),
        Case(pattern: "{ $.latency = 2 }", message: #"{"latency": "fast"}"#, matches: false),
        Case(pattern: "{ $.eventName = Put* }", message: #"{"eventName":"PutObject"}"#, matches: true),
        Case(pattern: "{ $.eventName = Put* }", message: #"{"eventName":"GetObject"}"#, matches: false),
        Case(pattern: #"{ $.sourceIPAddress != 123.123.* }"#, message: #"{"sourceIPAddress":"10.0.0.1"}"#, matches: true),
        Case(pattern: #"{ $.sourceIPAddress != 123.123.* }"#, message: #"{"sourceIPAddress":"123.123.4.5"}"#, matches: false),
        Case(pattern: #"{ $.path = "*/api/*" }"#, message: #"{"path":"/v1/api/users"}"#, matches: true),
        Case(pattern: #"{ $.user.id = 1 }"#, message: #"{"user":{"id":1,"name":"a"}}"#, matches: true),
        Case(pattern: #"{ $.user.name = "a" }"#, message: #"{"x":{"name":"b"},"user":{"id":1,"name":"a"}}"#, matches: true),
        Case(pattern: #"{ $.arrayKey[0] = "value" }"#, message: #"{"arrayKey":["value","other"]}"#, matches: true),
        Case(pattern: #"{ $.arrayKey[1] = "value" }"#, message: #"{"arrayKey":["value","other"]}"#, matches: false),
        Case(pattern: #"{ $.objectList[1].id = 2 }"#, message: #"{"objectList":[{"id":1},{"id":2}]}"#, matches: true),
        Case(pattern: #"{ $.objectList[5].id = 2 }"#, message: #"{"objectList":[{"id":1},{"id":2}]}"#, matches: false),
        Case(pattern: "{ $.SomeObject IS NULL }", message: #"{"SomeObject":null}"#, matches: true),
        Case(pattern: "{ $.SomeObject IS NULL }", message: #"{"SomeObject":{}}"#, matches: false),
        Case(pattern: "{ $.SomeObject IS NULL }", message: #"{"Other":1}"#, matches: false),
        Case(pattern: "{ $.SomeOtherObject NOT EXISTS }", message: #"{"SomeObject":null}"#, matches: true),
        Case(pattern: "{ $.SomeOtherObject NOT EXISTS }", message: #"{"SomeOtherObject":null}"#, matches: false),
        Case(pattern: "{ $.ThisFlag IS TRUE }", message: #"{"ThisFlag":true}"#, matches: true),
        Case(pattern: "{ $.ThisFlag IS TRUE }", message: #"{"ThisFlag":"true"}"#, matches: false),
        Case(pattern: "{ $.ThisFlag IS FALSE }", message: #"{"ThisFlag":false}"#, matches: true),
        Case(pattern: #"{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }"#,
             message: #"{"user":{"id":1},"users":[{"email":"John.Doe@example.com"}]}"#, matches: true),
        Case(pattern: #"{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }"#,
             message: #"{"user":{"id":1},"actions":["PUT","POST","GET"]}"#, matches: true),
        Case(pattern: #"{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }"#,
             message: #"{"user":{"id":1},"actions":["PUT","GET"]}"#, matches: false),
        Case(pattern: #"{ $.a = 1 || $.b = 2 && $.c = 3 }"#, message: #"{"a":1}"#, matches: true),
        Case(pattern: #"{ $.a = 1 || $.b = 2 && $.c = 3 }"#, message: #"{"b":2}"#, matches: false),
        Case(pattern: #"{ $.msg = "say \"hi\"" }"#, message: #"{"msg":"say \"hi\""}"#, matches: true),
        Case(pattern: #"{ $.msg = "é" }"#, message: #"{"msg":"\u00e9"}"#, matches: true),
        Case(pattern: #"{ $.msg = %^time[a-z]+% }"#, message: #"{"msg":"timeout"}"#, matches: true),
        Case(pattern: #"{ $.code = "200" }"#, message: #"{"code":200}"#, matches: true),
        Case(pattern: #"{ $[1] = "b" }"#, message: #"["a","b"]"#, matches: true),
        Case(pattern: #"{ $.a = 1 }"#, message: #"{"a":1"#, matches: false),
        Case(pattern: #"{ $.a = 1 }"#, message: #"{"x":"}{][","y":[{"a":2}],"a":1}"#, matches: true),
        Case(pattern: #"{ $.a.b = 1 }"#, message: #"{"a":[{"b":1}]}"#, matches: false),
        Case(pattern: #"{ $.a = 1 }"#, message: "{\n  \"a\" :\t1\n}", matches: true),
        Case(pattern: #"{ $.na\u006de = "x" }"#, message: #"{"name":"x"}"#, matches: false),
        Case(pattern: #"{ $.name = "x" }"#, message: #"{"na\u006de":"x"}"#, matches: true),
        Case(pattern: #"{ $.list = "*" }"#, message: #"{"list":[1,2]}"#, matches: false),
    ]

    static let delimited: [Case] = [
        Case(pattern: "[ip, user, username, timestamp, request, status_code, bytes]",
             message: #"127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534"#, matches: true),
        Case(pattern: "[ip, user, username, timestamp, request, status_code, bytes]",
             message: "127.0.0.1 - frank", matches: false),
        Case(pattern: "[ip, user, username, timestamp, request = \"*.gif*\", status_code = 2*, bytes > 1000]",
             message: #"127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534"#, matches: true),
        Case(pattern: "[ip, user, username, timestamp, request, status_code = 4*, bytes]",
             message: #"127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534"#, matches: false),
        Case(pattern: "[..., status_code = 404, bytes]", message: "a b c 404 17", matches: true),
        Case(pattern: "[..., status_code != 200]", message: "GET /x 500", matches: true),
        Case(pattern: "[..., status_code != 200]", message: "GET /x 200", matches: false),
        Case(pattern: "[ip=10.0.0.*, ...]", message: "10.0.0.7 GET /", matches: true),
        Case(pattern: "[ip, user, ..., status=5*, size>1000]", message: "1.2.3.4 bob extra words 503 2048", matches: true),
        Case(pattern: "[ip, user, ..., status=5*, size>1000]", message: "1.2.3.4 bob 503 20", matches: false),
        Case(pattern: "[ip, user, ..., status=5*, size>1000]", message: "1.2.3.4 bob 503", matches: false),
        Case(pattern: "[..., status >= 400 && status < 500, bytes]", message: "GET / 404 12", matches: true),
        Case(pattern: "[..., status >= 400 && status < 500, bytes]", message: "GET / 503 12", matches: false),
        Case(pattern: "[..., status = 401 || status = 403, bytes]", message: "GET / 403 12", matches: true),
        Case(pattern: "[..., status = 401 || status = 403, bytes]", message: "GET / 404 12", matches: false),
        Case(pattern: "[w1=ERROR, w2]", message: "ERROR timeout", matches: true),
        Case(pattern: "[w1=%^E[A-Z]+$%, w2]", message: "ERROR timeout", matches: true),
        Case(pattern: "[...]", message: "any words at all", matches: true),
        Case(pattern: "[a, ..., b, ..., c=z]", message: "x y b q z", matches: true),
    ]

    @Test("Terms, phrases, exclusions and alternatives (case-sensitive)")
    func termPatterns() throws { try Self.check(Self.terms) }

    @Test("JSON patterns: comparisons, wildcards, nesting, arrays, IS NULL, NOT EXISTS, booleans, && and ||")
    func jsonPatterns() throws { try Self.check(Self.json) }

    @Test("Space-delimited patterns: fields, ellipses, conditions with && and ||")
    func delimitedPatterns() throws { try Self.check(Self.delimited) }

    @Test("A bad pattern is an InvalidParameterException naming where it went wrong",
          arguments: [
              (#"{ $.level = "ERROR" "#, "position 21"),
              (#"{ $.level == "ERROR" }"#, "position 12"),
              (#"{ level = "ERROR" }"#, "position 3"),
              (#"{ $.level = }"#, "position 13"),
              (#"{ $.latency > "slow" }"#, "position 13"),
              (#"{ $.a IS MAYBE }"#, "position 10"),
              (#"{ $.a NOT THERE }"#, "position 11"),
              (#"{ $.a = 1 & $.b = 2 }"#, "position 11"),
              (#"{ $.a = 1 } extra"#, "position 13"),
              (#"{ $.a[x] = 1 }"#, "position 6"),
              (#"ERROR "unterminated"#, "position 7"),
              (#"[a, b"#, "position 6"),
              (#"[a, b = ]"#, "position 9"),
              (#"{ $.a = %(x)% }"#, "position 9"),
              (#"{ $.a = "x" ! $.b = 1 }"#, "position 13"),
          ])
    func badPatterns(pattern: String, position: String) {
        do {
            _ = try FilterPattern(pattern)
            Issue.record("\(pattern) was accepted")
        } catch let error as EngineError {
            #expect(error.code == "InvalidParameterException")
            #expect(error.message.contains(position), "\(pattern): \(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("The message says what was expected and what was found")
    func errorWording() {
        #expect(throws: EngineError.invalidLogParameter(
            "Invalid filter pattern: expected '&&', '||' or '}' but found the end of the pattern (at position 12).")) {
            try FilterPattern("{ $.a = 1  ")
        }
        #expect(throws: EngineError.invalidLogParameter(
            "Invalid filter pattern: a JSON selector must start with '$' (found 'level') (at position 3).")) {
            try FilterPattern("{ level = 1 }")
        }
    }

    @Test("Compiled once, a JSON pattern matches many events (speed printed, never asserted)")
    func manyEvents() throws {
        let pattern = try FilterPattern(#"{ $.level = "ERROR" && $.latency > 100 }"#)
        let messages = (0..<20_000).map { #"{"time":"2026-01-01T00:00:00Z","level":"\#($0 % 2 == 0 ? "ERROR" : "INFO")","latency":\#($0 % 300),"msg":"request handled"}"# }
        let start = Date()
        let count = messages.reduce(0) { $0 + (pattern.matches($1) ? 1 : 0) }
        let rate = Double(messages.count) / max(Date().timeIntervalSince(start), 1e-9)
        print("filter-pattern JSON: \(Int(rate)) events/s (debug build)")
        #expect(count == (0..<20_000).filter { $0 % 2 == 0 && $0 % 300 > 100 }.count)
    }
}
