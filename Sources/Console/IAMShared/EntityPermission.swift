import CloudEngine

/// A managed policy attached to a user, group or role, or one of its inline policies, with its document.
public struct EntityPermission: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case managed(arn: String, awsManaged: Bool)
        case inline
    }

    public var name: String
    public var kind: Kind
    public var document: String?

    public init(name: String, kind: Kind, document: String?) {
        self.name = name
        self.kind = kind
        self.document = document
    }

    public var typeTitle: String {
        switch kind {
        case .managed(_, let awsManaged): return awsManaged ? "AWS managed" : "Customer managed"
        case .inline: return "Inline"
        }
    }

    public var isInline: Bool { kind == .inline }
}
