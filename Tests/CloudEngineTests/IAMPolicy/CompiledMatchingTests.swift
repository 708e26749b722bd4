import Testing
@testable import CloudEngine
@testable import IAMPolicy

/// The compiled, byte-level matchers against the scalar matcher they replaced.
///
/// `ReferenceMatcher` is the evaluator's former algorithm, kept here verbatim
/// so any difference in behaviour, however unlikely the input, shows up as a failure.
@Suite("Compiled matching agrees with the scalar matcher")
struct CompiledMatchingTests {
    /// Letters of both cases, colons, slashes, multi-byte scalars, a letter whose lowercase is two scalars.
    static let alphabet: [Character] = ["a", "b", "A", "B", ":", ":", "/", "-", "é", "😀", "İ", "K", "\u{212A}"]

    @Test("Random patterns and subjects, with and without case and the colon rule")
    func randomAgreement() {
        var random = MatchingSeededRandom(seed: 0x5EED)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            var subject = String((0..<random.next(upTo: 14)).map { _ in Self.alphabet[random.next(upTo: Self.alphabet.count)] })
            // Half start like an ARN, so the fifth colon often falls inside the random part.
            if random.next(upTo: 2) == 0 { subject = "arn:a:s3:" + subject }
            let glob = Self.pattern(from: subject, random: &random)
            let pattern = WildcardPattern(glob: glob)
            for (caseInsensitive, colonSensitive) in [(false, false), (false, true), (true, false)] {
                let expected = ReferenceMatcher.matches(
                    pattern.tokens, subject, caseInsensitive: caseInsensitive, colonSensitive: colonSensitive)
                let actual = pattern.matches(subject, caseInsensitive: caseInsensitive, colonSensitive: colonSensitive)
                if expected != actual {
                    disagreements.append("\(glob) ~ \(subject) ci=\(caseInsensitive) colon=\(colonSensitive): \(actual)")
                }
            }
            let arnExpected = ReferenceMatcher.matchesARN(pattern, subject)
            if (ARNPattern(pattern)?.matches(subject) ?? false) != arnExpected {
                disagreements.append("ARN \(glob) ~ \(subject): \(!arnExpected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test(arguments: [
        // A literal pattern is an exact comparison, whatever the case of either side.
        ("s3:GetObject", "S3:GETOBJECT", true), ("S3:GETOBJECT", "s3:getobject", true), ("s3:GetObject", "s3:GetObjects", false),
        ("s3:GetObject", "s3:GetObjec", false), ("s3:Get*", "S3:getObject", true), ("S3:GET*", "s3:getobject", true),
        ("s3:*Object", "s3:PutOBJECT", true), ("s3:Get?bject", "s3:getObject", true), ("s3:*", "s3:", true),
        ("*", "iam:CreateUser", true), ("s3:*", "s3x:GetObject", false), ("ec2:*", "s3:GetObject", false),
    ])
    func actionCase(pattern: String, action: String, matches: Bool) {
        #expect(ActionPattern.matches(pattern, action: action) == matches)
        #expect(ReferenceMatcher.matches(WildcardPattern(glob: pattern).tokens, action, caseInsensitive: true, colonSensitive: false) == matches)
    }

    @Test(arguments: [
        // After the fifth colon a colon is an ordinary character: S3 keys may hold them.
        ("arn:aws:s3:::b/*", "arn:aws:s3:::b/a:b:c", true), ("arn:aws:s3:::b/a?b:c", "arn:aws:s3:::b/a:b:c", true),
        ("arn:aws:s3:::b/*:c", "arn:aws:s3:::b/a:b:c", true), ("arn:aws:s3:::b/a:*", "arn:aws:s3:::b/a:b:c", true),
        ("arn:aws:s3:::b/a:b:c", "arn:aws:s3:::b/a:b:c", true), ("arn:aws:s3:::b/a:b:d", "arn:aws:s3:::b/a:b:c", false),
        // Before it, `?` and a mid-segment `*` stay within their segment.
        ("arn:aws:s3?::b/k", "arn:aws:s3:::b/k", false), ("arn:aws:s*k", "arn:aws:s3:::b/k", false),
        ("arn:aws:s3:::*k", "arn:aws:s3:::b/k", true), ("arn:aws:*:::b/k", "arn:aws:s3:::b/k", true),
        // ...except a `*` that ends its segment, which may run on past colons.
        ("arn:aws:s*::b/k", "arn:aws:s3:::b/k", true), ("arn:*:s3:::b/k", "arn:aws:x:y:s3:::b/k", true),
        // `?` stands for one character, however many bytes it takes.
        ("arn:aws:s3:::b/caf?/?", "arn:aws:s3:::b/café/😀", true), ("arn:aws:s3:::b/caf??", "arn:aws:s3:::b/café", false),
        ("arn:aws:s3:::b/*é", "arn:aws:s3:::b/café", true), ("arn:aws:s3:::b/*e", "arn:aws:s3:::b/café", false),
    ])
    func resourceColons(pattern: String, resource: String, matches: Bool) {
        let compiled = WildcardPattern(glob: pattern)
        #expect(compiled.matches(resource, colonSensitive: true) == matches)
        #expect(ReferenceMatcher.matches(compiled.tokens, resource, caseInsensitive: false, colonSensitive: true) == matches)
    }

    @Test(arguments: [
        ("10.1.2.3", [10, 1, 2, 3] as [UInt8]?), ("010.001.2.255", [10, 1, 2, 255]), ("0.0.0.0", [0, 0, 0, 0]),
        ("1.2.3.4.", nil), (".1.2.3", nil), ("1..2.3", nil), ("1.2.3", nil), ("1.2.3.4.5", nil), ("256.1.1.1", nil),
        ("0001.1.1.1", nil), ("+1.2.3.4", nil), ("1.2.3.-4", nil), ("1.2.3.4 ", nil), ("١.2.3.4", nil), ("", nil),
        ("::ffff:10.1.2.3", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 10, 1, 2, 3]),
    ])
    func requestAddresses(text: String, bytes: [UInt8]?) {
        #expect(IPAddressRange.parseAddress(text) == bytes)
    }

    @Test("A statement's compiled patterns follow edits to its elements")
    func editsRecompile() throws {
        let document = try PolicyDocument(parsing: Fixture.allow("s3:GetObject", on: ["arn:aws:s3:::a/*"]), kind: .identity)
        var statement = try #require(document.statements.first)
        let request = PolicyRequest(caller: Fixture.alice, action: "s3:PutObject", resource: "arn:aws:s3:::b/k")
        #expect(!statement.applies(to: request, variablesEnabled: true))
        statement.actions.patterns = ["S3:PUT*"]
        statement.resources?.patterns = ["arn:aws:s3:::b/*"]
        #expect(statement.applies(to: request, variablesEnabled: true))
        statement.conditions = [PolicyCondition(operator: ConditionOperator(base: .ipAddress), key: "aws:SourceIp", values: ["10.0.0.0/8"], position: statement.start)]
        #expect(!statement.applies(to: request, variablesEnabled: true))
        statement.conditions[0].operator = ConditionOperator(base: .notIpAddress)
        statement.conditions[0].key = "AWS:sourceip"
        let remote = PolicyRequest(caller: Fixture.alice, action: "s3:PutObject", resource: "arn:aws:s3:::b/k",
                                   context: ConditionContext(["aws:SourceIp": ["192.0.2.1"]]))
        #expect(statement.applies(to: remote, variablesEnabled: true))
        statement.conditions[0].values = ["192.0.2.0/24"]
        #expect(!statement.applies(to: remote, variablesEnabled: true))
    }

    /// A pattern made from `subject` by turning some runs into `*` or `?` and altering some characters,
    /// so that about half of the pairs match.
    private static func pattern(from subject: String, random: inout MatchingSeededRandom) -> String {
        var result = ""
        var characters = Array(subject)[...]
        while let first = characters.first {
            switch random.next(upTo: 8) {
            case 0:
                result.append("*")
                characters = characters.dropFirst(random.next(upTo: 4))
            case 1:
                result.append("?")
                characters = characters.dropFirst()
            case 2:
                result.append(alphabet[random.next(upTo: alphabet.count)])
                characters = characters.dropFirst()
            default:
                result.append(first)
                characters = characters.dropFirst()
            }
        }
        if random.next(upTo: 4) == 0 { result.append("*") }
        return result
    }
}

/// A small deterministic generator, so a failure reproduces.
struct MatchingSeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(upTo bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }
}

/// The matcher as it was before compilation: Unicode scalars, a reachability row per token.
enum ReferenceMatcher {
    static func matches(
        _ tokens: [WildcardPattern.Token], _ subject: String, caseInsensitive: Bool, colonSensitive: Bool
    ) -> Bool {
        let text = Array((caseInsensitive ? subject.lowercased() : subject).unicodeScalars)
        var separators = [Bool](repeating: false, count: text.count)
        if colonSensitive {
            var found = 0
            for offset in text.indices where text[offset] == ":" && found < 5 {
                separators[offset] = true
                found += 1
            }
        }
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: text.count + 1)
            switch token {
            case .literal(let raw):
                let scalar = caseInsensitive ? lowercased(raw) : raw
                for offset in text.indices where reachable[offset] && text[offset] == scalar {
                    next[offset + 1] = true
                }
            case .anyOne:
                for offset in text.indices where reachable[offset] && !separators[offset] {
                    next[offset + 1] = true
                }
            case .anyRun(let crossesColon):
                var running = false
                for offset in 0...text.count {
                    if reachable[offset] { running = true }
                    next[offset] = running
                    if offset < text.count, !crossesColon, separators[offset] { running = false }
                }
            }
            reachable = next
            if !reachable.contains(true) { return false }
        }
        return reachable[text.count]
    }

    /// The former `ARNPattern.matches`: six components split as characters, each matched alone.
    static func matchesARN(_ pattern: WildcardPattern, _ arn: String) -> Bool {
        var parts: [[WildcardPattern.Token]] = [[]]
        for token in pattern.tokens {
            if token == .literal(":"), parts.count < 6 {
                parts.append([])
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        let arnParts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, arnParts.count == 6 else { return false }
        for (part, subject) in zip(parts, arnParts) {
            guard matches(WildcardPattern(tokens: part).tokens, String(subject), caseInsensitive: false, colonSensitive: false)
            else { return false }
        }
        return true
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lowered = String(scalar).lowercased().unicodeScalars
        return lowered.count == 1 ? (lowered.first ?? scalar) : scalar
    }
}
