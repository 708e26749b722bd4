/// An AWS managed policy: its identity and its default version's document.
public struct ManagedPolicy: Sendable {
    public let name: String
    /// `arn:aws:iam::aws:policy/PATH/NAME`.
    public let arn: String
    public let path: String
    public let description: String
    public let defaultVersionID: String
    /// The document as IAM shows it, members in their published order.
    public let documentText: String
    public let document: PolicyDocument
}
