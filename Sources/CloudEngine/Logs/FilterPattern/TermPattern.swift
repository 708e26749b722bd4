/// A pattern for unstructured events: every plain term must appear (`ERROR Exception`), no `-term` may
/// (`ERROR -Throttling`), and at least one `?term`, if there are any, must (`?ERROR ?WARN`). A term is a
/// word or a double-quoted phrase; matching is case-sensitive, anywhere in the message.
struct TermPattern: Sendable {
    var required: [[UInt8]] = []
    var excluded: [[UInt8]] = []
    var optional: [[UInt8]] = []
    /// `" "`, a phrase of only spaces, which CloudWatch takes to match every event.
    var matchesEverything = false

    init(_ pattern: String) throws {
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index].properties.isWhitespace { index += 1; continue }
            let start = index
            var sign: Unicode.Scalar?
            if (scalars[index] == "-" || scalars[index] == "?"), index + 1 < scalars.count,
               !scalars[index + 1].properties.isWhitespace {
                sign = scalars[index]
                index += 1
            }
            let term: String
            if scalars[index] == "\"" {
                let (text, next) = try FilterPatternLexer.quoted(scalars, from: index)
                if text.allSatisfy(\.isWhitespace) && sign == nil { matchesEverything = true }
                term = text
                index = next
            } else {
                var end = index
                while end < scalars.count && !scalars[end].properties.isWhitespace { end += 1 }
                term = String(String.UnicodeScalarView(scalars[index..<end]))
                index = end
            }
            guard !term.isEmpty else { throw FilterPatternError.at(start + 1, "a quoted term is empty") }
            switch sign {
            case "-": excluded.append(Array(term.utf8))
            case "?": optional.append(Array(term.utf8))
            default: required.append(Array(term.utf8))
            }
        }
    }

    func matches(_ message: UnsafeBufferPointer<UInt8>) -> Bool {
        if matchesEverything { return true }
        for term in required where ByteSearch.find(term, in: message) == nil { return false }
        for term in excluded where ByteSearch.find(term, in: message) != nil { return false }
        if optional.isEmpty { return true }
        for term in optional where ByteSearch.find(term, in: message) != nil { return true }
        return false
    }
}
