/// Deciding whether a resource or trust policy statement's `Principal` covers the caller.
///
/// The kind of match matters, not just whether there is one: naming the
/// caller (or everyone) grants on its own, while naming the caller's
/// account only delegates to the account, whose identity policies must
/// still allow (IAM UG: "AWS JSON policy elements: Principal", account principals).
extension PrincipalElement {
    /// How a principal element covers a caller.
    enum Match: Sendable, Equatable {
        /// The caller's own ARN: a user, a role session, or the root user by account.
        case exact
        /// The role behind the caller's session, named by role ARN (limited by a permissions boundary).
        case roleOfSession
        /// The caller's account (`123456789012` or `arn:aws:iam::123456789012:root`): delegation only.
        case account
        /// `"*"` or `{"AWS": "*"}`: everyone.
        case everyone
        /// The calling service, by service principal name.
        case service
    }

    /// How this element covers `caller`, or nil when the statement does not apply to them.
    func match(_ caller: PolicyCaller) -> Match? {
        if isNegated {
            return excludes(caller) ? nil : .everyone
        }
        if isWildcard { return .everyone }
        var best: Match?
        if caller.kind == .service {
            return services.contains(caller.arn) ? .service : nil
        }
        for entry in aws {
            if entry == "*" { return .everyone }
            if entry == caller.arn { return .exact }
            if isAccount(entry, of: caller) {
                if caller.kind == .root { return .exact }
                best = best ?? .account
            } else if caller.kind == .assumedRole, entry == caller.roleArn {
                best = .roleOfSession
            }
        }
        return best
    }

    /// Whether a `NotPrincipal` list leaves the caller out.
    ///
    /// IAM UG ("NotPrincipal"): the caller is spared only when both its own ARN
    /// (the session ARN for a role session) and its account are listed, because
    /// AWS checks every identity the request carries.
    private func excludes(_ caller: PolicyCaller) -> Bool {
        if isWildcard || aws.contains("*") { return true }
        if caller.kind == .service { return services.contains(caller.arn) }
        let accountListed = aws.contains { isAccount($0, of: caller) }
        if caller.kind == .root { return accountListed }
        return aws.contains(caller.arn) && accountListed
    }

    private func isAccount(_ entry: String, of caller: PolicyCaller) -> Bool {
        !caller.accountId.isEmpty && (entry == caller.accountId || entry == "arn:aws:iam::\(caller.accountId):root")
    }
}
