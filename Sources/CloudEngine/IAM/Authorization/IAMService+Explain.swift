import Foundation
import GRDB

extension IAMService {
    /// How the engine would decide `action` on `resource` for `principal`, and why, without doing it.
    ///
    /// For the console's "why was this denied?" view. Authorized as
    /// `iam:SimulatePrincipalPolicy` on the principal's ARN.
    public func explain(principal: Caller, action: String, resource: String, context: [String: [String]] = [:],
                        caller: Caller) throws -> AuthorizationExplanation {
        try account.read { db in
            try account.authorize(caller, "iam:SimulatePrincipalPolicy", principal.arn(accountID: accountID), db: db)
            let authorizer = account.authorizer as? IAMAuthorizer ?? IAMAuthorizer(clock: account.clock)
            return try authorizer.explain(
                AuthorizationRequest(caller: principal, action: action, resource: resource, context: context),
                account: account.info, db: db)
        }
    }
}
