import CloudEngine

/// A policy document handed to the editor, and what it is for.
public struct PolicyDocumentEdit: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// An inline policy of a user, group or role, new or existing.
        case inlinePolicy(entity: IAMEntity, name: String)
        case trustPolicy(role: String)
        /// The wizard's custom trust policy (checked, not saved).
        case wizardTrust
    }

    public var target: Target
    public var text: String

    public init(target: Target, text: String) {
        self.target = target
        self.text = text
    }

    /// The file name the editor sees.
    public var fileName: String {
        switch target {
        case .inlinePolicy(_, let name): return "\(name).json"
        case .trustPolicy(let role): return "\(role)-trust-policy.json"
        case .wizardTrust: return "trust-policy.json"
        }
    }
}
