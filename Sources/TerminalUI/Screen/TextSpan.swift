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
}
