/// A run of text in one role, the unit of mixed-style lines.
///
/// Lines such as `q Quit  / Filter` or a row with a highlighted filter
/// match are lists of spans, so width math happens once, in the buffer.
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String, role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public var displayWidth: Int { text.displayWidth }
}

extension Array where Element == TextSpan {
    /// The total width of the spans in cells.
    public var displayWidth: Int { reduce(0) { $0 + $1.displayWidth } }

    /// The spans cut to `width` cells, the last one kept ending in "…" when anything was cut.
    public func truncated(toWidth width: Int) -> [TextSpan] {
        guard displayWidth > width else { return self }
        var result: [TextSpan] = []
        var used = 0
        for span in self {
            let room = width - used
            guard room > 0 else { break }
            if span.displayWidth < room || (span.displayWidth == room && used + span.displayWidth == displayWidth) {
                result.append(span)
                used += span.displayWidth
                continue
            }
            result.append(TextSpan(span.text.truncated(toWidth: room - 1, ellipsis: "") + "…", role: span.role))
            break
        }
        return result
    }
}
