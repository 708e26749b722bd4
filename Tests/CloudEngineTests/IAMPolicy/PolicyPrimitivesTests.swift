import Testing
@testable import CloudEngine
@testable import IAMPolicy

@Suite("Wildcards, addresses and dates")
struct PolicyPrimitivesTests {
    @Test(arguments: [
        ("arn:aws:s3:::b/*", "arn:aws:s3:::b/x:y", true),
        ("arn:aws:s3:::b/*.txt", "arn:aws:s3:::b/a:b.txt", true),
        ("arn:aws:*:us-east-1:123456789012:q", "arn:aws:sqs:us-east-1:123456789012:q", true),
        ("arn:aws:sqs:us*1:123456789012:q", "arn:aws:sqs:us-east-1:123456789012:q", true),
        ("arn:aws:sqs:u*:123456789012:q", "arn:aws:sqs:us-east-1:123456789012:q", true),
        ("arn:aws:s*s:us-east-1:123456789012:q", "arn:aws:s:x:s:us-east-1:123456789012:q", false),
        ("arn:aws:sqs:us-east-1?123456789012:q", "arn:aws:sqs:us-east-1:123456789012:q", false),
        ("arn:aws:*", "arn:aws:sqs:us-east-1:123456789012:q", true),
        ("arn:aws:s3:::B", "arn:aws:s3:::b", false),
        ("", "", true),
        ("*", "", true),
        ("?", "", false),
    ])
    func resourceWildcards(pattern: String, subject: String, matches: Bool) {
        #expect(WildcardPattern(glob: pattern).matches(subject, colonSensitive: true) == matches)
    }

    @Test("Case-insensitive matching folds both sides")
    func caseFolding() {
        #expect(WildcardPattern(glob: "S3:Get*").matches("s3:getobject", caseInsensitive: true))
        #expect(!WildcardPattern(glob: "S3:Get*").matches("s3:getobject"))
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.255.1.2", true), ("10.0.0.0/8", "11.0.0.1", false), ("0.0.0.0/0", "192.0.2.1", true),
        ("192.0.2.128/25", "192.0.2.127", false), ("192.0.2.128/25", "192.0.2.200", true),
        ("2001:db8::/32", "2001:0db8:ffff::1", true), ("::1", "::1", true), ("::/0", "fe80::1", true),
        ("::ffff:192.0.2.0/120", "::ffff:192.0.2.9", true), ("10.0.0.0/33", "10.0.0.1", false),
        ("10.0.0/8", "10.0.0.1", false), ("10.0.0.0/8", "10.0.0.256", false), ("2001:db8::1::2", "2001:db8::1", false),
    ])
    func cidrBlocks(cidr: String, address: String, contained: Bool) {
        #expect((IPAddressRange(cidr: cidr)?.contains(address) ?? false) == contained)
    }

    @Test(arguments: [
        ("2024-06-01T12:00:00Z", 1_717_243_200.0), ("2024-06-01T12:00Z", 1_717_243_200.0),
        ("2024-06-01T14:00:00+02:00", 1_717_243_200.0), ("2024-06-01T07:00:00-0500", 1_717_243_200.0),
        ("2024-06-01T12:00:00.500Z", 1_717_243_200.5), ("2024-06-01", 1_717_200_000.0), ("1717243200", 1_717_243_200.0),
    ])
    func parsesDates(text: String, seconds: Double) {
        #expect(PolicyDate.seconds(from: text) == seconds)
    }

    @Test(arguments: ["2024-13-01", "2023-02-29", "2024-06-01T25:00:00Z", "yesterday", "2024-06-01T12:00:00Q", ""])
    func refusesBadDates(text: String) {
        #expect(PolicyDate.seconds(from: text) == nil)
    }

    @Test("Unclosed ${ is plain text; a missing variable makes the value unusable")
    func variableEdges() {
        let context = ConditionContext(["aws:username": ["alice"]])
        #expect(PolicyVariables.pattern(for: "a/${aws:username", context: context, enabled: true)?.text == "a/${aws:username")
        #expect(PolicyVariables.pattern(for: "a/${aws:userid}", context: context, enabled: true) == nil)
        #expect(PolicyVariables.pattern(for: "a/${aws:userid}", context: context, enabled: false)?.text == "a/${aws:userid}")
        #expect(PolicyVariables.referencedKeys(in: "${aws:username}/${*}/${aws:PrincipalTag/team, 'x'}") == ["aws:username", "aws:PrincipalTag/team"])
    }
}
