import TerminalUI

/// Colours Python one line at a time, carrying open strings to the next line.
///
/// Strings are coloured whole (prefix, quotes, escapes, and f-string
/// replacement fields alike); the scanner only follows an f-string's fields
/// far enough to know which quote closes it, so `f"{d["k"]}"` (Python 3.12) and
/// `f"{x:'>8}"` end where Python says they do.
enum PythonHighlightScanner {
    /// Python 3.13's `keyword.kwlist`.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await",
        "break", "class", "continue", "def", "del", "elif", "else", "except",
        "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
        "while", "with", "yield",
    ]

    /// Soft keywords, coloured only as a statement's first word (`match x:`, `case 1:`, `type T = int`).
    static let softKeywords: Set<String> = ["match", "case", "type"]

    /// String prefixes, lowercased: raw, bytes, unicode, formatted and template strings.
    static let stringPrefixes: Set<String> = ["r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt"]

    /// One replacement field of an f-string being scanned: `{expression!r:spec}`.
    struct Field: Sendable {
        /// Open `(`, `[` and `{` inside the expression.
        var brackets = 0
        /// Past the top-level `:`, where quotes are plain text.
        var inSpec = false
    }

    /// A string still open at the end of a line: triple-quoted, or continued with a backslash.
    struct OpenString: Sendable {
        var quote: Unicode.Scalar
        var triple: Bool
        var formatted: Bool
        /// Replacement fields open at this point, innermost last.
        var fields: [Field] = []
    }

    enum StringEnd {
        case closed
        /// Runs on to the next line.
        case continues
        /// A one-line string with no closing quote; it ends with the line.
        case unterminated
    }

    static func highlight(_ line: [Unicode.Scalar], open: inout OpenString?) -> [TextSpan] {
        var builder = HighlightSpanBuilder(line)
        let count = line.count
        var index = 0
        var atStatementStart = true

        if var string = open {
            atStatementStart = false
            let end = scanString(line, &index, &string)
            open = end == .continues ? string : nil
            builder.add(upTo: index, .syntaxString)
        }

        while index < count {
            let scalar = line[index]
            let start = index

            if scalar.isHighlightWhitespace {
                while index < count, line[index].isHighlightWhitespace { index += 1 }
                builder.add(upTo: index, .normal)
                continue
            }

            if scalar == "#" {
                builder.add(upTo: count, .syntaxComment)
                break
            }

            if scalar == "\"" || scalar == "'" {
                open = beginString(line, at: &index, formatted: false)
                builder.add(upTo: index, .syntaxString)
            } else if scalar.isHighlightIdentifierStart {
                while index < count, line[index].isHighlightIdentifierContinue { index += 1 }
                let word = String(String.UnicodeScalarView(line[start..<index]))
                if index < count, line[index] == "\"" || line[index] == "'",
                   stringPrefixes.contains(word.lowercased()) {
                    let lower = word.lowercased()
                    open = beginString(line, at: &index, formatted: lower.contains("f") || lower.contains("t"))
                    builder.add(upTo: index, .syntaxString)
                } else if keywords.contains(word)
                            || (atStatementStart && softKeywords.contains(word) && startsSoftKeywordStatement(line, after: index)) {
                    builder.add(upTo: index, .syntaxKeyword)
                } else {
                    builder.add(upTo: index, .normal)
                }
            } else if scalar.isHighlightDigit || (scalar == "." && index + 1 < count && line[index + 1].isHighlightDigit) {
                index = numberEnd(line, from: index)
                builder.add(upTo: index, .syntaxNumber)
            } else if scalar == "@" && atStatementStart {
                index += 1
                while index < count, line[index].isHighlightIdentifierContinue || line[index] == "." { index += 1 }
                builder.add(upTo: index, .syntaxKeyword)
            } else {
                index += 1
                builder.add(upTo: index, .syntaxPunctuation)
            }
            atStatementStart = false
        }
        return builder.finish()
    }

    /// Scans a string whose opening quote is at `index`; returns it if it runs on to the next line.
    private static func beginString(_ line: [Unicode.Scalar], at index: inout Int, formatted: Bool) -> OpenString? {
        let quote = line[index]
        let triple = index + 2 < line.count && line[index + 1] == quote && line[index + 2] == quote
        index += triple ? 3 : 1
        var string = OpenString(quote: quote, triple: triple, formatted: formatted)
        return scanString(line, &index, &string) == .continues ? string : nil
    }

    /// Advances `index` through a string's contents, past its closing quote if the line has it.
    static func scanString(_ line: [Unicode.Scalar], _ index: inout Int, _ string: inout OpenString) -> StringEnd {
        let count = line.count
        while index < count {
            let scalar = line[index]
            if scalar == "\\" {
                if index + 1 >= count {
                    index = count
                    return .continues
                }
                index += 2
                continue
            }
            if string.formatted, let field = string.fields.last {
                let innermost = string.fields.count - 1
                if field.inSpec {
                    if scalar == "{" {
                        string.fields.append(Field())
                        index += 1
                        continue
                    }
                    if scalar == "}" {
                        string.fields.removeLast()
                        index += 1
                        continue
                    }
                    // Otherwise plain text, though the string's own quote still closes it.
                } else {
                    switch scalar {
                    case "(", "[", "{":
                        string.fields[innermost].brackets += 1
                    case ")", "]":
                        string.fields[innermost].brackets = max(0, field.brackets - 1)
                    case "}":
                        if field.brackets > 0 {
                            string.fields[innermost].brackets -= 1
                        } else {
                            string.fields.removeLast()
                        }
                    case ":" where field.brackets == 0:
                        string.fields[innermost].inSpec = true
                    case "\"", "'":
                        skipNestedString(line, &index)
                        continue
                    default:
                        break
                    }
                    index += 1
                    continue
                }
            } else if string.formatted, scalar == "{" {
                let escaped = index + 1 < count && line[index + 1] == "{"
                if !escaped { string.fields.append(Field()) }
                index += escaped ? 2 : 1
                continue
            }
            if scalar == string.quote {
                if !string.triple {
                    index += 1
                    return .closed
                }
                if index + 2 < count, line[index + 1] == scalar, line[index + 2] == scalar {
                    index += 3
                    return .closed
                }
            }
            index += 1
        }
        return string.triple ? .continues : .unterminated
    }

    /// Skips a string inside an f-string's expression, which ends at its quote or the line's end.
    private static func skipNestedString(_ line: [Unicode.Scalar], _ index: inout Int) {
        let quote = line[index]
        index += 1
        while index < line.count {
            let scalar = line[index]
            index += scalar == "\\" ? 2 : 1
            if scalar == quote { return }
        }
        index = min(index, line.count)
    }

    /// Where a number literal starting at `start` ends: ints, floats, hex/octal/binary, `_`, exponents, `j`.
    private static func numberEnd(_ line: [Unicode.Scalar], from start: Int) -> Int {
        let count = line.count
        var index = start
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < count ? line[index + offset] : nil
        }
        if line[index] == "0", let base = at(1), "xXoObB".unicodeScalars.contains(base) {
            index += 2
            while let scalar = at(0), scalar.isHighlightHexDigit || scalar == "_" { index += 1 }
            return index
        }
        while let scalar = at(0), scalar.isHighlightDigit || scalar == "_" { index += 1 }
        if at(0) == "." {
            index += 1
            while let scalar = at(0), scalar.isHighlightDigit || scalar == "_" { index += 1 }
        }
        if let e = at(0), e == "e" || e == "E" {
            let sign = at(1)
            let digitsAt = sign == "+" || sign == "-" ? 2 : 1
            if at(digitsAt)?.isHighlightDigit == true {
                index += digitsAt
                while let scalar = at(0), scalar.isHighlightDigit || scalar == "_" { index += 1 }
            }
        }
        if let j = at(0), j == "j" || j == "J" { index += 1 }
        return index
    }

    /// Whether a soft keyword at a statement's start is followed by what makes it a keyword:
    /// a space and then an operand, not `=`, `.`, `:`, a closing bracket or an augmented assignment.
    private static func startsSoftKeywordStatement(_ line: [Unicode.Scalar], after index: Int) -> Bool {
        var next = index
        guard next < line.count, line[next] == " " else { return false }
        while next < line.count, line[next] == " " { next += 1 }
        guard next < line.count else { return false }
        let scalar = line[next]
        if "=.,:;)]}#".unicodeScalars.contains(scalar) { return false }
        if "+-*/%&|^<>@!~".unicodeScalars.contains(scalar) {
            let following = next + 1 < line.count ? line[next + 1] : " "
            if following == "=" || following == scalar { return false }
        }
        return true
    }
}
