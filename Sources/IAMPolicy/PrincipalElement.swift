/// The `Principal` or `NotPrincipal` element of a resource or trust policy.
public struct PrincipalElement: Sendable {
    /// True for `NotPrincipal`: the statement applies to everyone except these.
    public var isNegated: Bool
    /// True for `"Principal": "*"`: everyone, signed or anonymous.
    public var isWildcard: Bool
    /// `AWS` entries: `*`, account ids, `arn:aws:iam::ACCT:root`, user, role and session ARNs.
    public var aws: [String]
    /// `Service` entries such as `lambda.amazonaws.com`.
    public var services: [String]
    /// `Federated` entries (identity providers); kept so trust policies round-trip.
    public var federated: [String]
    /// `CanonicalUser` entries (S3's legacy ids); kept, never matched by this engine.
    public var canonicalUsers: [String]

    public init(
        isNegated: Bool, isWildcard: Bool, aws: [String] = [], services: [String] = [],
        federated: [String] = [], canonicalUsers: [String] = []
    ) {
        self.isNegated = isNegated
        self.isWildcard = isWildcard
        self.aws = aws
        self.services = services
        self.federated = federated
        self.canonicalUsers = canonicalUsers
    }
}
