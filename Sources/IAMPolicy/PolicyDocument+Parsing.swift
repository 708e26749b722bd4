/// Reading policy text into a validated `PolicyDocument`.
///
/// Every refusal names the element at fault and points at it, using IAM's
/// own message where it is known, so a user can fix the document without
/// guessing what "Syntax errors in policy" meant.
extension PolicyDocument {
    static let topLevelElements = ["Version", "Id", "Statement"]
    static let statementElements = [
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]

    /// Parses and validates `text` as a policy of the given kind.
    ///
    /// Size limits are not checked here: they differ by where the policy is
    /// stored, so the caller checks them first (`PolicySizeLimit.check`), before
    /// paying for a parse. Nesting deeper than the parser allows is refused.
    public init(parsing text: String, kind: PolicyKind) throws(MalformedPolicyDocument) {
        let root = try PolicyJSONParser.parse(text)
        guard case .object(let members) = root.value else {
            throw MalformedPolicyDocument(
                "Syntax errors in policy: a policy document must be a JSON object, found \(root.kindName)", at: root.start)
        }
        var version: PolicyVersion?
        var id: String?
        var statementNode: PolicyJSON?
        for member in members {
            switch member.key {
            case "Version":
                guard case .string(let text) = member.value.value, let parsed = PolicyVersion(rawValue: text) else {
                    let shown = member.value.scalarText.map(JSONString.quoted) ?? member.value.kindName
                    throw MalformedPolicyDocument(
                        "The policy must contain a valid version string: \(shown) is not a policy language version; use \"2012-10-17\"",
                        at: member.value.start)
                }
                version = parsed
            case "Id":
                guard case .string(let text) = member.value.value else {
                    throw MalformedPolicyDocument(
                        "Syntax errors in policy: Id must be a string, found \(member.value.kindName)", at: member.value.start)
                }
                id = text
            case "Statement":
                statementNode = member.value
            default:
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: unknown element \(JSONString.quoted(member.key)) at the top of the document; allowed elements are Version, Id and Statement"
                        + Self.caseHint(member.key, among: Self.topLevelElements),
                    at: member.keyPosition)
            }
        }
        guard let statementNode else {
            throw MalformedPolicyDocument("Syntax errors in policy: the document has no Statement element", at: root.start)
        }
        let statementNodes: [PolicyJSON]
        switch statementNode.value {
        case .object: statementNodes = [statementNode]
        case .array(let elements): statementNodes = elements
        default:
            throw MalformedPolicyDocument(
                "Syntax errors in policy: Statement must be an object or an array of objects, found \(statementNode.kindName)",
                at: statementNode.start)
        }
        guard !statementNodes.isEmpty else {
            throw MalformedPolicyDocument(
                "Syntax errors in policy: the Statement list is empty; a policy needs at least one statement",
                at: statementNode.start)
        }
        var statements: [PolicyStatement] = []
        var sids: Set<String> = []
        for (index, node) in statementNodes.enumerated() {
            let statement = try PolicyStatement(node: node, index: index, kind: kind)
            if let sid = statement.sid, !sid.isEmpty, kind == .identity {
                guard sids.insert(sid).inserted else {
                    throw MalformedPolicyDocument(
                        "Statement IDs (SID) in a single policy must be unique. \(JSONString.quoted(sid)) is used twice", at: node.start)
                }
            }
            statements.append(statement)
        }
        self.init(version: version, id: id, statements: statements, kind: kind)
    }

    /// A hint for an element name that is right but for its case ("effect" for "Effect").
    static func caseHint(_ key: String, among known: [String]) -> String {
        guard let match = known.first(where: { $0.lowercased() == key.lowercased() }) else { return "" }
        return " (element names are case-sensitive: did you mean \"\(match)\"?)"
    }
}
