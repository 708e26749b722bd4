import Foundation

/// An AWS managed policy: its identity and its default version's document.
public struct ManagedPolicy: Sendable {
    public let name: String
    /// `arn:aws:iam::aws:policy/PATH/NAME`.
    public let arn: String
    public let path: String
    /// AWS's one-line description, or nil where the catalog does not know it: the policy
    /// snapshot the catalog is generated from has none (see scripts/import-managed-policies.py).
    public let description: String?
    public let defaultVersionID: String
    /// When AWS made the policy, as GetPolicy reports it; nil for a hand-written entry without one.
    public let createdAt: Date?
    /// When AWS last changed the default version, which is when that version was made.
    public let updatedAt: Date?
    /// The document as IAM shows it, members in their published order.
    public let documentText: String

    /// The document, parsed when asked rather than when the catalog loads.
    ///
    /// Parsing every document at first use doubled the catalog's load time, while a
    /// session uses a handful of them; the engine parses through its document cache
    /// instead, and a test parses every bundled document so none can ship broken.
    public func parsedDocument() throws -> PolicyDocument {
        try PolicyDocument(parsing: documentText, kind: .identity)
    }
}
