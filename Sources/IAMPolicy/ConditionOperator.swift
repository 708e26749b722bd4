/// A condition operator such as `StringLike`, `ForAnyValue:ArnEquals` or `DateLessThanIfExists`.
///
/// Split into its three independent parts (the comparison, the set
/// qualifier, `IfExists`) because each changes evaluation in its own way.
public struct ConditionOperator: Sendable, Hashable, CustomStringConvertible {
    /// The comparison itself.
    public enum Base: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators match when no policy value matches (values are joined with NOR),
        /// and match when the key is missing from the request.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
                .notIpAddress, .arnNotEquals, .arnNotLike:
                return true
            default:
                return false
            }
        }

        /// The comparison a numeric or date operator applies (request value on the left);
        /// nil for the other operators. Negated operators give the comparison they negate.
        var ordering: (@Sendable (Double, Double) -> Bool)? {
            switch self {
            case .numericEquals, .numericNotEquals, .dateEquals, .dateNotEquals: return { $0 == $1 }
            case .numericLessThan, .dateLessThan: return { $0 < $1 }
            case .numericLessThanEquals, .dateLessThanEquals: return { $0 <= $1 }
            case .numericGreaterThan, .dateGreaterThan: return { $0 > $1 }
            case .numericGreaterThanEquals, .dateGreaterThanEquals: return { $0 >= $1 }
            default: return nil
            }
        }

        /// Whether `${...}` in the policy's values is substituted (IAM UG: condition operators, "Policy variables").
        public var supportsPolicyVariables: Bool {
            switch self {
            case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .stringLike,
                .stringNotLike, .bool, .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
                return true
            default:
                return false
            }
        }
    }

    /// `ForAllValues:` or `ForAnyValue:`, for keys that carry several values.
    public enum SetQualifier: String, Sendable, Hashable {
        case forAllValues = "ForAllValues"
        case forAnyValue = "ForAnyValue"
    }

    public var base: Base
    public var setQualifier: SetQualifier?
    /// `...IfExists`: the condition holds when the key is missing.
    public var ifExists: Bool

    public init(base: Base, setQualifier: SetQualifier? = nil, ifExists: Bool = false) {
        self.base = base
        self.setQualifier = setQualifier
        self.ifExists = ifExists
    }

    /// Reads an operator name as written in a policy; nil when IAM would not know it.
    ///
    /// Names are matched exactly, as IAM does for every other element name.
    public init?(name: String) {
        var rest = Substring(name)
        var qualifier: SetQualifier?
        for candidate in [SetQualifier.forAllValues, .forAnyValue] where rest.hasPrefix(candidate.rawValue + ":") {
            qualifier = candidate
            rest = rest.dropFirst(candidate.rawValue.count + 1)
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let base = Base(rawValue: String(rest)) else { return nil }
        if base == .null && (ifExists || qualifier != nil) { return nil }
        self.init(base: base, setQualifier: qualifier, ifExists: ifExists)
    }

    public var description: String {
        (setQualifier.map { $0.rawValue + ":" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }
}
