import Foundation

/// Deciding whether one condition holds for a request.
///
/// Follows IAM UG "Condition operators" and "Multivalued context keys":
/// values of one key are ORed (NORed for negated operators); a missing key
/// fails a condition unless the operator is negated, `...IfExists`,
/// `ForAllValues:` or `Null`.
extension PolicyCondition {
    /// Whether the condition holds, substituting policy variables when `variablesEnabled`.
    func isSatisfied(by context: ConditionContext, variablesEnabled: Bool) -> Bool {
        let requestValues = context[key] ?? []
        if self.operator.base == .null {
            let present = !requestValues.isEmpty
            return values.contains { value in
                switch value.lowercased() {
                case "true": return !present
                case "false": return present
                default: return false
                }
            }
        }
        if requestValues.isEmpty {
            if self.operator.ifExists { return true }
            switch self.operator.setQualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case nil: return self.operator.base.isNegated
            }
        }
        let prepared = preparedValues(context: context, variablesEnabled: variablesEnabled)
        let base = self.operator.base
        let matchesAny: (String) -> Bool = { requestValue in
            prepared.contains { Self.positiveMatch(base, request: requestValue, policy: $0) }
        }
        let negated = base.isNegated
        switch self.operator.setQualifier {
        case .forAllValues:
            return requestValues.allSatisfy { negated ? !matchesAny($0) : matchesAny($0) }
        case .forAnyValue:
            return requestValues.contains { negated ? !matchesAny($0) : matchesAny($0) }
        case nil:
            // A single-valued operator on a multivalued key: positive operators need one
            // matching value; negated ones need no value to match.
            let anyMatch = requestValues.contains(where: matchesAny)
            return negated ? !anyMatch : anyMatch
        }
    }

    /// The policy's values with variables substituted; values with unresolvable variables are dropped.
    private func preparedValues(context: ConditionContext, variablesEnabled: Bool) -> [WildcardPattern] {
        let substitute = variablesEnabled && self.operator.base.supportsPolicyVariables
        return values.compactMap { PolicyVariables.pattern(for: $0, context: context, enabled: substitute) }
    }

    /// The un-negated comparison: does `request` match this one policy value?
    /// (`StringNotEquals` asks `StringEquals` and inverts the answer.)
    static func positiveMatch(_ base: ConditionOperator.Base, request: String, policy: WildcardPattern) -> Bool {
        switch base {
        case .stringEquals, .stringNotEquals:
            return request == policy.text
        case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase:
            return request.lowercased() == policy.text.lowercased()
        case .stringLike, .stringNotLike:
            return policy.matches(request)
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
            .numericGreaterThanEquals:
            guard let test = base.ordering, let left = Double(request), let right = Double(policy.text) else { return false }
            return test(left, right)
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let test = base.ordering, let left = PolicyDate.seconds(from: request),
                let right = PolicyDate.seconds(from: policy.text)
            else { return false }
            return test(left, right)
        case .bool:
            return request.lowercased() == policy.text.lowercased()
        case .binaryEquals:
            guard let expected = Data(base64Encoded: policy.text) else { return false }
            return (Data(base64Encoded: request) ?? Data(request.utf8)) == expected
        case .ipAddress, .notIpAddress:
            return IPAddressRange(cidr: policy.text)?.contains(request) ?? false
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
            return ARNPattern.matches(policy, arn: request)
        case .null:
            return false
        }
    }
}
