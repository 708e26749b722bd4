import Foundation
import IAMPolicy

/// Parsed policy documents, keyed by their exact text and kind, so a decision never parses JSON twice.
///
/// Shared by every account in the process: parsing is pure, so the same text
/// always gives the same document. Bounded: when it holds `capacity` documents
/// it forgets them all and starts again, which keeps it simple and is rare
/// (an account rarely has more distinct policy texts than that).
public final class PolicyDocumentCache: @unchecked Sendable {
    /// The cache the engine uses unless told otherwise.
    public static let shared = PolicyDocumentCache()

    private struct Key: Hashable {
        var kind: PolicyKind
        var text: String
    }

    private let lock = NSLock()
    private var documents: [Key: PolicyDocument] = [:]
    public let capacity: Int

    public init(capacity: Int = 2048) {
        self.capacity = max(1, capacity)
    }

    /// The parsed document for `text`, parsing (and remembering) it the first time.
    public func document(for text: String, kind: PolicyKind) throws(MalformedPolicyDocument) -> PolicyDocument {
        let key = Key(kind: kind, text: text)
        if let cached = lock.withLock({ documents[key] }) { return cached }
        let parsed = try PolicyDocument(parsing: text, kind: kind)
        lock.withLock {
            if documents.count >= capacity { documents.removeAll(keepingCapacity: true) }
            documents[key] = parsed
        }
        return parsed
    }

    /// How many documents are held now (for tests and the benchmark).
    public var count: Int { lock.withLock { documents.count } }
}
