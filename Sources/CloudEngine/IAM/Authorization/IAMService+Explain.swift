import Foundation
import GRDB

extension IAMService {
    /// How the engine would decide `action` on `resource` for `principal`, and why, without doing it.
    ///
    /// For the console's "why was this denied?" view and its simulator. Authorized as
    /// `iam:SimulatePrincipalPolicy` on the principal's ARN. With `resourceIsAny`, a `resource` of `*`
    /// stands for any resource, as in IAM's policy simulator run without one (a real call never does this).
    public func explain(principal: Caller, action: String, resource: String, context: [String: [String]] = [:],
                        resourceIsAny: Bool = false, caller: Caller) throws -> AuthorizationExplanation {
        try account.read { db in
            try account.authorize(caller, "iam:SimulatePrincipalPolicy", principal.arn(accountID: accountID), db: db)
            let authorizer = account.authorizer as? IAMAuthorizer ?? IAMAuthorizer(clock: account.clock)
            return try authorizer.explain(
                AuthorizationRequest(caller: principal, action: action, resource: resource, context: context),
                account: account.info, db: db, resourceIsAny: resourceIsAny && resource == "*")
        }
    }
}
