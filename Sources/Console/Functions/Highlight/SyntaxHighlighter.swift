import TerminalUI

/// Colours source code for the Functions panel's Code tab and the Test tab's JSON.
///
/// Hand-written scanners, one pass over each line, so a 5,000-line handler
/// colours in linear time. Nothing here can fail: text that is not valid
/// Python or JSON is still split into lines and coloured as far as it makes sense.
public enum SyntaxHighlighter {
    public enum Language: Sendable {
        case python, json, plain
    }

    /// The language for a file name (.py → python, .json → json, else plain).
    ///
    /// Matching is case-insensitive and works on paths too (`src/app.PY`).
    /// Stub files (`.pyi`) count as Python.
    public static func language(forFileName name: String) -> Language {
        let lower = name.lowercased()
        if lower.hasSuffix(".py") || lower.hasSuffix(".pyi") { return .python }
        if lower.hasSuffix(".json") { return .json }
        return .plain
    }

    /// One array of spans per line of `source` (lines split on \n; a trailing \r is dropped; tabs expanded to 4 spaces).
    /// Concatenating a line's span texts gives the line's text exactly (after tab expansion).
    ///
    /// An empty line has no spans, so empty input is one line with no spans, and
    /// a trailing newline gives a last, empty line. No span is empty, and adjacent
    /// spans never share a role.
    public static func highlight(_ source: String, language: Language) -> [[TextSpan]] {
        let lines = HighlightLines.split(source)
        switch language {
        case .plain:
            return lines.map { line in
                var builder = HighlightSpanBuilder(line)
                builder.add(upTo: line.count, .normal)
                return builder.finish()
            }
        case .json:
            return lines.map(JSONHighlightScanner.highlight)
        case .python:
            var open: PythonHighlightScanner.OpenString?
            return lines.map { PythonHighlightScanner.highlight($0, open: &open) }
        }
    }
}

/// Splits source text into lines of Unicode scalars.
///
/// Scalars rather than `Character`s so that `\r\n` (one `Character`) still splits,
/// and so scanners can index in constant time.
enum HighlightLines {
    static let tabWidth = 4

    static func split(_ source: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in source.unicodeScalars {
            switch scalar {
            case "\n":
                lines.append(finished(current))
                current.removeAll(keepingCapacity: true)
            case "\t":
                current.append(contentsOf: repeatElement(" ", count: tabWidth))
            default:
                current.append(scalar)
            }
        }
        lines.append(finished(current))
        return lines
    }

    private static func finished(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        line.last == "\r" ? Array(line.dropLast()) : line
    }
}

/// Turns "this role up to here" marks into merged spans over one line.
///
/// Scanners walk a line left to right and call `add(upTo:_:)` after each token;
/// consecutive tokens with the same role become one span.
struct HighlightSpanBuilder {
    private let scalars: [Unicode.Scalar]
    private var spans: [TextSpan] = []
    private var start = 0
    private var end = 0
    private var role: StyleRole = .normal

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// Colours everything not yet coloured, up to (not including) `index`, in `newRole`.
    mutating func add(upTo index: Int, _ newRole: StyleRole) {
        let index = min(index, scalars.count)
        guard index > end else { return }
        if end > start, newRole != role { flush() }
        if end == start { role = newRole }
        end = index
    }

    mutating func finish() -> [TextSpan] {
        flush()
        return spans
    }

    private mutating func flush() {
        if end > start {
            spans.append(TextSpan(String(String.UnicodeScalarView(scalars[start..<end])), role: role))
        }
        start = end
    }
}

extension Unicode.Scalar {
    var isHighlightDigit: Bool { ("0"..."9").contains(self) }

    var isHighlightHexDigit: Bool {
        isHighlightDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self)
    }

    var isHighlightWhitespace: Bool { properties.isWhitespace }

    /// A letter or underscore, or any non-ASCII identifier start.
    var isHighlightIdentifierStart: Bool {
        if isASCII { return ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
        return properties.isXIDStart
    }

    var isHighlightIdentifierContinue: Bool {
        if isASCII { return isHighlightIdentifierStart || isHighlightDigit }
        return properties.isXIDContinue
    }
}
