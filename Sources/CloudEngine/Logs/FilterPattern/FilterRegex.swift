/// A `%...%` regular expression of a filter pattern, compiled once. It matches anywhere in the text, as
/// CloudWatch's regex terms do.
struct FilterRegex: @unchecked Sendable {
    // Regex values are immutable once built and safe to match from several threads.
    let regex: Regex<AnyRegexOutput>

    init(_ source: String, position: Int) throws {
        guard !source.isEmpty else { throw FilterPatternError.at(position, "the regular expression is empty") }
        if source.contains("(") || source.contains(")") {
            throw FilterPatternError.at(position, "regular expressions in filter patterns cannot use '(' or ')'")
        }
        do {
            regex = try Regex(source)
        } catch {
            throw FilterPatternError.at(position, "the regular expression %\(source)% is not valid")
        }
    }

    func found(in text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}
