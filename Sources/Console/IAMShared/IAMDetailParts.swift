import CloudEngine
import TerminalUI

/// Pieces of a user's, group's or role's detail that look and move the same in every IAM panel.
enum IAMDetailParts {
    /// " 1 Permissions (2)   2 Groups ": the tabs, the current one highlighted. Where they do not fit, the counts
    /// go first, then the last tabs are cut with "…".
    static func drawTabs(_ buffer: inout ScreenBuffer, _ titles: [String], current: Int, in row: Rect) {
        func spans(_ titles: [String]) -> [TextSpan] {
            titles.enumerated().flatMap { index, title in
                [TextSpan(" \(index + 1) \(title) ", role: index == current ? .selection : .dim), TextSpan(" ")]
            }
        }
        var shown = spans(titles)
        if shown.displayWidth > row.width + 1 {
            shown = spans(titles.map { title in title.range(of: " (").map { String(title[..<$0.lowerBound]) } ?? title })
        }
        if shown.last?.text == " " { shown.removeLast() }
        buffer.write(shown.truncated(toWidth: row.width), in: row)
    }

    /// A message wrapped over as many rows of `area` as it needs (an empty tab says what to do, whole).
    static func drawWrapped(_ buffer: inout ScreenBuffer, _ text: String, role: StyleRole = .dim, in area: Rect) {
        for (index, line) in TextWrap.lines(text, width: max(1, area.width)).prefix(area.height).enumerated() {
            buffer.write(line, in: area.row(index), role: role)
        }
    }

    static func drawTags(_ buffer: inout ScreenBuffer, _ tags: [IAMTag], in area: Rect) {
        guard !tags.isEmpty else {
            buffer.write("No tags.", in: area.row(0), role: .dim)
            return
        }
        let keyWidth = min(area.width / 2, (tags.map { $0.key.displayWidth }.max() ?? 0) + 2)
        for (index, tag) in tags.prefix(area.height).enumerated() {
            let (key, value) = area.row(index).splitLeft(keyWidth)
            buffer.write(tag.key, in: key, role: .fieldLabel)
            buffer.write(tag.value, in: value)
        }
    }

    /// A summary line: a label in its column, then the value.
    static func drawField(_ buffer: inout ScreenBuffer, _ label: String, _ value: String, role: StyleRole = .normal, in row: Rect) {
        let (left, right) = row.splitLeft(13)
        buffer.write(label, in: left, role: .fieldLabel)
        buffer.write(value, in: right, role: role)
    }

    /// How far j/k, the page keys, g and G move in a detail whose page is `page` rows; nil for other commands.
    static func delta(_ command: TableCommand, page: Int) -> Int? {
        switch command {
        case .down: return 1
        case .up: return -1
        case .pageDown: return page
        case .pageUp: return -page
        case .top: return -Int.max / 2
        case .bottom: return Int.max / 2
        default: return nil
        }
    }

    /// Whether a move of `delta` steps through rows (one row, or to an end) rather than scrolling a page.
    static func movesRows(_ delta: Int) -> Bool { abs(delta) == 1 || abs(delta) == Int.max / 2 }

    /// `index` moved by `delta` within `count` rows.
    static func moved(_ index: Int, by delta: Int, count: Int) -> Int {
        count == 0 ? 0 : min(max(0, index + delta), count - 1)
    }
}
