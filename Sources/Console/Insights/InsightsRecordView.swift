import TerminalUI

/// One record whole, over the results: every field of the row, a JSON value re-indented for reading.
enum InsightsRecordView {
    static func draw(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        guard let detail = state.insights.detail, let run = state.insights.result else { return }
        let width = contentWidth(layout)
        let all = lines(state.insights, width: width)
        let height = min(all.count, visibleLines(state))
        let shown = Array(all.dropFirst(detail.scroll).prefix(height))
        let title = "Record \(detail.row + 1) of \(run.result.rows.count)"
            + (all.count > height ? " · lines \(detail.scroll + 1)–\(detail.scroll + shown.count) of \(all.count)" : "")
        buffer.render(Modal(title: title, size: Modal<MessageView>.size(forContent: Size(width: width, height: height)),
                            content: MessageView(lines: shown)), in: layout.app.main)
    }

    /// As wide as the panel allows, up to 100 columns.
    static func contentWidth(_ layout: ConsoleLayout) -> Int {
        max(10, min(100, layout.app.main.width - 2 - 4))
    }

    /// Lines the overlay shows at once on this screen.
    static func visibleLines(_ state: ConsoleState) -> Int {
        max(1, ConsoleLayout(state).app.main.height - 2 - 4)
    }

    static func lineCount(_ state: ConsoleState) -> Int {
        lines(state.insights, width: contentWidth(ConsoleLayout(state))).count
    }

    /// Each field as `name  value`: long values wrap under the value column, JSON goes below its name, indented.
    static func lines(_ insights: InsightsState, width: Int) -> [[TextSpan]] {
        guard let detail = insights.detail, let result = insights.result?.result,
              result.rows.indices.contains(detail.row) else { return [] }
        let row = result.rows[detail.row]
        let nameWidth = min(18, result.columns.map(\.displayWidth).max() ?? 0)
        let valueWidth = max(8, width - nameWidth - 2)
        var lines: [[TextSpan]] = []
        for (index, name) in result.columns.enumerated() {
            let label = TextSpan(name.truncated(toWidth: nameWidth).padded(toWidth: nameWidth) + "  ", role: .jsonKey)
            guard let value = insightsCell(row, index) else {
                lines.append([label, TextSpan("(not in this record)", role: .dim)])
                continue
            }
            if let pretty = prettyJSON(value) {
                lines.append([label])
                for line in pretty.split(separator: "\n", omittingEmptySubsequences: false) {
                    for piece in cut("  " + line, width: width) { lines.append([TextSpan(piece)]) }
                }
                continue
            }
            let wrapped = value.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { TextWrap.lines(String($0), width: valueWidth).ifEmpty([""]) }
            for (offset, line) in wrapped.enumerated() {
                let lead = offset == 0 ? label : TextSpan(String(repeating: " ", count: nameWidth + 2))
                lines.append([lead, TextSpan(line)])
            }
        }
        return lines
    }

    /// An object or array re-indented; other values (a number, a quoted word) read as they are.
    private static func prettyJSON(_ value: String) -> String? {
        guard let first = value.first(where: { !$0.isWhitespace }), first == "{" || first == "[" else { return nil }
        return JSONLayout.pretty(value)
    }

    /// A line cut into pieces of `width` cells, keeping its indentation on each piece.
    private static func cut(_ line: String, width: Int) -> [String] {
        guard line.displayWidth > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let room = max(4, width - indent.count)
        var rest = Substring(line.dropFirst(indent.count))
        var pieces: [String] = []
        while !rest.isEmpty {
            var head = String(rest).prefix(fittingWidth: room)
            if head.isEmpty { head = String(rest.prefix(1)) }
            pieces.append(indent + head)
            rest = rest.dropFirst(head.count)
        }
        return pieces
    }
}

private extension Array {
    /// `fallback` in place of an empty array (TextWrap gives no line for an empty string).
    func ifEmpty(_ fallback: [Element]) -> [Element] { isEmpty ? fallback : self }
}
