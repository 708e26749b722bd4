/// A place in a policy document's text, counted the way people read it.
///
/// Lines and columns both start at 1 and count Unicode scalars, so the
/// position in a `MalformedPolicyDocument` message lands on the character
/// an editor shows, and simulation results can point at a statement.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column within the line, from 1.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
