import Testing
@testable import IAMPolicy

/// Issue 9: a `\u001b` in a policy key once recoloured and retitled the terminal that printed the refusal.
@Suite("Control characters in messages")
struct PolicyControlCharacterTests {
    /// ESC, BEL, CR and the one-character CSI (U+009B), as a key or value holds them once the JSON is read.
    /// ESC, BEL and CR must be JSON escapes in the text; U+009B may be written as itself.
    static let hostile = #"\u001b]0;pwned\u0007\u001b[31m\r\#u{9B}2J"#
    /// How messages show `hostile`.
    static let escaped = #"\u001b]0;pwned\u0007\u001b[31m\r\u009b2J"#

    /// Documents whose refusal quotes a hostile key or value; `message` is how it must be shown.
    static let cases: [MalformedCase] = [
        MalformedCase(
            name: "unknown top-level key", text: #"{"Version": "2012-10-17", "\#(hostile)": 1}"#,
            message: #"unknown element "\#(escaped)" at the top"#, line: 1, column: 27),
        MalformedCase(
            name: "duplicate key", text: "{\n\"\(hostile)\": 1,\n \"\(hostile)\": 2}",
            message: #"duplicate key "\#(escaped)"; it is already set at line 2, column 1"#, line: 3, column: 2),
        MalformedCase(
            name: "unknown statement key",
            text: #"{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "\#(hostile)": 1}}"#,
            message: #"unknown element "\#(escaped)" in a statement"#, line: 1, column: 78),
        MalformedCase(
            name: "condition key without a prefix",
            text: #"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"\#(hostile)": "x"}}}}"#,
            message: #"Condition key "\#(escaped)" needs a prefix"#, line: 1, column: 98),
        MalformedCase(
            name: "condition operator, shown bare as IAM shows it",
            text: #"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"\#(hostile)": {"aws:username": "x"}}}}"#,
            message: "Invalid Condition type : \(escaped). Use", line: 1, column: 81),
        MalformedCase(
            name: "Version value", text: #"{"Version": "\#(hostile)", "Statement": []}"#,
            message: #""\#(escaped)" is not a policy language version"#, line: 1, column: 13),
        MalformedCase(
            name: "Effect value", text: #"{"Statement": {"Effect": "\#(hostile)", "Action": "*", "Resource": "*"}}"#,
            message: #"Invalid effect "\#(escaped)""#, line: 1, column: 26),
        MalformedCase(
            name: "Action value", text: #"{"Statement": {"Effect": "Allow", "Action": "\#(hostile)", "Resource": "*"}}"#,
            message: #""\#(escaped)" is not of the form service:action"#, line: 1, column: 45),
        MalformedCase(
            name: "Resource value, shown bare as IAM shows it",
            text: #"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "\#(hostile)"}}"#,
            message: "Resource \(escaped) must be in ARN format", line: 1, column: 62),
        MalformedCase(
            name: "Principal value", kind: .resource,
            text: #"{"Statement": {"Effect": "Allow", "Principal": {"AWS": "\#(hostile)"}, "Action": "*", "Resource": "*"}}"#,
            message: #""AWS" : "\#(escaped)""#, line: 1, column: 56),
        MalformedCase(
            name: "principal type", kind: .resource,
            text: #"{"Statement": {"Effect": "Allow", "Principal": {"\#(hostile)": 5}, "Action": "*", "Resource": "*"}}"#,
            message: #"unknown principal type "\#(escaped)""#, line: 1, column: 49),
        MalformedCase(
            name: "raw ESC between values", text: "{\"Version\": \"2012-10-17\"\u{1B}}",
            message: #"found '\u001b'"#, line: 1, column: 25),
        MalformedCase(
            name: "raw CSI between values", text: "{\"Version\": \"2012-10-17\",\n \u{9B}}",
            message: #"found '\u009b'"#, line: 2, column: 2),
        MalformedCase(
            name: "raw ESC after a backslash", text: "{\"Version\": \"a\\\u{1B}\"}",
            message: #"invalid escape '\\u001b'"#, line: 1, column: 16),
    ]

    @Test(arguments: cases)
    func refusalShowsEscapes(_ row: MalformedCase) {
        let message = row.expectRefusal()?.message ?? ""
        #expect(!message.unicodeScalars.contains(where: JSONString.isControl), "\(row.name): \(message)")
    }

    @Test("Quoting escapes C0, DEL and C1 controls, quotes and backslashes, and nothing else")
    func quoting() {
        #expect(JSONString.quoted("a\u{1B}b\u{07}\r\n\t\u{7F}\u{9B}\u{9F}\u{A0}é\"\\") == #""a\u001bb\u0007\r\n\t\u007f\u009b\u009f\#u{A0}é\"\\""#)
        #expect(JSONString.quoted("\u{0}") == #""\u0000""#)
    }

    @Test("Bare escaping changes only control characters, so escaping twice changes nothing")
    func bareEscaping() {
        let once = JSONString.escapingControlCharacters("say \"hi\" \\ \u{1B}[31m\u{9B}")
        #expect(once == #"say "hi" \ \u001b[31m\u009b"#)
        #expect(JSONString.escapingControlCharacters(once) == once)
        #expect(JSONString.escapingControlCharacters("plain: ünïcode") == "plain: ünïcode")
    }

    @Test("The simulator's own refusals quote the action, caller and context entry safely")
    func simulatorRefusals() {
        let policy = #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#
        let attempts: [(action: String, caller: String?, context: [String])] = [
            ("s3\u{1B}[2J", nil, []),
            ("s3:GetObject", "arn\u{9B}2J", []),
            ("s3:GetObject", nil, ["\u{07}\r"]),
        ]
        for attempt in attempts {
            do {
                _ = try PolicySimulator.evaluate(identityPolicies: [policy], actions: [attempt.action], callerArn: attempt.caller,
                                                 contextEntries: attempt.context)
                Issue.record("the simulation ran")
            } catch {
                #expect(!error.message.unicodeScalars.contains(where: JSONString.isControl), "\(error.message)")
                #expect(error.message.contains(#"\u"#) || error.message.contains(#"\r"#), "\(error.message)")
            }
        }
    }

    @Test("An access-denied message escapes the resource and action it repeats")
    func accessDenied() {
        let caller = PolicyCaller.user(accountId: "123456789012", name: "alice", path: "/")
        let request = PolicyRequest(caller: caller, action: "s3:GetObject", resource: "arn:aws:s3:::b/\u{1B}]0;x\u{07}")
        let message = AccessDeniedMessage.text(for: request, decision: Decision(outcome: .implicitDeny))
        #expect(message?.contains(#"on resource: "arn:aws:s3:::b/\u001b]0;x\u0007""#) == true, "\(message ?? "nil")")
    }

    @Test("Simulation output escapes control characters in names it repeats, and stays JSON")
    func simulationOutput() throws {
        let output = try PolicySimulator.simulate(identityPolicies: [], actions: ["s3:GetObject"], resourceArn: "arn:aws:s3:::b/\u{9B}\u{7F}")
        #expect(output.contains(#""EvalResourceName": "arn:aws:s3:::b/\u009b\u007f""#))
        #expect(!output.unicodeScalars.contains { JSONString.isControl($0) && $0 != "\n" })
    }
}
