import Foundation
import GRDB
import IAMPolicy

/// One request to be authorized: who wants to do what to which resource, with its condition keys.
public struct AuthorizationRequest: Sendable {
    public var caller: Caller
    /// The IAM action, e.g. `s3:GetObject`.
    public var action: String
    /// The resource ARN, or `*` for actions that take no resource.
    public var resource: String
    /// Service-specific condition keys (`s3:prefix`, `iam:PassedToService`, ...); global keys are added by the authorizer.
    public var context: [String: [String]]

    public init(caller: Caller, action: String, resource: String, context: [String: [String]] = [:]) {
        self.caller = caller
        self.action = action
        self.resource = resource
        self.context = context
    }
}

/// The one door every engine call goes through before it touches the account.
///
/// Services call it inside their transaction, so the decision and the change
/// see the same policies. The IAM evaluator plugs in here without any caller changing.
public protocol Authorizer: Sendable {
    /// Throws `EngineError` (AccessDenied) when the request is not allowed.
    func authorize(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws
    /// The decision as the activity trail records it: allowed or not, with the statements that decided,
    /// and the error a denied call gets. Throws only when deciding failed (the account unreadable).
    func verdict(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws -> AuthorizationVerdict
}

/// An authorizer's answer with what the trail keeps of it.
public struct AuthorizationVerdict: Sendable {
    /// IAM's outcome and deciding statements; nil from authorizers that only allow or deny.
    public var decision: Decision?
    /// What the caller gets when denied; nil when allowed.
    public var denial: EngineError?

    public init(decision: Decision?, denial: EngineError?) {
        self.decision = decision
        self.denial = denial
    }
}

extension Authorizer {
    /// For authorizers without statements: allowed when `authorize` returns, denied when it throws AccessDenied.
    public func verdict(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws -> AuthorizationVerdict {
        do {
            try authorize(request, account: account, db: db)
            return AuthorizationVerdict(decision: nil, denial: nil)
        } catch let error as EngineError where error.code == "AccessDenied" || error.code == "AccessDeniedException" {
            return AuthorizationVerdict(decision: nil, denial: error)
        }
    }
}

/// Allows the account root and AWS services, denies everyone else.
///
/// The account starts with this until IAM's evaluator is installed: only the root exists then.
public struct RootOnlyAuthorizer: Authorizer {
    public init() {}

    public func authorize(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws {
        switch request.caller.identity {
        case .root, .service:
            return
        default:
            throw EngineError.accessDenied(
                principalARN: request.caller.arn(accountID: account.accountID),
                action: request.action,
                resource: request.resource,
                reason: "no identity-based policy allows the \(request.action) action")
        }
    }
}
