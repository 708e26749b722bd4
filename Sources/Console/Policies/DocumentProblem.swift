import Foundation

/// Why the engine refused a policy document, with the place in the text when the parser gave one.
///
/// MalformedPolicyDocument messages end in "(line L, column C)" (the parser's position); the line itself is
/// kept so the dialog can point at the column.
public struct DocumentProblem: Sendable, Hashable {
    /// The error as a person reads it: `MalformedPolicyDocument: … (line 3, column 5)`.
    public var message: String
    public var line: Int?
    public var column: Int?
    /// The text of line `line` of the document, when there is one.
    public var lineText: String?

    public init(_ error: ConsoleError, document: String) {
        message = error.description
        guard let (line, column) = Self.position(in: error.message) else { return }
        self.line = line
        self.column = column
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.indices.contains(line - 1) {
            lineText = String(lines[line - 1]).replacingOccurrences(of: "\t", with: " ")
        }
    }

    /// Whether the document itself is at fault (edit it again), rather than the name or a quota.
    public static func isDocumentError(_ error: ConsoleError) -> Bool {
        error.code == "MalformedPolicyDocument" || error.message.contains("PolicySize")
            || error.message.contains("characters]' at 'policyDocument'")
    }

    /// The "(line L, column C)" the parser's message ends with.
    static func position(in message: String) -> (Int, Int)? {
        guard let open = message.range(of: "(line ", options: .backwards) else { return nil }
        let rest = message[open.upperBound...]
        let parts = rest.split(separator: ",", maxSplits: 1)
        guard parts.count == 2, let line = Int(parts[0].trimmingCharacters(in: .whitespaces)) else { return nil }
        let columnText = parts[1].trimmingCharacters(in: .whitespaces)
        guard columnText.hasPrefix("column ") else { return nil }
        let digits = columnText.dropFirst("column ".count).prefix { $0.isNumber }
        guard let column = Int(digits) else { return nil }
        return (line, column)
    }
}
