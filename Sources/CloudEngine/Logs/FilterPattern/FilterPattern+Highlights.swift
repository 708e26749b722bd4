import Foundation

extension FilterPattern {
    /// Where the pattern's terms appear in `text` (a line of an event it matched), for a viewer to highlight:
    /// terms and phrases (not `-term`s), a `%regex%`'s matches, and the literal text a JSON or space-delimited
    /// pattern compares with `=` (the parts between `*`s). Numbers are not marked. Sorted, may overlap.
    public func highlightRanges(in text: String) -> [Range<String.Index>] {
        var literals: [[UInt8]] = []
        var regexes: [FilterRegex] = []
        switch kind {
        case .everything:
            return []
        case .terms(let terms):
            literals = terms.required + terms.optional
        case .regex(let regex):
            regexes = [regex]
        case .json(let condition, _, _):
            Self.collect(condition, &literals, &regexes)
        case .delimited(let delimited):
            for case .field(_, let condition) in delimited.slots { Self.collect(condition, &literals, &regexes) }
        }
        var ranges: [Range<String.Index>] = []
        for literal in literals where !literal.isEmpty {
            let term = String(decoding: literal, as: UTF8.self)
            var from = text.startIndex
            while from < text.endIndex, let found = text.range(of: term, options: .literal, range: from..<text.endIndex) {
                ranges.append(found)
                from = found.upperBound
            }
        }
        for regex in regexes {
            ranges += text.matches(of: regex.regex).map(\.range).filter { !$0.isEmpty }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func collect(_ condition: FilterCondition, _ literals: inout [[UInt8]], _ regexes: inout [FilterRegex]) {
        switch condition {
        case .all(let conditions), .any(let conditions):
            for inner in conditions { collect(inner, &literals, &regexes) }
        case .compare(_, let comparison) where comparison.op == .equal:
            switch comparison.value {
            case .text(let glob): literals += glob.parts
            case .regex(let regex): regexes.append(regex)
            case .number: break
            }
        default:
            break
        }
    }
}
