/// The error IAM returns when a policy document cannot be accepted.
///
/// Carries the problem in IAM's own words where they are known, plus the
/// line and column in the submitted text, because "Syntax errors in policy"
/// alone leaves the author hunting through the whole document.
public struct MalformedPolicyDocument: Error, Sendable, Equatable, CustomStringConvertible {
    /// The AWS error code, for the API layer.
    public static let code = "MalformedPolicyDocument"

    /// What is wrong, without the position.
    public var problem: String
    /// Where it is wrong, when the problem has a place in the text.
    public var position: SourcePosition?

    public init(_ problem: String, at position: SourcePosition? = nil) {
        self.problem = problem
        self.position = position
    }

    /// The full message a person reads: the problem, then where it is.
    public var message: String {
        guard let position else { return problem }
        return "\(problem) (line \(position.line), column \(position.column))"
    }

    public var description: String { message }
}
