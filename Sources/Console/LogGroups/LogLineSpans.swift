import TerminalUI

/// A log line's spans with matches marked, cut into screen rows: every character kept (indentation too),
/// which word wrapping (`TextWrap`) would not do.
enum LogLineSpans {
    /// The rows of `spans`: the characters at `highlights` (offsets into the joined text) in `.match`, then cut every
    /// `width` cells when `wraps`, else cut once with `…`.
    static func rows(_ spans: [TextSpan], highlights: [Range<Int>], width: Int, wraps: Bool) -> [[TextSpan]] {
        let width = max(1, width)
        var characters: [(Character, StyleRole)] = []
        for span in spans { characters += span.text.map { ($0, span.role) } }
        for range in highlights {
            for offset in range where characters.indices.contains(offset) { characters[offset].1 = .match }
        }
        guard wraps else { return [joined(characters[...])].map { $0.truncated(toWidth: width) } }
        var rows: [[TextSpan]] = []
        var start = 0
        var used = 0
        for (offset, item) in characters.enumerated() {
            let cells = DisplayWidth.of(item.0)
            if used + cells > width, offset > start {
                rows.append(joined(characters[start..<offset]))
                start = offset
                used = 0
            }
            used += cells
        }
        rows.append(joined(characters[start...]))
        return rows
    }

    /// Runs of one role as spans.
    private static func joined(_ characters: ArraySlice<(Character, StyleRole)>) -> [TextSpan] {
        var spans: [TextSpan] = []
        for (character, role) in characters {
            if let last = spans.last, last.role == role {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(TextSpan(String(character), role: role))
            }
        }
        return spans
    }
}
