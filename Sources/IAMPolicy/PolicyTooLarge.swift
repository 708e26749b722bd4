/// A policy document refused for its length, in IAM's words and with IAM's error code.
///
/// Made by `PolicySizeLimit.check`, so the engine's API and `overcast iam simulate`
/// refuse the same documents with the same message.
public struct PolicyTooLarge: Error, Sendable, Equatable, CustomStringConvertible {
    /// The limit the document is over: `.apiMaximum` when it is over the API's own, else a quota.
    public var limit: PolicySizeLimit
    /// The characters counted as `limit` counts them (with the other inline policies, for those).
    public var size: Int

    /// `ValidationError` for the API's maximum (a constraint on the parameter), `LimitExceeded` for a quota.
    public var code: String {
        if case .apiMaximum = limit { return "ValidationError" }
        return "LimitExceeded"
    }

    /// What IAM says, then the size counted and how to get under the limit.
    public var message: String {
        let counted = "\(size) non-whitespace characters"
        switch limit {
        case .apiMaximum(let member):
            // AWS quotes the value itself here; a placeholder keeps a 10 MB document out of the message.
            return "1 validation error detected: Value '[\(size) characters]' at '\(member)' failed to satisfy constraint: "
                + "Member must have length less than or equal to \(limit.maximum)"
        case .managedPolicy:
            return "Cannot exceed quota for PolicySize: \(limit.maximum). This document has \(counted); "
                + "split it into two policies or use wildcards to shorten it."
        case .roleTrustPolicy:
            return "Cannot exceed quota for ACLSizePerRole: \(limit.maximum). This document has \(counted); "
                + "shorten it (list principals once, drop unused statements)."
        case .inlinePolicies(let holder, let name):
            let shownName = JSONString.escapingControlCharacters(name)
            return "Maximum policy size of \(limit.maximum) bytes exceeded for \(holder.rawValue) \(shownName). "
                + "Its inline policies would total \(counted); "
                + "move some permissions into a managed policy (CreatePolicy, then Attach\(holder.operationWord)Policy)."
        }
    }

    public var description: String { "\(code): \(message)" }
}
