/// Validating one statement of a policy document.
extension PolicyStatement {
    init(node: PolicyJSON, index: Int, kind: PolicyKind) throws(MalformedPolicyDocument) {
        guard case .object(let members) = node.value else {
            throw MalformedPolicyDocument(
                "Syntax errors in policy: each statement must be an object, found \(node.kindName)", at: node.start)
        }
        var byKey: [String: PolicyJSON.Member] = [:]
        for member in members {
            guard PolicyDocument.statementElements.contains(member.key) else {
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: unknown element \(JSONString.quoted(member.key)) in a statement; allowed elements are "
                        + PolicyDocument.statementElements.joined(separator: ", ")
                        + PolicyDocument.caseHint(member.key, among: PolicyDocument.statementElements),
                    at: member.keyPosition)
            }
            byKey[member.key] = member
        }

        let sid = try Self.readSid(byKey["Sid"], kind: kind)
        let effect = try Self.readEffect(byKey["Effect"], statement: node)
        let principal = try Self.readPrincipal(byKey, kind: kind, statement: node)
        let actions = try Self.readActions(byKey, kind: kind, statement: node)
        let resources = try Self.readResources(byKey, kind: kind, statement: node)
        let conditions = try byKey["Condition"].map { member throws(MalformedPolicyDocument) in
            try PolicyCondition.readBlock(member.value)
        } ?? []
        self.init(
            sid: sid, index: index, effect: effect, principal: principal, actions: actions, resources: resources,
            conditions: conditions, start: node.start, end: node.end)
    }

    private static func readSid(_ member: PolicyJSON.Member?, kind: PolicyKind) throws(MalformedPolicyDocument) -> String? {
        guard let member else { return nil }
        guard case .string(let sid) = member.value.value else {
            throw MalformedPolicyDocument(
                "Syntax errors in policy: Sid must be a string, found \(member.value.kindName)", at: member.value.start)
        }
        if kind == .identity, !sid.unicodeScalars.allSatisfy(CharacterSetLite.isAlphanumeric) {
            throw MalformedPolicyDocument(
                "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
                at: member.value.start)
        }
        return sid
    }

    private static func readEffect(_ member: PolicyJSON.Member?, statement: PolicyJSON) throws(MalformedPolicyDocument) -> PolicyEffect {
        guard let member else {
            throw MalformedPolicyDocument("Missing required field Effect: add \"Effect\": \"Allow\" or \"Deny\"", at: statement.start)
        }
        guard case .string(let text) = member.value.value, let effect = PolicyEffect(rawValue: text) else {
            let shown = member.value.scalarText.map(JSONString.quoted) ?? member.value.kindName
            throw MalformedPolicyDocument(
                "Invalid effect \(shown): Effect must be \"Allow\" or \"Deny\" (case-sensitive)", at: member.value.start)
        }
        return effect
    }

    private static func readActions(
        _ byKey: [String: PolicyJSON.Member], kind: PolicyKind, statement: PolicyJSON
    ) throws(MalformedPolicyDocument) -> ActionElement {
        if let action = byKey["Action"], let notAction = byKey["NotAction"] {
            let later = action.keyPosition > notAction.keyPosition ? action : notAction
            throw MalformedPolicyDocument(
                "A statement cannot contain both Action and NotAction; keep one of them", at: later.keyPosition)
        }
        guard let member = byKey["Action"] ?? byKey["NotAction"] else {
            throw MalformedPolicyDocument("Policy statement must contain actions: add Action or NotAction", at: statement.start)
        }
        let entries = try Self.stringList(member, element: member.key)
        guard !entries.isEmpty else {
            throw MalformedPolicyDocument("Policy statement must contain actions: \(member.key) is an empty list", at: member.value.start)
        }
        for (text, position) in entries {
            guard ActionPattern.isWellFormed(text) else {
                throw MalformedPolicyDocument(
                    "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. \(JSONString.quoted(text)) is not of the form service:action",
                    at: position)
            }
            if kind == .trust, text != "*", !text.lowercased().hasPrefix("sts:") {
                throw MalformedPolicyDocument(
                    "AssumeRole policy may only specify STS AssumeRole actions. \(JSONString.quoted(text)) is not an sts: action", at: position)
            }
        }
        return ActionElement(isNegated: member.key == "NotAction", patterns: entries.map(\.text))
    }

    private static func readResources(
        _ byKey: [String: PolicyJSON.Member], kind: PolicyKind, statement: PolicyJSON
    ) throws(MalformedPolicyDocument) -> ResourceElement? {
        if let resource = byKey["Resource"], let notResource = byKey["NotResource"] {
            let later = resource.keyPosition > notResource.keyPosition ? resource : notResource
            throw MalformedPolicyDocument(
                "A statement cannot contain both Resource and NotResource; keep one of them", at: later.keyPosition)
        }
        guard let member = byKey["Resource"] ?? byKey["NotResource"] else {
            if kind == .trust { return nil }
            throw MalformedPolicyDocument(
                "Policy statement must contain resources: add Resource or NotResource (\"*\" for all)", at: statement.start)
        }
        if kind == .trust {
            throw MalformedPolicyDocument(
                "Has prohibited field \(member.key): a trust policy names no resource, the role itself is the resource",
                at: member.keyPosition)
        }
        let entries = try Self.stringList(member, element: member.key)
        guard !entries.isEmpty else {
            throw MalformedPolicyDocument(
                "Policy statement must contain resources: \(member.key) is an empty list", at: member.value.start)
        }
        for (text, position) in entries where text != "*" && !Self.looksLikeARN(text) {
            // The resource bare, as IAM words it, with any control character escaped.
            throw MalformedPolicyDocument(
                "Resource \(JSONString.escapingControlCharacters(text)) must be in ARN format or \"*\".", at: position)
        }
        return ResourceElement(isNegated: member.key == "NotResource", patterns: entries.map(\.text))
    }

    /// An ARN pattern has at least six colon-separated parts: `arn:partition:service:region:account:resource`.
    private static func looksLikeARN(_ text: String) -> Bool {
        text.hasPrefix("arn:") && text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).count == 6
    }

    private static func readPrincipal(
        _ byKey: [String: PolicyJSON.Member], kind: PolicyKind, statement: PolicyJSON
    ) throws(MalformedPolicyDocument) -> PrincipalElement? {
        let principal = byKey["Principal"]
        let notPrincipal = byKey["NotPrincipal"]
        if kind == .identity {
            if let present = principal ?? notPrincipal {
                throw MalformedPolicyDocument(
                    "Policy document should not specify a principal. Remove \(present.key): an identity-based policy applies to whoever it is attached to",
                    at: present.keyPosition)
            }
            return nil
        }
        if let principal, let notPrincipal {
            let later = principal.keyPosition > notPrincipal.keyPosition ? principal : notPrincipal
            throw MalformedPolicyDocument(
                "A statement cannot contain both Principal and NotPrincipal; keep one of them", at: later.keyPosition)
        }
        guard let member = principal ?? notPrincipal else {
            throw MalformedPolicyDocument(
                "Missing required field Principal: a \(kind == .trust ? "trust" : "resource-based") policy must say whom each statement applies to",
                at: statement.start)
        }
        return try PrincipalElement(member: member)
    }

    /// Reads a string or an array of strings, keeping each entry's position.
    static func stringList(
        _ member: PolicyJSON.Member, element: String
    ) throws(MalformedPolicyDocument) -> [(text: String, position: SourcePosition)] {
        switch member.value.value {
        case .string(let text):
            return [(text, member.value.start)]
        case .array(let elements):
            var result: [(text: String, position: SourcePosition)] = []
            for element in elements {
                guard case .string(let text) = element.value else {
                    throw MalformedPolicyDocument(
                        "Syntax errors in policy: every entry of \(element) must be a string, found \(element.kindName)",
                        at: element.start)
                }
                result.append((text, element.start))
            }
            return result
        default:
            throw MalformedPolicyDocument(
                "Syntax errors in policy: \(element) must be a string or an array of strings, found \(member.value.kindName)",
                at: member.value.start)
        }
    }
}

extension CharacterSetLite {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
