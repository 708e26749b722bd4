/// Where the person is: `S3 › photos › 2024/ › cat.jpg`.
///
/// When the path is wider than the line, the oldest items give way to
/// `…` so the current location is always visible.
public struct Breadcrumb: Widget {
    public var items: [String]
    public var separator: String

    public init(_ items: [String], separator: String = " › ") {
        self.items = items
        self.separator = separator
    }

    public func render(into buffer: inout ScreenBuffer) {
        let line = buffer.bounds.row(0)
        guard line.width > 0, !items.isEmpty else { return }
        var spans = spans(from: 0)
        var first = 0
        while spans.displayWidth > line.width, first < items.count - 1 {
            first += 1
            spans = [TextSpan("…", role: .dim), TextSpan(separator, role: .dim)] + self.spans(from: first)
        }
        if spans.displayWidth > line.width {
            let current = items[items.count - 1].truncatedFromStart(toWidth: line.width)
            spans = [TextSpan(current, role: .breadcrumbCurrent)]
        }
        buffer.write(spans, in: line)
    }

    private func spans(from start: Int) -> [TextSpan] {
        var result: [TextSpan] = []
        for index in start..<items.count {
            if index > start { result.append(TextSpan(separator, role: .dim)) }
            result.append(TextSpan(items[index], role: index == items.count - 1 ? .breadcrumbCurrent : .breadcrumb))
        }
        return result
    }
}
