/// Wildcard patterns compiled to UTF-8 byte steps, stored end to end.
///
/// Compiled once when a pattern is made (for policy documents: when they are
/// parsed), because the evaluator matches the same patterns against every request.
/// A statement's patterns share two flat buffers of plain values, so matching them
/// neither allocates, decodes text nor retains anything per pattern.
///
/// Matching bytes gives the same answer as matching Unicode scalars: a literal
/// scalar becomes its whole UTF-8 sequence, which can only match the same
/// sequence starting at a scalar boundary, and `?` consumes one whole scalar.
struct GlobProgram: Sendable, Equatable {
    /// Where one pattern's steps are, and what is known about them ahead of matching.
    struct Layout: Sendable, Equatable, BitwiseCopyable {
        var start: Int
        var count: Int
        /// How many leading steps are literals: compared directly, which rejects most subjects at once.
        var prefixCount: Int
        /// How many trailing steps (after the prefix) are literals.
        var suffixCount: Int
        /// The shortest subject that can match: one byte per literal and per `?`.
        var minimumLength: Int

        /// True when the pattern has no wildcard, so only an identical subject matches.
        var isLiteral: Bool { prefixCount == count }
    }

    /// One step per byte: 0...255 is that literal byte, above are the wildcards.
    private let steps: ContiguousArray<UInt16>
    private let layouts: ContiguousArray<Layout>

    private static let anyOne: UInt16 = 256
    private static let anyRun: UInt16 = 257
    /// A `*` that ends its colon-separated segment and so may run on past colons.
    private static let anyRunAcrossColons: UInt16 = 258
    private static let colon = UInt8(ascii: ":")

    init(_ patterns: [[WildcardPattern.Token]]) {
        var steps = ContiguousArray<UInt16>()
        var layouts = ContiguousArray<Layout>()
        for tokens in patterns {
            let start = steps.count
            for token in tokens {
                switch token {
                case .literal(let scalar):
                    UTF8.encode(scalar) { steps.append(UInt16($0)) }
                case .anyOne:
                    steps.append(Self.anyOne)
                case .anyRun(let crossesColon):
                    steps.append(crossesColon ? Self.anyRunAcrossColons : Self.anyRun)
                }
            }
            let own = steps[start...]
            let prefix = own.prefix(while: { $0 < 256 }).count
            let suffix = prefix == own.count ? 0 : own.reversed().prefix(while: { $0 < 256 }).count
            layouts.append(Layout(
                start: start, count: own.count, prefixCount: prefix, suffixCount: suffix,
                minimumLength: own.count(where: { $0 <= Self.anyOne })))
        }
        self.steps = steps
        self.layouts = layouts
    }

    /// Whether any of the patterns matches `subject`.
    func anyMatches(_ subject: Span<UInt8>, separatorLimit: Int) -> Bool {
        let steps = self.steps.span
        let layouts = self.layouts.span
        for index in layouts.indices where Self.matches(steps, layouts[index], subject, separatorLimit) {
            return true
        }
        return false
    }

    /// Whether pattern `index` matches the whole of `subject`.
    ///
    /// - Parameter separatorLimit: colons of `subject` at or before this offset separate
    ///   segments (see `WildcardPattern.matches`); pass -1 when no colon is special.
    func matches(_ index: Int, _ subject: Span<UInt8>, separatorLimit: Int) -> Bool {
        Self.matches(steps.span, layouts[index], subject, separatorLimit)
    }

    private static func matches(_ allSteps: Span<UInt16>, _ layout: Layout, _ subject: Span<UInt8>, _ separatorLimit: Int) -> Bool {
        let length = subject.count
        if layout.isLiteral {
            guard length == layout.count else { return false }
        } else if length < layout.minimumLength {
            return false
        }
        let steps = allSteps.extracting(layout.start..<(layout.start + layout.count))
        // Backwards: the patterns of one policy usually share their start (`arn:aws:s3:::`)
        // and differ near the end of the literal part, so this rejects within a few bytes.
        for offset in (0..<layout.prefixCount).reversed() where steps[offset] != UInt16(subject[offset]) {
            return false
        }
        if layout.isLiteral { return true }
        for back in 1..<(layout.suffixCount + 1) where steps[steps.count - back] != UInt16(subject[length - back]) {
            return false
        }
        let middle = steps.extracting(layout.prefixCount..<(steps.count - layout.suffixCount))
        let start = layout.prefixCount
        let end = length - layout.suffixCount
        // `*` alone between the literal ends, the commonest shape (`arn:aws:s3:::bucket/*`).
        if middle.count == 1, middle[0] != anyOne {
            if middle[0] == anyRunAcrossColons { return true }
            for offset in start..<end where isSeparator(subject, offset, separatorLimit) { return false }
            return true
        }
        return matchesMiddle(middle, subject, start: start, end: end, separatorLimit: separatorLimit)
    }

    /// Runs the steps over `subject[start..<end]`, tracking every offset each prefix of the steps can reach.
    ///
    /// Linear in the product of the two lengths, never exponential however many `*` the
    /// pattern holds; the two rows of reachable offsets live in one temporary buffer.
    private static func matchesMiddle(
        _ steps: Span<UInt16>, _ subject: Span<UInt8>, start: Int, end: Int, separatorLimit: Int
    ) -> Bool {
        let width = end - start + 1
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * width) { buffer in
            buffer.initialize(repeating: false)
            var current = 0
            var next = width
            buffer[0] = true
            for step in steps.indices {
                let op = steps[step]
                var anyReachable = false
                switch op {
                case anyRun, anyRunAcrossColons:
                    var running = false
                    for offset in 0..<width {
                        if buffer[current + offset] { running = true }
                        buffer[next + offset] = running
                        anyReachable = anyReachable || running
                        if op == anyRun, offset < width - 1, isSeparator(subject, start + offset, separatorLimit) {
                            running = false
                        }
                    }
                case anyOne:
                    for offset in 0..<width { buffer[next + offset] = false }
                    for offset in 0..<(width - 1) where buffer[current + offset] {
                        let byte = subject[start + offset]
                        guard !isContinuation(byte), !isSeparator(subject, start + offset, separatorLimit) else { continue }
                        let after = offset + scalarLength(lead: byte)
                        if after < width {
                            buffer[next + after] = true
                            anyReachable = true
                        }
                    }
                default:
                    buffer[next] = false
                    for offset in 0..<(width - 1) {
                        let reached = buffer[current + offset] && UInt16(subject[start + offset]) == op
                        buffer[next + offset + 1] = reached
                        anyReachable = anyReachable || reached
                    }
                }
                if !anyReachable { return false }
                swap(&current, &next)
            }
            return buffer[current + width - 1]
        }
    }

    private static func isSeparator(_ subject: Span<UInt8>, _ offset: Int, _ limit: Int) -> Bool {
        offset <= limit && subject[offset] == colon
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The length of the UTF-8 sequence `lead` starts (Swift strings hold only valid UTF-8).
    private static func scalarLength(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The offset of `subject`'s fifth colon, or `Int.max` when it has fewer: the
    /// `separatorLimit` for IAM's resource-ARN rule, computed once per request.
    static func resourceSeparatorLimit(_ subject: Span<UInt8>) -> Int {
        var found = 0
        for offset in subject.indices where subject[offset] == colon {
            found += 1
            if found == 5 { return offset }
        }
        return Int.max
    }
}
