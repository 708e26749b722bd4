@testable import Console
import Foundation
import TerminalUI
import Testing

// MARK: - Helpers

/// Highlights and checks the invariants every result must keep: span texts join
/// to the expected lines, no span is empty, and neighbours never share a role.
private func highlighted(_ source: String, _ language: SyntaxHighlighter.Language) -> [[TextSpan]] {
    let lines = SyntaxHighlighter.highlight(source, language: language)
    let expected = scalarLines(source.replacingOccurrences(of: "\t", with: "    "))
    #expect(lines.map { $0.map(\.text).joined() } == expected)
    for line in lines {
        #expect(!line.contains { $0.text.isEmpty })
        for (left, right) in zip(line, line.dropFirst()) { #expect(left.role != right.role) }
    }
    return lines
}

/// Lines split on the scalar "\n" (a `Character` split would keep "\r\n" whole), less a trailing "\r".
private func scalarLines(_ source: String) -> [String] {
    source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
    }
}

private func python(_ source: String) -> [[TextSpan]] { highlighted(source, .python) }
private func json(_ source: String) -> [[TextSpan]] { highlighted(source, .json) }

/// The one line of `source`, as spans.
private func line(_ source: String, _ language: SyntaxHighlighter.Language = .python) -> [TextSpan] {
    highlighted(source, language).first ?? []
}

/// The role of the span that is exactly `text`, or nil when no span is.
private func role(of text: String, in spans: [TextSpan]) -> StyleRole? {
    spans.first { $0.text == text }?.role
}

private func span(_ text: String, _ role: StyleRole) -> TextSpan { TextSpan(text, role: role) }

// MARK: - Languages and lines

@Suite("Syntax highlighter: languages and lines")
struct HighlightBasicsTests {
    @Test("File names pick the language")
    func languages() {
        #expect(SyntaxHighlighter.language(forFileName: "handler.py") == .python)
        #expect(SyntaxHighlighter.language(forFileName: "src/App.PY") == .python)
        #expect(SyntaxHighlighter.language(forFileName: "event.json") == .json)
        #expect(SyntaxHighlighter.language(forFileName: "README.md") == .plain)
        #expect(SyntaxHighlighter.language(forFileName: "py") == .plain)
        #expect(SyntaxHighlighter.language(forFileName: "") == .plain)
    }

    @Test("Empty input is one empty line, in every language")
    func empty() {
        for language in [SyntaxHighlighter.Language.python, .json, .plain] {
            #expect(SyntaxHighlighter.highlight("", language: language) == [[]])
        }
    }

    @Test("Lines split on newlines; a trailing carriage return is dropped")
    func lines() {
        #expect(highlighted("a\r\nb\n\nc\r", .plain) == [[span("a", .normal)], [span("b", .normal)], [], [span("c", .normal)]])
        #expect(highlighted("x\n", .plain).count == 2)
    }

    @Test("Tabs become four spaces, in code and in strings")
    func tabs() {
        #expect(line("\treturn 1") == [span("    ", .normal), span("return", .syntaxKeyword), span(" ", .normal), span("1", .syntaxNumber)])
        #expect(line("s = \"a\tb\"").last == span("\"a    b\"", .syntaxString))
        #expect(line("{\t\"k\":\t1}", .json) == [
            span("{", .syntaxPunctuation), span("    ", .normal), span("\"k\"", .jsonKey),
            span(":", .syntaxPunctuation), span("    ", .normal), span("1", .syntaxNumber), span("}", .syntaxPunctuation),
        ])
    }

    @Test("Plain text is one normal span per line")
    func plain() {
        #expect(highlighted("def x(): # not code\n", .plain) == [[span("def x(): # not code", .normal)], []])
    }
}

// MARK: - Python

@Suite("Syntax highlighter: Python tokens")
struct HighlightPythonTokenTests {
    @Test("Keywords, identifiers and punctuation, with neighbours of one role merged")
    func keywordsAndPunctuation() {
        #expect(line("def handler(event, context):") == [
            span("def", .syntaxKeyword), span(" handler", .normal), span("(", .syntaxPunctuation),
            span("event", .normal), span(",", .syntaxPunctuation), span(" context", .normal), span("):", .syntaxPunctuation),
        ])
        let spans = line("if x is not None and y in z: return True or False")
        for keyword in ["if", "is", "not", "None", "and", "in", "return", "True", "or", "False"] {
            #expect(role(of: keyword, in: spans) == .syntaxKeyword, "\(keyword)")
        }
        #expect(line("async def f(): await g()").first == span("async", .syntaxKeyword))
        #expect(role(of: "lambda", in: line("f = lambda: yield_ + nonlocal_")) == .syntaxKeyword)
        #expect(line("nonlocal_ = define") == [span("nonlocal_", .normal), span(" ", .normal), span("=", .syntaxPunctuation), span(" define", .normal)].mergedForTest)
    }

    @Test("Operators are punctuation")
    func operators() {
        #expect(line("a **= b // c -> d") == [
            span("a ", .normal), span("**=", .syntaxPunctuation), span(" b ", .normal), span("//", .syntaxPunctuation),
            span(" c ", .normal), span("->", .syntaxPunctuation), span(" d", .normal),
        ])
    }

    @Test("Soft keywords only where they start a statement")
    func softKeywords() {
        #expect(line("match command:").first == span("match", .syntaxKeyword))
        #expect(line("    case [x, y]:")[1] == span("case", .syntaxKeyword))
        #expect(line("    case -1:")[1] == span("case", .syntaxKeyword))
        #expect(line("type Point = tuple[int, int]").first == span("type", .syntaxKeyword))
        #expect(line("match = re.match(p, s)").first == span("match ", .normal))
        #expect(line("match.group(1)").first == span("match", .normal))
        #expect(line("type(x)").first == span("type", .normal))
        #expect(role(of: "type", in: line("t = type (x)")) == nil)
    }

    @Test("Comments run to the end of the line")
    func comments() {
        #expect(line("x = 1  # the answer, \"quoted\"") == [
            span("x ", .normal), span("=", .syntaxPunctuation), span(" ", .normal), span("1", .syntaxNumber),
            span("  ", .normal), span("# the answer, \"quoted\"", .syntaxComment),
        ])
        #expect(line("# only a comment") == [span("# only a comment", .syntaxComment)])
    }

    @Test("A '#' inside a string is not a comment")
    func hashInString() {
        #expect(line("s = \"a # b\"  # real") == [
            span("s ", .normal), span("=", .syntaxPunctuation), span(" ", .normal), span("\"a # b\"", .syntaxString),
            span("  ", .normal), span("# real", .syntaxComment),
        ])
        #expect(line("url = '#anchor'").last == span("'#anchor'", .syntaxString))
    }

    @Test("Numbers: ints, floats, hex, octal, binary, underscores, exponents, imaginary")
    func numbers() {
        for literal in ["0", "42", "3.14", "10.", ".5", "0xFF", "0o17", "0B1010", "1_000_000", "1e-5", "2.5E+3", "6e23", "3j", "1.5J", "0x_ff"] {
            #expect(line("x = \(literal)").last == span(literal, .syntaxNumber), "\(literal)")
        }
        #expect(line("a[1:2]") == [span("a", .normal), span("[", .syntaxPunctuation), span("1", .syntaxNumber), span(":", .syntaxPunctuation), span("2", .syntaxNumber), span("]", .syntaxPunctuation)])
        #expect(line("x1 = obj.attr") == [span("x1 ", .normal), span("=", .syntaxPunctuation), span(" obj", .normal), span(".", .syntaxPunctuation), span("attr", .normal)])
        #expect(role(of: "if", in: line("y = 1if x else 2")) == .syntaxKeyword)
        #expect(line("e = 1e").suffix(2) == [span("1", .syntaxNumber), span("e", .normal)])
    }

    @Test("Strings with prefixes in any case")
    func prefixes() {
        for literal in ["'single'", "\"double\"", "r'\\d+'", "b\"bytes\"", "f'{x}'", "rb'raw'", "Rb\"x\"", "bR'x'", "fr\"{x}\\n\"", "RF'x'", "u'x'", "''", "\"\""] {
            #expect(line("s = \(literal)").last == span(literal, .syntaxString), "\(literal)")
        }
        #expect(line("print(x'a')").contains(span("x", .normal)))
    }

    @Test("Escaped quotes do not end a string")
    func escapes() {
        #expect(line(#"s = "say \"hi\"" + t"#).suffix(4) == [span(#""say \"hi\"""#, .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" t", .normal)])
        #expect(line(#"s = 'it\'s' # c"#).suffix(3) == [span(#"'it\'s'"#, .syntaxString), span(" ", .normal), span("# c", .syntaxComment)])
        #expect(line(#"p = "C:\\" + d"#).suffix(4) == [span(#""C:\\""#, .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" d", .normal)])
        #expect(line(#"r = r"\"" + e"#).suffix(4) == [span(#"r"\"""#, .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" e", .normal)])
    }

    @Test("An unterminated string ends with its line")
    func unterminated() {
        let lines = python("s = 'oops\nx = 1")
        #expect(lines[0].last == span("'oops", .syntaxString))
        #expect(lines[1].first == span("x ", .normal))
    }

    @Test("A backslash at the end of a one-line string continues it on the next line")
    func continuedString() {
        let lines = python("s = 'one \\\ntwo' + x")
        #expect(lines[0].last == span("'one \\", .syntaxString))
        #expect(lines[1] == [span("two'", .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" x", .normal)])
    }

    @Test("Decorators")
    func decorators() {
        #expect(line("@app.route(\"/x\")") == [
            span("@app.route", .syntaxKeyword), span("(", .syntaxPunctuation), span("\"/x\"", .syntaxString), span(")", .syntaxPunctuation),
        ])
        #expect(line("    @staticmethod") == [span("    ", .normal), span("@staticmethod", .syntaxKeyword)])
        #expect(role(of: "@", in: line("c = a @ b")) == .syntaxPunctuation)
    }
}

@Suite("Syntax highlighter: Python strings across lines")
struct HighlightPythonMultilineTests {
    @Test("A triple-quoted string spans lines, and code after it is code again")
    func tripleQuoted() {
        let lines = python("""
            x = \"\"\"first
            # not a comment, 'nor' a "string"
            end\"\"\" + y  # c
            z = 1
            """)
        #expect(lines[0] == [span("x ", .normal), span("=", .syntaxPunctuation), span(" ", .normal), span("\"\"\"first", .syntaxString)])
        #expect(lines[1] == [span("# not a comment, 'nor' a \"string\"", .syntaxString)])
        #expect(lines[2] == [
            span("end\"\"\"", .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" y  ", .normal), span("# c", .syntaxComment),
        ])
        #expect(lines[3] == [span("z ", .normal), span("=", .syntaxPunctuation), span(" ", .normal), span("1", .syntaxNumber)])
    }

    @Test("Docstrings with single quotes, quotes inside, and an empty line")
    func docstring() {
        let lines = python("""
            def f():
                '''Says "hi" and 'bye'.

                Returns: None
                '''
                return None
            """)
        #expect(lines[1] == [span("    ", .normal), span("'''Says \"hi\" and 'bye'.", .syntaxString)])
        #expect(lines[2] == [])
        #expect(lines[3] == [span("    Returns: None", .syntaxString)])
        #expect(lines[4] == [span("    '''", .syntaxString)])
        #expect(lines[5] == [span("    ", .normal), span("return", .syntaxKeyword), span(" ", .normal), span("None", .syntaxKeyword)])
    }

    @Test("Two quotes inside a triple-quoted string do not close it; quotes after the closing three start a new string")
    func quoteRuns() {
        let lines = python("a = \"\"\"x \"\" y\nz\"\"\"\"\" + 1")
        #expect(lines[0].last == span("\"\"\"x \"\" y", .syntaxString))
        #expect(lines[1] == [span("z\"\"\"\"\"", .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" ", .normal), span("1", .syntaxNumber)])
    }

    @Test("A triple-quoted f-string spans lines too")
    func tripleFString() {
        let lines = python("msg = f'''Hello {\n    name}''' # c")
        #expect(lines[0].last == span("f'''Hello {", .syntaxString))
        #expect(lines[1] == [span("    name}'''", .syntaxString), span(" ", .normal), span("# c", .syntaxComment)])
    }

    @Test("An unclosed triple-quoted string colours the rest of the file")
    func unclosed() {
        let lines = python("s = '''\nx = 1\n# c")
        #expect(lines[1] == [span("x = 1", .syntaxString)])
        #expect(lines[2] == [span("# c", .syntaxString)])
    }
}

@Suite("Syntax highlighter: f-strings")
struct HighlightFStringTests {
    @Test("An f-string is one string, replacement fields included")
    func simple() {
        #expect(line("print(f\"Hello {name}!\")") == [
            span("print", .normal), span("(", .syntaxPunctuation), span("f\"Hello {name}!\"", .syntaxString), span(")", .syntaxPunctuation),
        ])
    }

    @Test("Quotes inside replacement fields do not end the f-string")
    func nestedQuotes() {
        #expect(line("s = f\"{d['k']}\" + x").suffix(4) == [span("f\"{d['k']}\"", .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" x", .normal)])
        // Python 3.12 allows the f-string's own quote inside a field.
        #expect(line("s = f\"{d[\"k\"]}\" # c").suffix(3) == [span("f\"{d[\"k\"]}\"", .syntaxString), span(" ", .normal), span("# c", .syntaxComment)])
        #expect(line("s = f'{\", \".join(xs)}' + y").suffix(4) == [span("f'{\", \".join(xs)}'", .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" y", .normal)])
    }

    @Test("Doubled braces, format specs, conversions and nested fields")
    func fields() {
        for literal in [
            "f\"{{literal}} {x}\"",
            "f\"{x!r:>10}\"",
            "f\"{value:{width}.{precision}f}\"",
            "f\"{x:'>8}\"",
            "f\"{ {'a': 1}['a'] }\"",
            "f\"{a[1:2]}\"",
            "F\"}}\"",
            "rf\"\\d{n}\"",
        ] {
            #expect(line("s = \(literal) # c").suffix(3) == [span(literal, .syntaxString), span(" ", .normal), span("# c", .syntaxComment)], "\(literal)")
        }
    }

    @Test("Braces in a plain string are just text")
    func plainBraces() {
        #expect(line("s = \"{\" + x").suffix(4) == [span("\"{\"", .syntaxString), span(" ", .normal), span("+", .syntaxPunctuation), span(" x", .normal)])
    }
}

@Suite("Syntax highlighter: realistic Lambda handlers")
struct HighlightHandlerTests {
    static let handlers: [String] = [
        """
        import json
        import os
        import boto3

        s3 = boto3.client("s3")
        BUCKET = os.environ.get("BUCKET", "uploads")


        def lambda_handler(event, context):
            \"\"\"Copies each uploaded object to the archive bucket.

            Triggered by s3:ObjectCreated:* — one record per object.
            \"\"\"
            for record in event.get("Records", []):
                key = record["s3"]["object"]["key"]  # already URL-decoded?
                size = record["s3"]["object"].get("size", 0)
                if size > 5 * 1024 ** 2:
                    print(f"skipping {key!r}: {size / 1e6:.1f} MB")
                    continue
                s3.copy_object(Bucket=BUCKET, Key=f"archive/{key}", CopySource={"Bucket": record['s3']['bucket']['name'], "Key": key})
            return {"statusCode": 200, "body": json.dumps({"ok": True})}
        """,
        """
        from __future__ import annotations

        import logging
        from dataclasses import dataclass
        from typing import Any

        logger = logging.getLogger()
        logger.setLevel(logging.INFO)


        @dataclass(frozen=True)
        class Order:
        \tid: str
        \ttotal_cents: int = 0

        \t@property
        \tdef total(self) -> float:
        \t\treturn self.total_cents / 100


        async def handler(event: dict[str, Any], context) -> dict:
            match event:
                case {"action": "create", "order": {"id": str(order_id)}}:
                    logger.info("created %s", order_id)
                case {"action": "delete"} | None:
                    raise ValueError(r'unsupported: \\d+ "delete"')
                case _:
                    pass
            type Pair = tuple[int, int]
            total = sum(o.total for o in []) or 0x_FF + 0b1010 + 1_000.5e-3j
            return {'ok': total >= 0, "msg": f'''done
        in {context.get_remaining_time_in_millis() if context else 0} ms'''}
        """,
        """
        # -*- coding: utf-8 -*-
        import base64, hashlib
        def handler(event, _ctx):\r
            body = event.get('body') or ''\r
            if event.get("isBase64Encoded"):\r
                body = base64.b64decode(body).decode('utf-8', errors="replace")\r
            digest = hashlib.sha256(body.encode()).hexdigest()  # 'hex'\r
            greeting = "héllo, wörld — 你好 🌍"\r
            return {"statusCode": 200, "headers": {"Content-Type": "text/plain"}, \\
                    "body": f"{greeting}: {digest[:8]}"}\r
        """,
    ]

    @Test("Span texts joined give back every line", arguments: HighlightHandlerTests.handlers.indices)
    func roundTrip(index: Int) {
        let source = Self.handlers[index]
        let lines = python(source)
        #expect(lines.count == scalarLines(source).count)
        let all = lines.flatMap { $0 }
        #expect(all.contains { $0.role == .syntaxKeyword })
        #expect(all.contains { $0.role == .syntaxString })
        #expect(all.contains { $0.role == .syntaxPunctuation })
    }

    @Test("A handler's tokens get their roles")
    func roles() {
        let lines = python(Self.handlers[0])
        #expect(lines[0] == [span("import", .syntaxKeyword), span(" json", .normal)])
        #expect(lines[9] == [span("    ", .normal), span("\"\"\"Copies each uploaded object to the archive bucket.", .syntaxString)])
        #expect(lines[11] == [span("    Triggered by s3:ObjectCreated:* — one record per object.", .syntaxString)])
        #expect(lines[12] == [span("    \"\"\"", .syntaxString)])
        #expect(lines[13].first == span("    ", .normal))
        #expect(lines[13][1] == span("for", .syntaxKeyword))
        #expect(lines[14].last == span("# already URL-decoded?", .syntaxComment))
        #expect(lines[16].contains(span("1024", .syntaxNumber)))
        #expect(lines[17].contains(span("f\"skipping {key!r}: {size / 1e6:.1f} MB\"", .syntaxString)))
        #expect(lines[17].last == span(")", .syntaxPunctuation))

        let second = python(Self.handlers[1])
        #expect(second[10] == [span("@dataclass", .syntaxKeyword), span("(", .syntaxPunctuation), span("frozen", .normal), span("=", .syntaxPunctuation), span("True", .syntaxKeyword), span(")", .syntaxPunctuation)])
        #expect(second[12] == [span("    id", .normal), span(":", .syntaxPunctuation), span(" str", .normal)])
        #expect(second[15][1] == span("@property", .syntaxKeyword))
        #expect(second[21][1] == span("match", .syntaxKeyword))
        #expect(second[22][1] == span("case", .syntaxKeyword))
        #expect(second[24][1] == span("case", .syntaxKeyword))
        #expect(second[26][1] == span("case", .syntaxKeyword))
        #expect(second[28][1] == span("type", .syntaxKeyword))
        #expect(second[29].contains(span("0x_FF", .syntaxNumber)))
        #expect(second[29].contains(span("1_000.5e-3j", .syntaxNumber)))
        #expect(second[31] == [span("in {context.get_remaining_time_in_millis() if context else 0} ms'''", .syntaxString), span("}", .syntaxPunctuation)])

        let third = python(Self.handlers[2])
        #expect(third[2].last == span("):", .syntaxPunctuation))
        #expect(third[7].last == span("\"héllo, wörld — 你好 🌍\"", .syntaxString))
        #expect(third[8].last == span("\\", .syntaxPunctuation))
        #expect(third[9].first == span("            ", .normal))
        #expect(third[9][1] == span("\"body\"", .syntaxString))
    }

    @Test("A 5,000-line file highlights quickly")
    func large() {
        let source = Array(repeating: Self.handlers.joined(separator: "\n"), count: 100).joined(separator: "\n")
        let lineCount = scalarLines(source).count
        #expect(lineCount > 5_000)
        let clock = ContinuousClock()
        var lines: [[TextSpan]] = []
        let elapsed = clock.measure { lines = SyntaxHighlighter.highlight(source, language: .python) }
        #expect(lines.count == lineCount)
        #expect(elapsed < .seconds(5))
    }
}

// MARK: - JSON

@Suite("Syntax highlighter: JSON")
struct HighlightJSONTests {
    @Test("Keys versus values")
    func keysAndValues() {
        #expect(line(#"  "name": "value","#, .json) == [
            span("  ", .normal), span(#""name""#, .jsonKey), span(":", .syntaxPunctuation), span(" ", .normal),
            span(#""value""#, .syntaxString), span(",", .syntaxPunctuation),
        ])
        #expect(line(#"{"a" : {"b":"c:d"}, "e": ["f", "g"]}"#, .json) == [
            span("{", .syntaxPunctuation), span(#""a""#, .jsonKey), span(" ", .normal), span(":", .syntaxPunctuation),
            span(" ", .normal), span("{", .syntaxPunctuation), span(#""b""#, .jsonKey), span(":", .syntaxPunctuation),
            span(#""c:d""#, .syntaxString), span("},", .syntaxPunctuation), span(" ", .normal), span(#""e""#, .jsonKey),
            span(":", .syntaxPunctuation), span(" ", .normal), span("[", .syntaxPunctuation), span(#""f""#, .syntaxString),
            span(",", .syntaxPunctuation), span(" ", .normal), span(#""g""#, .syntaxString), span("]}", .syntaxPunctuation),
        ])
    }

    @Test("Numbers, literals and escaped quotes")
    func values() {
        let spans = line(#"[-1.5e+10, 0, 42, true, false, null, "say \"hi\": x", "\\"]"#, .json)
        for number in ["-1.5e+10", "0", "42"] { #expect(role(of: number, in: spans) == .syntaxNumber, "\(number)") }
        for literal in ["true", "false", "null"] { #expect(role(of: literal, in: spans) == .syntaxKeyword, "\(literal)") }
        #expect(role(of: #""say \"hi\": x""#, in: spans) == .syntaxString)
        #expect(role(of: #""\\""#, in: spans) == .syntaxString)
    }

    @Test("A pretty-printed test event")
    func event() {
        let lines = json("""
            {
              "Records": [
                {
                  "eventName": "ObjectCreated:Put",
                  "s3": {"object": {"key": "photos/cat.jpg", "size": 1024}},
                  "ok": true
                }
              ]
            }

            """)
        #expect(lines.count == 10)
        #expect(lines[1] == [span("  ", .normal), span(#""Records""#, .jsonKey), span(":", .syntaxPunctuation), span(" ", .normal), span("[", .syntaxPunctuation)])
        #expect(role(of: #""ObjectCreated:Put""#, in: lines[3]) == .syntaxString)
        #expect(role(of: #""key""#, in: lines[4]) == .jsonKey)
        #expect(role(of: #""photos/cat.jpg""#, in: lines[4]) == .syntaxString)
        #expect(role(of: "1024", in: lines[4]) == .syntaxNumber)
        #expect(lines[9] == [])
    }

    @Test("Invalid JSON is coloured as far as it goes, never a crash")
    func invalid() {
        let inputs = [
            #"{"a": tru"#,
            #"{"unterminated: 1, "b": [1, 2"#,
            "\"",
            "\\",
            "\"key\\",
            "{'single': quoted, bare: word}",
            "}}]]::,,",
            "- + 1e 1.2.3 --5",
            "/* block */ // line comment",
            "NaN Infinity undefined",
            "\u{0}\u{1B}[31m 🌍 é\u{301}",
        ]
        for input in inputs { _ = json(input) }
        #expect(line(#"{"a": tru"#, .json).last == span(" tru", .normal))
        #expect(line(#"{"open: 1"#, .json).last == span(#""open: 1"#, .syntaxString))
        #expect(line(#"{"x": 1} // note"#, .json).last == span("// note", .syntaxComment))
        #expect(line("\"", .json) == [span("\"", .syntaxString)])
    }
}

// MARK: - Robustness

@Suite("Syntax highlighter: robustness")
struct HighlightRobustnessTests {
    /// Deterministic pseudo-random text over characters that matter to the scanners.
    static func noise(seed: UInt64, length: Int) -> String {
        let alphabet = Array("abfrFRBxe0123456789._ \t\n\r\\'\"#{}[]():=,@-+*/!é🌍")
        var state = seed
        var result = ""
        for _ in 0..<length {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            result.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
        }
        return result
    }

    @Test("Random text round-trips in every language", arguments: 0..<40)
    func fuzz(seed: Int) {
        let text = Self.noise(seed: UInt64(seed), length: 400)
        for language in [SyntaxHighlighter.Language.python, .json, .plain] { _ = highlighted(text, language) }
    }
}

private extension Array where Element == TextSpan {
    /// Neighbouring spans of one role joined, as the highlighter returns them.
    var mergedForTest: [TextSpan] {
        var result: [TextSpan] = []
        for item in self {
            if let last = result.last, last.role == item.role {
                result[result.count - 1].text += item.text
            } else {
                result.append(item)
            }
        }
        return result
    }
}
