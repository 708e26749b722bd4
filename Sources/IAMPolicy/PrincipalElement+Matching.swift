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
            return negatedMatch(caller)
        }
        if isWildcard { return .everyone }
        var best: Match?
        if caller.kind == .service {
            return services.contains(caller.arn) ? .service : nil
        }
        // An anonymous caller is covered by everyone and by nothing narrower.
        if caller.kind == .anonymous { return aws.contains("*") ? .everyone : nil }
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

    /// How a `NotPrincipal` list covers the caller: through whichever of its identities it leaves out.
    ///
    /// IAM UG ("NotPrincipal"): AWS checks every identity a request carries, the
    /// caller's own ARN (the session ARN for a role session) and its account.
    /// - Neither listed: the statement applies to the caller as anyone would be covered.
    /// - Both listed: the caller is spared entirely.
    /// - Only its own ARN listed: the statement still reaches the caller's account. A Deny
    ///   then applies (the documented trap of leaving the account out), but an Allow grants
    ///   nothing by itself: as with a `Principal` naming the account, it only delegates, so
    ///   "Allow everyone except alice" never allows alice on its own.
    private func negatedMatch(_ caller: PolicyCaller) -> Match? {
        if isWildcard || aws.contains("*") { return nil }
        if caller.kind == .service { return services.contains(caller.arn) ? nil : .everyone }
        let accountListed = aws.contains { isAccount($0, of: caller) }
        if caller.kind == .root { return accountListed ? nil : .everyone }
        let ownListed = aws.contains(caller.arn)
        switch (ownListed, accountListed) {
        case (false, _): return .everyone
        case (true, true): return nil
        case (true, false): return .account
        }
    }

    private func isAccount(_ entry: String, of caller: PolicyCaller) -> Bool {
        !caller.accountId.isEmpty && (entry == caller.accountId || entry == "arn:aws:iam::\(caller.accountId):root")
    }
}
