import Testing
@testable import CloudEngine
@testable import IAMPolicy

/// Whole decisions through the compiled paths: exact and wildcard actions, resources
/// with variables beside wildcards, IPv6 blocks parsed once at parse time.
@Suite("Evaluation through compiled patterns")
struct CompiledEvaluationTests {
    typealias F = Fixture
    static let rule = "IAM UG: policy evaluation with compiled patterns"

    static let cases: [EvaluationCase] = [
        .init("\(rule) — an exact action matches whatever the case of the request", .allowed,
              identity: [F.allow("S3:GETOBJECT")], action: "s3:getobject"),
        .init("\(rule) — an exact action is not a prefix", .implicitDeny,
              identity: [F.allow("s3:Get")], action: "s3:GetObject"),
        .init("\(rule) — a wildcard action matches whatever the case of the request", .allowed,
              identity: [F.allow("s3:get*")], action: "S3:GETOBJECT"),
        .init("\(rule) — NotAction with an exact action of another case leaves that action out", .implicitDeny,
              identity: [F.document(F.statement("Allow", ["S3:getobject"], notAction: true))], action: "s3:GetObject"),
        .init("\(rule) — a key holding colons matches the bucket's /*", .allowed,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/*"])], resource: "arn:aws:s3:::b/2026:01:02/x"),
        .init("\(rule) — ? matches a colon inside a key", .allowed,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/a?b"])], resource: "arn:aws:s3:::b/a:b"),
        .init("\(rule) — a variable followed by a wildcard", .allowed,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/${aws:username}*"])], resource: "arn:aws:s3:::b/alice-notes"),
        .init("\(rule) — a wildcard followed by a variable", .allowed,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/*-${aws:username}"])], resource: "arn:aws:s3:::b/x:y-alice"),
        .init("\(rule) — a variable beside a wildcard does not match another user", .implicitDeny,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/${aws:username}*"])], resource: "arn:aws:s3:::b/bob-notes"),
        .init("\(rule) — ${*} beside * is a literal asterisk", .allowed,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/${*}*"])], resource: "arn:aws:s3:::b/*x"),
        .init("\(rule) — ${*} is not a wildcard", .implicitDeny,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/${*}*"])], resource: "arn:aws:s3:::b/x"),
        .init("\(rule) — a value substituted beside a wildcard is literal", .implicitDeny,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/${s3:prefix}/*"])], resource: "arn:aws:s3:::b/ab/x",
              context: ["s3:prefix": ["a?"]]),
        .init("\(rule) — an unresolvable variable spoils only its own pattern", .allowed,
              identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/${aws:SourceArn}/*", "arn:aws:s3:::b/*"])]),
        .init("\(rule) — NotResource with a variable leaves the caller's own folder out", .implicitDeny,
              identity: [F.document(F.statement("Allow", ["s3:GetObject"], ["arn:aws:s3:::b/${aws:username}/*"], notResource: true))],
              resource: "arn:aws:s3:::b/alice/k"),
        .init("\(rule) — NotResource with a variable covers another user's folder", .allowed,
              identity: [F.document(F.statement("Allow", ["s3:GetObject"], ["arn:aws:s3:::b/${aws:username}/*"], notResource: true))],
              resource: "arn:aws:s3:::b/bob/k"),
        .init("\(rule) — an IPv6 block holds an address in it", .allowed,
              identity: [F.allowIf(F.cond("IpAddress", "aws:SourceIp", ["2001:db8::/32"]))],
              context: ["aws:SourceIp": ["2001:db8:1::7"]]),
        .init("\(rule) — an IPv6 block does not hold one outside it", .implicitDeny,
              identity: [F.allowIf(F.cond("IpAddress", "aws:SourceIp", ["2001:db8::/32"]))],
              context: ["aws:SourceIp": ["2001:db9::7"]]),
        .init("\(rule) — an IPv4 address is not in an IPv6 block", .implicitDeny,
              identity: [F.allowIf(F.cond("IpAddress", "aws:SourceIp", ["::/0"]))],
              context: ["aws:SourceIp": ["10.0.0.1"]]),
        .init("\(rule) — NotIpAddress with an IPv4 and an IPv6 block", .allowed,
              identity: [F.allowIf(F.cond("NotIpAddress", "aws:SourceIp", ["10.0.0.0/8", "2001:db8::/32"]))],
              context: ["aws:SourceIp": ["2001:db9::7"]]),
        .init("\(rule) — an invalid block among valid ones matches nothing by itself", .allowed,
              identity: [F.allowIf(F.cond("IpAddress", "aws:SourceIp", ["not-a-cidr", "2001:db8::/32"]))],
              context: ["aws:SourceIp": ["2001:db8::1"]]),
        .init("\(rule) — numbers are compared as numbers", .allowed,
              identity: [F.allowIf(F.cond("NumericLessThan", "s3:max-keys", ["1e2"]))], context: ["s3:max-keys": ["99.5"]]),
        .init("\(rule) — a date condition compares instants across zones", .allowed,
              identity: [F.allowIf(F.cond("DateGreaterThan", "aws:CurrentTime", ["2024-06-01T13:59:00+02:00"]))]),
        .init("\(rule) — Bool ignores case on both sides", .allowed,
              identity: [F.allowIf(F.cond("Bool", "aws:SecureTransport", ["TRUE"]))], context: ["aws:SecureTransport": ["True"]]),
        .init("\(rule) — ArnLike with a variable in one component", .allowed,
              identity: [F.allowIf(F.cond("ArnLike", "aws:SourceArn", ["arn:aws:s3:::${aws:username}-*"]))],
              context: ["aws:SourceArn": ["arn:aws:s3:::alice-bucket"]]),
        .init("\(rule) — ArnLike keeps colons in the resource component", .allowed,
              identity: [F.allowIf(F.cond("ArnLike", "aws:SourceArn", ["arn:aws:logs:*:*:log-group:*"]))],
              context: ["aws:SourceArn": ["arn:aws:logs:us-east-1:123456789012:log-group:app:stream"]]),
        .init("\(rule) — ArnEquals needs six components", .implicitDeny,
              identity: [F.allowIf(F.cond("ArnLike", "aws:SourceArn", ["arn:aws:*"]))],
              context: ["aws:SourceArn": ["arn:aws:s3:::b"]]),
    ]

    @Test(arguments: cases)
    func evaluates(_ row: EvaluationCase) throws {
        #expect(try row.evaluate().outcome == row.expected, "\(row.rule)")
    }
}
