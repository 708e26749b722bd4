import Foundation

/// One policy value of a condition, read for its operator once, when the policy is parsed.
///
/// A decision may test the same condition for every request; parsing `10.0.0.0/8`,
/// a date or a number each time would cost more than the comparison itself.
struct ConditionValue: Sendable {
    /// The value in the form its operator compares.
    enum Form: Sendable {
        /// `StringEquals` family: compared as Swift strings.
        case text(String)
        /// `...IgnoreCase` and `Bool`: the value lowercased.
        case lowercased(String)
        /// `StringLike` family.
        case pattern(WildcardPattern)
        /// `Numeric...`; nil when the value is not a number, which matches nothing.
        case number(Double?)
        /// `Date...`, in seconds since 1970; nil when the value is not a date.
        case seconds(Double?)
        /// `IpAddress` family; nil when the value is not a CIDR block.
        case range(IPAddressRange?)
        /// `BinaryEquals`; nil when the value is not base64.
        case binary(Data?)
        /// `Arn...`; nil when the value does not have six ARN components.
        case arn(ARNPattern?)
        /// `Null`: true when the key must be absent, false when present, nil for other text.
        case absent(Bool?)
    }

    let form: Form
    /// The value split around `${...}`, when it has variables and its operator substitutes them.
    let template: PolicyTemplate?

    /// The value as written in the policy; its variables, if any, are substituted per request.
    init(_ text: String, base: ConditionOperator.Base) {
        self.init(text: text, pattern: nil, base: base, template: base.supportsPolicyVariables ? PolicyTemplate(text) : nil)
    }

    /// The value as `pattern` reads (its text, for the operators that compare text).
    init(_ pattern: WildcardPattern, base: ConditionOperator.Base) {
        self.init(text: pattern.text, pattern: pattern, base: base, template: nil)
    }

    /// `pattern` is `text` as a glob when the caller has it; made here only for the operators that match patterns.
    private init(text: String, pattern: WildcardPattern?, base: ConditionOperator.Base, template: PolicyTemplate?) {
        self.template = template
        switch base {
        case .stringEquals, .stringNotEquals:
            form = .text(text)
        case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .bool:
            form = .lowercased(text.lowercased())
        case .stringLike, .stringNotLike:
            form = .pattern(pattern ?? WildcardPattern(glob: text))
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
            .numericGreaterThanEquals:
            form = .number(Double(text))
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            form = .seconds(PolicyDate.seconds(from: text))
        case .ipAddress, .notIpAddress:
            form = .range(IPAddressRange(cidr: text))
        case .binaryEquals:
            form = .binary(Data(base64Encoded: text))
        case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
            form = .arn(ARNPattern(pattern ?? WildcardPattern(glob: text)))
        case .null:
            switch text.lowercased() {
            case "true": form = .absent(true)
            case "false": form = .absent(false)
            default: form = .absent(nil)
            }
        }
    }

    /// This value with its variables substituted from `context`; nil when one cannot be resolved.
    func resolved(in context: ConditionContext, base: ConditionOperator.Base) -> ConditionValue? {
        guard let template else { return self }
        return template.resolve(in: context).map { ConditionValue($0, base: base) }
    }
}
