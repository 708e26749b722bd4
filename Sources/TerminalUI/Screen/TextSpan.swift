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

    /// The spans as they are when they fit in `width` cells; else cut, ending in "…" (in `ellipsisRole`),
    /// so the reader sees that something is missing.
    public func truncated(toWidth width: Int, ellipsisRole: StyleRole = .dim) -> [TextSpan] {
        guard displayWidth > width else { return self }
        guard width > 0 else { return [] }
        var result: [TextSpan] = []
        var used = 0
        for span in self {
            let piece = span.text.prefix(fittingWidth: Swift.max(0, width - 1 - used))
            if !piece.isEmpty { result.append(TextSpan(piece, role: span.role)) }
            used += piece.displayWidth
            if used >= width - 1 { break }
        }
        return result + [TextSpan("…", role: ellipsisRole)]
    }
}
