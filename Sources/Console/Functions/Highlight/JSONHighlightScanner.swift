import TerminalUI

/// Colours JSON one line at a time, tolerating anything that is not JSON.
///
/// A string is a key when the next thing on its line is `:`. Barewords other
/// than `true`, `false` and `null` stay plain; `//` comments (JSONC) are coloured
/// as comments. A string left open ends with its line.
enum JSONHighlightScanner {
    static let literals: Set<String> = ["true", "false", "null"]

    static func highlight(_ line: [Unicode.Scalar]) -> [TextSpan] {
        var builder = HighlightSpanBuilder(line)
        let count = line.count
        var index = 0
        while index < count {
            let scalar = line[index]
            let start = index
            switch scalar {
            case "\"":
                index += 1
                while index < count {
                    let inner = line[index]
                    index += inner == "\\" ? 2 : 1
                    if inner == "\"" { break }
                }
                index = min(index, count)
                var next = index
                while next < count, line[next].isHighlightWhitespace { next += 1 }
                builder.add(upTo: index, next < count && line[next] == ":" ? .jsonKey : .syntaxString)
            case "{", "}", "[", "]", ",", ":":
                index += 1
                builder.add(upTo: index, .syntaxPunctuation)
            case "-", "+", "0"..."9":
                index += 1
                while index < count, isNumberPart(line[index]) { index += 1 }
                builder.add(upTo: index, .syntaxNumber)
            case "/" where index + 1 < count && line[index + 1] == "/":
                builder.add(upTo: count, .syntaxComment)
                index = count
            default:
                if scalar.isHighlightIdentifierStart {
                    while index < count, line[index].isHighlightIdentifierContinue { index += 1 }
                    let word = String(String.UnicodeScalarView(line[start..<index]))
                    builder.add(upTo: index, literals.contains(word) ? .syntaxKeyword : .normal)
                } else {
                    index += 1
                    builder.add(upTo: index, .normal)
                }
            }
        }
        return builder.finish()
    }

    private static func isNumberPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isHighlightDigit || scalar == "." || scalar == "e" || scalar == "E" || scalar == "+" || scalar == "-"
    }
}
