import Testing
@testable import CloudEngine
@testable import IAMPolicy

/// A document IAM refuses, the words of the refusal and where it points.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var kind: PolicyKind = .identity
    var text: String
    /// A fragment the message must contain.
    var message: String
    var line: Int
    var column: Int
    var testDescription: String { name }

    /// Parses `text`, expects it refused with `message` at `line` and `column`, and returns the refusal.
    @discardableResult
    func expectRefusal() -> MalformedPolicyDocument? {
        do {
            _ = try PolicyDocument(parsing: text, kind: kind)
            Issue.record("\(name): the document was accepted")
            return nil
        } catch {
            #expect(error.message.contains(message), "\(name): \(error.message)")
            #expect(error.position == SourcePosition(line: line, column: column), "\(name): \(error.message)")
            #expect(error.message.hasSuffix("(line \(line), column \(column))"))
            return error
        }
    }
}

@Suite("Policy document parsing")
struct PolicyParserTests {
    static let malformed: [MalformedCase] = [
        MalformedCase(
            name: "empty text", text: "  ", message: "the document is empty", line: 1, column: 3),
        MalformedCase(
            name: "missing comma between members",
            text: """
                {
                  "Version": "2012-10-17"
                  "Statement": []
                }
                """,
            message: "expected ',' or '}' after the value of \"Version\", found '\"'", line: 3, column: 3),
        MalformedCase(
            name: "trailing comma in an array",
            text: """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject",], "Resource": "*"}]}
                """,
            message: "expected a value", line: 2, column: 62),
        MalformedCase(
            name: "unquoted value",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": Allow}}
                """,
            message: "strings must be in double quotes", line: 1, column: 51),
        MalformedCase(
            name: "unterminated string",
            text: """
                {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow}}
                """,
            message: "never closed", line: 2, column: 26),
        MalformedCase(
            name: "text after the document",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}} x
                """,
            message: "after the end of the document", line: 1, column: 93),
        MalformedCase(
            name: "document is not an object", text: "[1]", message: "must be a JSON object, found an array", line: 1, column: 1),
        MalformedCase(
            name: "duplicate key",
            text: """
                {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow",
                               "Effect": "Deny", "Action": "*", "Resource": "*"}}
                """,
            message: "duplicate key \"Effect\"; it is already set at line 2, column 16", line: 3, column: 16),
        MalformedCase(
            name: "unknown top-level element",
            text: """
                {"Version": "2012-10-17",
                 "Statment": []}
                """,
            message: "unknown element \"Statment\" at the top of the document", line: 2, column: 2),
        MalformedCase(
            name: "top-level element in the wrong case",
            text: """
                {"version": "2012-10-17", "Statement": []}
                """,
            message: "did you mean \"Version\"?", line: 1, column: 2),
        MalformedCase(
            name: "invalid version",
            text: """
                {
                  "Version": "2012-10-18",
                  "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}
                }
                """,
            message: "\"2012-10-18\" is not a policy language version", line: 2, column: 14),
        MalformedCase(
            name: "version given as a number",
            text: #"{"Version": 2012, "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#,
            message: "The policy must contain a valid version string", line: 1, column: 13),
        MalformedCase(
            name: "no Statement", text: #"{"Version": "2012-10-17"}"#, message: "has no Statement element", line: 1, column: 1),
        MalformedCase(
            name: "empty statement list",
            text: """
                {"Version": "2012-10-17",
                   "Statement": []}
                """,
            message: "the Statement list is empty", line: 2, column: 17),
        MalformedCase(
            name: "statement is a string",
            text: #"{"Version": "2012-10-17", "Statement": ["Allow"]}"#,
            message: "each statement must be an object, found a string", line: 1, column: 41),
        MalformedCase(
            name: "unknown statement element",
            text: """
                {"Version": "2012-10-17", "Statement": [{
                  "Effect": "Allow", "Action": "*", "Resource": "*",
                  "Conditions": {}
                }]}
                """,
            message: "unknown element \"Conditions\" in a statement", line: 3, column: 3),
        MalformedCase(
            name: "statement element in the wrong case",
            text: """
                {"Version": "2012-10-17", "Statement": [{"effect": "Allow", "Action": "*", "Resource": "*"}]}
                """,
            message: "did you mean \"Effect\"?", line: 1, column: 42),
        MalformedCase(
            name: "missing Effect",
            text: """
                {"Version": "2012-10-17", "Statement": [
                    {"Action": "s3:GetObject", "Resource": "*"}
                ]}
                """,
            message: "Missing required field Effect", line: 2, column: 5),
        MalformedCase(
            name: "Effect not Allow or Deny",
            text: """
                {"Version": "2012-10-17", "Statement": [
                    {"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}
                ]}
                """,
            message: "Invalid effect \"allow\"", line: 2, column: 16),
        MalformedCase(
            name: "missing Action",
            text: """
                {"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Resource": "*"}
                ]}
                """,
            message: "Policy statement must contain actions", line: 2, column: 5),
        MalformedCase(
            name: "empty Action list",
            text: #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}}"#,
            message: "Action is an empty list", line: 1, column: 70),
        MalformedCase(
            name: "both Action and NotAction",
            text: """
                {"Version": "2012-10-17", "Statement": {
                  "Effect": "Allow", "Action": "s3:*",
                  "NotAction": "s3:DeleteObject", "Resource": "*"}}
                """,
            message: "both Action and NotAction", line: 3, column: 3),
        MalformedCase(
            name: "action without a service prefix",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                  "Action": ["s3:GetObject", "GetObject"], "Resource": "*"}}
                """,
            message: "Actions/Conditions must be prefaced by a vendor", line: 2, column: 30),
        MalformedCase(
            name: "action that is not a string",
            text: #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": 7, "Resource": "*"}}"#,
            message: "Action must be a string or an array of strings, found a number", line: 1, column: 70),
        MalformedCase(
            name: "missing Resource in an identity policy",
            text: """
                {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow", "Action": "s3:GetObject"}}
                """,
            message: "Policy statement must contain resources", line: 2, column: 15),
        MalformedCase(
            name: "both Resource and NotResource",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
                  "Resource": "*", "NotResource": "arn:aws:s3:::b"}}
                """,
            message: "both Resource and NotResource", line: 2, column: 20),
        MalformedCase(
            name: "resource that is not an ARN",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
                  "Resource": ["arn:aws:s3:::b", "my-bucket"]}}
                """,
            message: "Resource my-bucket must be in ARN format or \"*\".", line: 2, column: 34),
        MalformedCase(
            name: "Principal in an identity policy",
            text: """
                {"Version": "2012-10-17", "Statement": {
                  "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}}
                """,
            message: "Policy document should not specify a principal", line: 2, column: 22),
        MalformedCase(
            name: "NotPrincipal in an identity policy",
            text: """
                {"Version": "2012-10-17", "Statement": {
                  "Effect": "Deny", "NotPrincipal": {"AWS": "123456789012"}, "Action": "s3:*", "Resource": "*"}}
                """,
            message: "Policy document should not specify a principal", line: 2, column: 21),
        MalformedCase(
            name: "missing Principal in a resource policy", kind: .resource,
            text: """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
                """,
            message: "Missing required field Principal: a resource-based policy", line: 2, column: 3),
        MalformedCase(
            name: "missing Principal in a trust policy", kind: .trust,
            text: """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "sts:AssumeRole"}]}
                """,
            message: "Missing required field Principal: a trust policy", line: 2, column: 3),
        MalformedCase(
            name: "Resource in a trust policy", kind: .trust,
            text: """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                   "Action": "sts:AssumeRole", "Resource": "*"}]}
                """,
            message: "Has prohibited field Resource", line: 3, column: 32),
        MalformedCase(
            name: "non-STS action in a trust policy", kind: .trust,
            text: """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "s3:GetObject"}]}
                """,
            message: "AssumeRole policy may only specify STS AssumeRole actions", line: 2, column: 83),
        MalformedCase(
            name: "both Principal and NotPrincipal", kind: .resource,
            text: """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*",
                  "NotPrincipal": {"AWS": "123456789012"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b"}]}
                """,
            message: "both Principal and NotPrincipal", line: 2, column: 3),
        MalformedCase(
            name: "principal string other than *", kind: .resource,
            text: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "alice", "Action": "s3:*", "Resource": "*"}]}"#,
            message: "Invalid principal in policy: \"alice\"", line: 1, column: 74),
        MalformedCase(
            name: "unknown principal type", kind: .resource,
            text: """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"aws": "123456789012"}, "Action": "s3:*", "Resource": "*"}]}
                """,
            message: "unknown principal type \"aws\"", line: 2, column: 17),
        MalformedCase(
            name: "wildcard inside an AWS principal", kind: .resource,
            text: """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::123456789012:user/*"}, "Action": "s3:*", "Resource": "*"}]}
                """,
            message: "Invalid principal in policy: \"AWS\" : \"arn:aws:iam::123456789012:user/*\"", line: 2, column: 24),
        MalformedCase(
            name: "unknown condition operator",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                  "Condition": {
                    "StringEqualz": {"aws:username": "alice"}}}}
                """,
            message: "Invalid Condition type : StringEqualz", line: 3, column: 5),
        MalformedCase(
            name: "condition operator in the wrong case",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                  "Condition": {"stringequals": {"aws:username": "alice"}}}}
                """,
            message: "did you mean StringEquals?", line: 2, column: 17),
        MalformedCase(
            name: "Null with IfExists",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                  "Condition": {"NullIfExists": {"aws:username": "true"}}}}
                """,
            message: "Invalid Condition type : NullIfExists", line: 2, column: 17),
        MalformedCase(
            name: "condition key without a prefix",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                  "Condition": {"StringEquals": {"username": "alice"}}}}
                """,
            message: "Condition key \"username\" needs a prefix", line: 2, column: 34),
        MalformedCase(
            name: "condition values of the wrong type",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:username": {"x": 1}}}}}
                """,
            message: "must be a string, number or boolean, found an object", line: 2, column: 50),
        MalformedCase(
            name: "condition block that is not an object",
            text: """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                  "Condition": ["StringEquals"]}}
                """,
            message: "Condition must be an object", line: 2, column: 16),
        MalformedCase(
            name: "duplicate Sid in an identity policy",
            text: """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "One", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                  {"Sid": "One", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}
                """,
            message: "Statement IDs (SID) in a single policy must be unique", line: 3, column: 3),
        MalformedCase(
            name: "Sid with spaces in an identity policy",
            text: #"{"Version": "2012-10-17", "Statement": [{"Sid": "read only", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#,
            message: "Statement IDs (SID) must be alpha-numeric", line: 1, column: 49),
        MalformedCase(
            name: "invalid escape",
            text: #"{"Version": "2012-10-17", "Id": "a\qb", "Statement": []}"#,
            message: "invalid escape '\\q'", line: 1, column: 36),
    ]

    @Test(arguments: malformed)
    func refusesMalformedDocument(_ row: MalformedCase) {
        row.expectRefusal()
    }

    @Test("A full document keeps every element")
    func parsesEveryElement() throws {
        let text = """
            {
              "Version": "2012-10-17",
              "Id": "bucket-policy",
              "Statement": [
                {
                  "Sid": "ReadForAlice",
                  "Effect": "Allow",
                  "Principal": {"AWS": ["arn:aws:iam::123456789012:user/alice", "123456789012"], "Service": "s3.amazonaws.com"},
                  "Action": ["s3:GetObject", "s3:List*"],
                  "Resource": "arn:aws:s3:::b/*",
                  "Condition": {"StringLike": {"s3:prefix": ["home/*", "tmp/"]}, "NumericLessThan": {"s3:max-keys": 10}}
                },
                {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "NotAction": "s3:Get*", "NotResource": "arn:aws:s3:::b"}
              ]
            }
            """
        let document = try PolicyDocument(parsing: text, kind: .resource)
        #expect(document.version == .v2012_10_17)
        #expect(document.id == "bucket-policy")
        #expect(document.statements.count == 2)
        let first = document.statements[0]
        #expect(first.sid == "ReadForAlice")
        #expect(first.effect == .allow)
        #expect(first.principal?.aws == ["arn:aws:iam::123456789012:user/alice", "123456789012"])
        #expect(first.principal?.services == ["s3.amazonaws.com"])
        #expect(first.actions.patterns == ["s3:GetObject", "s3:List*"])
        #expect(first.actions.isNegated == false)
        #expect(first.resources?.patterns == ["arn:aws:s3:::b/*"])
        #expect(first.conditions.map(\.key) == ["s3:prefix", "s3:max-keys"])
        #expect(first.conditions[0].values == ["home/*", "tmp/"])
        #expect(first.conditions[1].values == ["10"])
        #expect(first.conditions[1].operator == ConditionOperator(base: .numericLessThan))
        #expect(first.start == SourcePosition(line: 5, column: 5))
        #expect(first.end == SourcePosition(line: 12, column: 5))
        let second = document.statements[1]
        #expect(second.index == 1)
        #expect(second.principal?.isNegated == true)
        #expect(second.actions.isNegated == true)
        #expect(second.resources?.isNegated == true)
    }

    @Test("A single statement object is accepted, and Version may be omitted")
    func acceptsStatementObjectWithoutVersion() throws {
        let document = try PolicyDocument(parsing: #"{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}"#, kind: .identity)
        #expect(document.version == nil)
        #expect(document.supportsPolicyVariables == false)
        #expect(document.statements.count == 1)
    }

    @Test("The legacy 2008-10-17 version parses without policy variables")
    func acceptsLegacyVersion() throws {
        let document = try PolicyDocument(
            parsing: #"{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#, kind: .identity)
        #expect(document.version == .v2008_10_17)
        #expect(document.supportsPolicyVariables == false)
    }

    @Test("Sids with spaces and duplicate Sids are allowed in resource policies")
    func resourcePolicySids() throws {
        let text = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "read only", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
              {"Sid": "read only", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::c/*"}]}
            """
        #expect(try PolicyDocument(parsing: text, kind: .resource).statements.count == 2)
    }

    @Test("Every condition operator family parses, with IfExists and set qualifiers")
    func parsesOperatorNames() {
        for base in ConditionOperator.Base.allCases {
            #expect(ConditionOperator(name: base.rawValue)?.base == base)
            if base != .null {
                let qualified = ConditionOperator(name: "ForAnyValue:\(base.rawValue)IfExists")
                #expect(qualified?.setQualifier == .forAnyValue)
                #expect(qualified?.ifExists == true)
                #expect(qualified?.description == "ForAnyValue:\(base.rawValue)IfExists")
            }
        }
        #expect(ConditionOperator(name: "ForAllValues:Null") == nil)
        #expect(ConditionOperator(name: "StringEquals ") == nil)
    }

    @Test("JSON escapes and Unicode decode to the text IAM compares")
    func decodesEscapes() throws {
        let text = #"{"Version":"2012-10-17","Statement":{"Sid":"A\u0042","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/caf\u00e9\/\ud83d\ude00"}}"#
        let statement = try #require(try PolicyDocument(parsing: text, kind: .identity).statements.first)
        #expect(statement.sid == "AB")
        #expect(statement.resources?.patterns == ["arn:aws:s3:::b/café/😀"])
    }

    @Test("Columns count characters, not bytes")
    func columnsCountCharacters() {
        let text = #"{"Id": "café", "Version": "2012-10-17", "Statement": {"Effect": "Alow", "Action": "*", "Resource": "*"}}"#
        #expect(throws: MalformedPolicyDocument("Invalid effect \"Alow\": Effect must be \"Allow\" or \"Deny\" (case-sensitive)", at: SourcePosition(line: 1, column: 65))) {
            try PolicyDocument(parsing: text, kind: .identity)
        }
    }

    @Test("Nesting deeper than the limit is refused, not a crash")
    func refusesDeepNesting() {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: MalformedPolicyDocument.self) { try PolicyDocument(parsing: text, kind: .identity) }
    }
}
