/// The policy language version named by a document's `Version` element.
///
/// Only `2012-10-17` understands policy variables; in `2008-10-17` (and when
/// `Version` is missing) `${aws:username}` is plain text, so the evaluator
/// must know which language a document speaks.
public enum PolicyVersion: String, Sendable, Hashable, CaseIterable {
    case v2012_10_17 = "2012-10-17"
    case v2008_10_17 = "2008-10-17"

    /// Whether `${...}` in resources and condition values is substituted.
    public var supportsPolicyVariables: Bool { self == .v2012_10_17 }
}
