/// How long IAM lets a policy document be, by where the document goes; checked before the text is parsed.
///
/// Parsing costs time and memory in proportion to the text (a 10 MB document once
/// took 10 s and 239 MB before a word was said), while counting is cheap. IAM refuses
/// in the same order: first the API's length constraint, which every policy document
/// parameter has (botocore's `policyDocumentType`: 1 to 131,072 characters,
/// whitespace included), then the quota of the place the policy is kept, which
/// counts characters other than whitespace (IAM UG, "IAM and AWS STS quotas").
/// Characters are Unicode scalars, as the API's length constraints count them.
public enum PolicySizeLimit: Sendable, Hashable {
    /// Only the API's maximum, for a document kept nowhere (SimulateCustomPolicy's inputs);
    /// `member` is the parameter the message names, as AWS names it (`policyInputList.1.member`).
    case apiMaximum(member: String)
    /// `PolicySize`: one version of a managed policy (CreatePolicy, CreatePolicyVersion).
    case managedPolicy
    /// `ACLSizePerRole`: a role's trust policy (CreateRole, UpdateAssumeRolePolicy), at its default.
    case roleTrustPolicy
    /// All the inline policies of the user, group or role `name` together (Put...Policy).
    case inlinePolicies(Holder, name: String)

    /// Who holds inline policies; each kind has its own aggregate quota.
    public enum Holder: String, Sendable, Hashable {
        case user, group, role

        /// The word in the API's operation names: `User` in AttachUserPolicy.
        var operationWord: String {
            switch self {
            case .user: return "User"
            case .group: return "Group"
            case .role: return "Role"
            }
        }
    }

    /// The longest policy document any IAM API takes.
    public static let apiMaximumCharacters = 131_072

    /// The most characters allowed: counted with whitespace for the API's maximum, without it for a quota.
    public var maximum: Int {
        switch self {
        case .apiMaximum: return Self.apiMaximumCharacters
        case .managedPolicy: return 6_144
        case .roleTrustPolicy: return 2_048
        case .inlinePolicies(.user, _): return 2_048
        case .inlinePolicies(.group, _): return 5_120
        case .inlinePolicies(.role, _): return 10_240
        }
    }

    /// The size of `text` as this limit counts it.
    public func size(of text: String) -> Int {
        switch self {
        case .apiMaximum:
            return text.unicodeScalars.count
        case .managedPolicy, .roleTrustPolicy, .inlinePolicies:
            return text.unicodeScalars.reduce(0) { count, scalar in
                scalar.properties.isWhitespace ? count : count + 1
            }
        }
    }

    /// Refuses `text` over the API's maximum (ValidationError), then over this limit
    /// (LimitExceeded for a quota), without parsing it.
    ///
    /// Looks at each character at most twice, and not at all when the text is
    /// shorter in UTF-8 bytes than the limit (no character is less than a byte).
    ///
    /// - Parameter alreadyUsed: characters that other documents already count against
    ///   the same quota: a principal's other inline policies.
    public func check(_ text: String, alreadyUsed: Int = 0) throws(PolicyTooLarge) {
        let bytes = text.utf8.count
        if bytes > Self.apiMaximumCharacters {
            let api = Self.apiMaximum(member: member)
            let length = api.size(of: text)
            if length > Self.apiMaximumCharacters { throw PolicyTooLarge(limit: api, size: length) }
        }
        if case .apiMaximum = self { return }
        guard alreadyUsed + bytes > maximum else { return }
        let total = alreadyUsed + size(of: text)
        if total > maximum { throw PolicyTooLarge(limit: self, size: total) }
    }

    /// The API parameter that holds the document, for the API maximum's message.
    var member: String {
        switch self {
        case .apiMaximum(let member): return member
        case .roleTrustPolicy: return "assumeRolePolicyDocument"
        case .managedPolicy, .inlinePolicies: return "policyDocument"
        }
    }
}
