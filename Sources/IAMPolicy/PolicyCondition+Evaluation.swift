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
        let requestValues = context.values(lowercasedKey: lowercasedKey) ?? []
        let base = self.operator.base
        if base == .null {
            let present = !requestValues.isEmpty
            return compiled.contains { value in
                guard case .absent(let expectsAbsent?) = value.form else { return false }
                return expectsAbsent != present
            }
        }
        if requestValues.isEmpty {
            if self.operator.ifExists { return true }
            switch self.operator.setQualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case nil: return base.isNegated
            }
        }
        // Values with unresolvable variables are dropped; without variables the compiled values serve as they are.
        let prepared = variablesEnabled && hasTemplates && base.supportsPolicyVariables
            ? compiled.compactMap { $0.resolved(in: context, base: base) }
            : compiled
        let matchesAny: (String) -> Bool = { requestValue in
            Self.anyValueMatches(base, request: requestValue, policy: prepared)
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

    /// The un-negated comparison: does `request` match any of the policy's values?
    /// (`StringNotEquals` asks `StringEquals` and inverts the answer.)
    ///
    /// The request value is read once (lowercased, parsed as a number, date or
    /// address) and then compared with each policy value, already read at parse time.
    static func anyValueMatches(_ base: ConditionOperator.Base, request: String, policy: [ConditionValue]) -> Bool {
        switch base {
        case .stringEquals, .stringNotEquals:
            return policy.contains { value in
                guard case .text(let text) = value.form else { return false }
                return request == text
            }
        case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .bool:
            let lowered = request.lowercased()
            return policy.contains { value in
                guard case .lowercased(let text) = value.form else { return false }
                return lowered == text
            }
        case .stringLike, .stringNotLike:
            let bytes = ContiguousArray(request.utf8)
            for value in policy {
                guard case .pattern(let pattern) = value.form else { continue }
                if pattern.matches(bytes: bytes.span, separatorLimit: -1) { return true }
            }
            return false
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
            .numericGreaterThanEquals:
            guard let test = base.ordering, let left = Double(request) else { return false }
            return policy.contains { value in
                guard case .number(let right?) = value.form else { return false }
                return test(left, right)
            }
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let test = base.ordering, let left = PolicyDate.seconds(from: request) else { return false }
            return policy.contains { value in
                guard case .seconds(let right?) = value.form else { return false }
                return test(left, right)
            }
        case .binaryEquals:
            let given = Data(base64Encoded: request) ?? Data(request.utf8)
            return policy.contains { value in
                guard case .binary(let expected?) = value.form else { return false }
                return given == expected
            }
        case .ipAddress, .notIpAddress:
            guard let address = IPAddressRange.parseAddress(request) else { return false }
            return policy.contains { value in
                guard case .range(let range?) = value.form else { return false }
                return range.contains(address: address)
            }
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
            return policy.contains { value in
                guard case .arn(let pattern?) = value.form else { return false }
                return pattern.matches(request)
            }
        case .null:
            return false
        }
    }
}
