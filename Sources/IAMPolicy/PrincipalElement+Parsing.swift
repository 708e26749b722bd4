/// Validating a `Principal` or `NotPrincipal` element.
extension PrincipalElement {
    static let principalTypes = ["AWS", "Service", "Federated", "CanonicalUser"]

    init(member: PolicyJSON.Member) throws(MalformedPolicyDocument) {
        let negated = member.key == "NotPrincipal"
        switch member.value.value {
        case .string(let text):
            guard text == "*" else {
                throw MalformedPolicyDocument(
                    "Invalid principal in policy: \(JSONString.quoted(text)); write \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:user/alice\"}",
                    at: member.value.start)
            }
            self.init(isNegated: negated, isWildcard: true)
        case .object(let entries):
            guard !entries.isEmpty else {
                throw MalformedPolicyDocument(
                    "Invalid principal in policy: \(member.key) is an empty object; name at least one principal",
                    at: member.value.start)
            }
            self.init(isNegated: negated, isWildcard: false)
            for entry in entries {
                // The type first, so that a message about the values names a known type.
                guard Self.principalTypes.contains(entry.key) else {
                    throw MalformedPolicyDocument(
                        "Invalid principal in policy: unknown principal type \(JSONString.quoted(entry.key)); use AWS, Service, Federated or CanonicalUser"
                            + PolicyDocument.caseHint(entry.key, among: Self.principalTypes),
                        at: entry.keyPosition)
                }
                let values = try PolicyStatement.stringList(entry, element: "\(member.key).\(entry.key)")
                switch entry.key {
                case "AWS":
                    for (text, position) in values where !Self.isValidAWSPrincipal(text) {
                        throw MalformedPolicyDocument(
                            "Invalid principal in policy: \"AWS\" : \(JSONString.quoted(text)); use \"*\", a 12-digit account id or an IAM/STS ARN without wildcards",
                            at: position)
                    }
                    aws += values.map(\.text)
                case "Service":
                    services += values.map(\.text)
                case "Federated":
                    federated += values.map(\.text)
                case "CanonicalUser":
                    canonicalUsers += values.map(\.text)
                default:
                    break  // The guard above lets through only `principalTypes`.
                }
            }
        default:
            throw MalformedPolicyDocument(
                "Invalid principal in policy: \(member.key) must be \"*\" or an object, found \(member.value.kindName)",
                at: member.value.start)
        }
    }

    /// IAM accepts `*`, an account id, or an ARN in the `iam` or `sts` namespace; wildcards only as the whole value.
    static func isValidAWSPrincipal(_ text: String) -> Bool {
        if text == "*" { return true }
        if text.count == 12, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) { return true }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam" || parts[2] == "sts" else { return false }
        return !text.contains("*") && !text.contains("?")
    }
}
