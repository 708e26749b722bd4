import Foundation

/// One statement of a function's resource-based policy, as the Configuration tab lists it.
public struct PermissionSummary: Sendable, Hashable {
    public var statementID: String
    public var effect: String
    public var principal: String
    public var action: String
    /// `AWS:SourceArn` and `AWS:SourceAccount` conditions, when the statement has them.
    public var sourceARN: String?
    public var sourceAccount: String?

    public init(statementID: String, effect: String, principal: String, action: String,
                sourceARN: String? = nil, sourceAccount: String? = nil) {
        self.statementID = statementID
        self.effect = effect
        self.principal = principal
        self.action = action
        self.sourceARN = sourceARN
        self.sourceAccount = sourceAccount
    }

    /// The statements of a policy document as GetPolicy returns it; what cannot be read is skipped.
    public static func parse(policy: String) -> [PermissionSummary] {
        guard let data = policy.data(using: .utf8),
              let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let statements = document["Statement"] as? [[String: Any]] else { return [] }
        return statements.map { statement in
            let principal: String
            switch statement["Principal"] {
            case let map as [String: Any]:
                principal = map.values.map { value in (value as? String) ?? ((value as? [String])?.joined(separator: ", ") ?? "") }
                    .joined(separator: ", ")
            case let text as String:
                principal = text
            default:
                principal = "?"
            }
            let action = (statement["Action"] as? String) ?? ((statement["Action"] as? [String])?.joined(separator: ", ") ?? "")
            var sourceARN: String?
            var sourceAccount: String?
            for (_, value) in (statement["Condition"] as? [String: Any]) ?? [:] {
                guard let keys = value as? [String: Any] else { continue }
                for (key, value) in keys {
                    let text = (value as? String) ?? (value as? [String])?.joined(separator: ", ")
                    if key.lowercased() == "aws:sourcearn" { sourceARN = text }
                    if key.lowercased() == "aws:sourceaccount" { sourceAccount = text }
                }
            }
            return PermissionSummary(statementID: statement["Sid"] as? String ?? "", effect: statement["Effect"] as? String ?? "",
                                     principal: principal, action: action, sourceARN: sourceARN, sourceAccount: sourceAccount)
        }
    }
}
