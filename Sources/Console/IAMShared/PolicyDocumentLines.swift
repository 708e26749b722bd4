import TerminalUI

/// A policy document as the console shows it: pretty-printed JSON, coloured, one array of spans per line.
enum PolicyDocumentLines {
    static func lines(_ text: String) -> [[TextSpan]] {
        SyntaxHighlighter.highlight(JSONLayout.pretty(text) ?? text, language: .json)
    }

    /// The document pretty-printed, for an editor (as typed when it is not valid JSON).
    static func pretty(_ text: String) -> String {
        JSONLayout.pretty(text) ?? text
    }
}

extension PolicyDocumentLines {
    /// Draws `lines` from `scroll` down into `area`; a line wider than the area ends in `…`.
    static func draw(_ buffer: inout ScreenBuffer, _ lines: [[TextSpan]], scroll: Int, in area: Rect) {
        for (offset, spans) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            let row = area.row(offset)
            if spans.displayWidth > row.width, row.width > 1 {
                buffer.write(spans, in: row.inset(right: 1))
                buffer.write("…", in: Rect(x: row.maxX - 1, y: row.y, width: 1, height: 1), role: .dim)
            } else {
                buffer.write(spans, in: row)
            }
        }
    }

    /// The furthest a document of `count` lines scrolls in `height` rows.
    static func maxScroll(count: Int, height: Int) -> Int { max(0, count - max(1, height)) }
}
