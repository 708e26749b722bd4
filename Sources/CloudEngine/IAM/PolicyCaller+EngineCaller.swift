import Foundation
import IAMPolicy

/// Bridging the engine's `Caller` to the evaluator's `PolicyCaller`.
///
/// The engine's caller does not know its account's id; the evaluator needs
/// it for ARNs and account principals, so the authorizer supplies it here.
extension PolicyCaller {
    /// The evaluator's view of `caller`, a principal of account `accountID`.
    public init(_ caller: Caller, accountID: String) {
        switch caller.identity {
        case .root:
            self = .root(accountId: accountID)
        case let .user(name, id, path):
            self = .user(accountId: accountID, name: name, path: path, userId: id, tags: caller.principalTags)
        case let .assumedRole(roleName, roleID, rolePath, sessionName):
            self = .assumedRole(
                accountId: accountID, roleName: roleName, path: rolePath, roleId: roleID, sessionName: sessionName,
                tags: caller.principalTags)
        case let .service(name):
            self = .service(name)
        case .anonymous:
            self = .anonymous
        }
    }
}

extension ConditionContext {
    /// The global keys for an engine `caller` at `now`: its address and transport come from the caller.
    ///
    /// `aws:SecureTransport` is only reported for calls that came over the network
    /// (the caller has a source address); in-process calls carry neither key.
    public static func globalKeys(
        for caller: Caller, accountID: String, now: Date, requestedRegion: String? = nil, sourceArn: String? = nil,
        sourceAccount: String? = nil
    ) -> ConditionContext {
        globalKeys(
            for: PolicyCaller(caller, accountID: accountID), now: now, sourceIp: caller.sourceIP,
            secureTransport: caller.sourceIP == nil ? nil : caller.secureTransport, requestedRegion: requestedRegion,
            sourceArn: sourceArn, sourceAccount: sourceAccount)
    }
}
