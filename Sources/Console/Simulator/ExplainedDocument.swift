import CloudEngine
import IAMPolicy

/// A policy document laid out for reading, with the lines of its deciding statements marked.
///
/// The text is re-indented (`JSONLayout`) and parsed again, so the statements' positions are
/// read from the very text shown: the highlight lands on the statement whatever the stored
/// text's layout was (one line, tabs, CRLF).
public struct ExplainedDocument: Sendable, Equatable {
    public var name: String
    public var source: ApplicablePolicy.Source
    /// How the panel names where the policy comes from ("AWS managed", "inline, user", …).
    public var sourceLabel: String
    public var lines: [String]
    /// Line indexes (from 0) of each deciding statement, first line to last.
    public var highlighted: [ClosedRange<Int>]

    public init(name: String, source: ApplicablePolicy.Source, lines: [String], highlighted: [ClosedRange<Int>]) {
        self.name = name
        self.source = source
        sourceLabel = Self.label(source)
        self.lines = lines
        self.highlighted = highlighted
    }

    /// `text` laid out, with the statements at `statementIndexes` (their index in the document) marked.
    public init(name: String, source: ApplicablePolicy.Source, sourceLabel: String? = nil, text: String, kind: PolicyKind,
                statementIndexes: [Int]) {
        let pretty = JSONLayout.pretty(text) ?? text
        self.name = name
        self.source = source
        self.sourceLabel = sourceLabel ?? Self.label(source)
        lines = pretty.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let document = try? PolicyDocument(parsing: pretty, kind: kind) else {
            highlighted = []
            return
        }
        highlighted = statementIndexes.compactMap { index in
            guard document.statements.indices.contains(index) else { return nil }
            let statement = document.statements[index]
            return (statement.start.line - 1)...max(statement.start.line - 1, statement.end.line - 1)
        }
    }

    /// Whether line `index` belongs to a deciding statement.
    public func isHighlighted(_ index: Int) -> Bool {
        highlighted.contains { $0.contains(index) }
    }

    static func label(_ source: ApplicablePolicy.Source) -> String {
        switch source {
        case .user: return "inline, user"
        case .group: return "inline, group"
        case .role: return "inline, role"
        case .awsManaged: return "AWS managed"
        case .customerManaged: return "customer managed"
        case .resource: return "resource policy"
        case .permissionsBoundary: return "permissions boundary"
        }
    }
}

extension ExplainedDocument {
    /// The documents to show for one explanation: those holding a deciding statement, or, when
    /// nothing matched, every document weighed.
    static func documents(_ explanation: AuthorizationExplanation) -> [ExplainedDocument] {
        let statements = explanation.decision.matchedStatements
        let shown = statements.isEmpty
            ? explanation.policies
            : explanation.policies.filter { policy in statements.contains { policy.contains($0) } }
        return shown.compactMap { policy in
            guard let text = policy.text else { return nil }
            let indexes = statements.filter { policy.contains($0) }.map(\.index)
            return ExplainedDocument(name: policy.name, source: policy.source, text: text, kind: policy.kind,
                                     statementIndexes: indexes)
        }
    }
}
