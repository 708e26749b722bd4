/// Validating a statement's `Condition` block.
extension PolicyCondition {
    /// Reads `{"Operator": {"key": value-or-values, ...}, ...}` into one condition per operator and key.
    static func readBlock(_ node: PolicyJSON) throws(MalformedPolicyDocument) -> [PolicyCondition] {
        guard case .object(let operators) = node.value else {
            throw MalformedPolicyDocument(
                "Syntax errors in policy: Condition must be an object such as {\"StringEquals\": {\"aws:username\": \"alice\"}}, found \(node.kindName)",
                at: node.start)
        }
        var conditions: [PolicyCondition] = []
        for entry in operators {
            guard let op = ConditionOperator(name: entry.key) else {
                // The name bare, as IAM words it, with any control character escaped.
                throw MalformedPolicyDocument(
                    "Invalid Condition type : \(JSONString.escapingControlCharacters(entry.key)). Use an operator such as StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress or Null"
                        + Self.operatorHint(entry.key),
                    at: entry.keyPosition)
            }
            guard case .object(let keys) = entry.value.value else {
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: the value of \(entry.key) must be an object of condition keys, found \(entry.value.kindName)",
                    at: entry.value.start)
            }
            guard !keys.isEmpty else {
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: \(entry.key) names no condition key", at: entry.value.start)
            }
            for key in keys {
                guard key.key.contains(":"), !key.key.hasPrefix(":") else {
                    throw MalformedPolicyDocument(
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Condition key \(JSONString.quoted(key.key)) needs a prefix such as aws:",
                        at: key.keyPosition)
                }
                let values = try readValues(key)
                conditions.append(PolicyCondition(operator: op, key: key.key, values: values, position: key.keyPosition))
            }
        }
        return conditions
    }

    private static func readValues(_ member: PolicyJSON.Member) throws(MalformedPolicyDocument) -> [String] {
        let nodes: [PolicyJSON]
        if case .array(let elements) = member.value.value {
            nodes = elements
        } else {
            nodes = [member.value]
        }
        guard !nodes.isEmpty else {
            throw MalformedPolicyDocument(
                "Syntax errors in policy: condition key \(JSONString.quoted(member.key)) has an empty list of values", at: member.value.start)
        }
        var values: [String] = []
        for node in nodes {
            guard let text = node.scalarText else {
                throw MalformedPolicyDocument(
                    "Syntax errors in policy: a value of condition key \(JSONString.quoted(member.key)) must be a string, number or boolean, found \(node.kindName)",
                    at: node.start)
            }
            values.append(text)
        }
        return values
    }

    /// Suggests the right spelling when only the case is wrong ("stringequals").
    private static func operatorHint(_ name: String) -> String {
        let lower = name.lowercased()
        for base in ConditionOperator.Base.allCases where lower.hasSuffix(base.rawValue.lowercased())
            || lower.hasSuffix(base.rawValue.lowercased() + "ifexists")
        {
            if lower == base.rawValue.lowercased() { return " (operator names are case-sensitive: did you mean \(base.rawValue)?)" }
        }
        return ""
    }
}
