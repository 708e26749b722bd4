import CloudEngine

/// The principal SimulatePrincipalPolicy's `PolicySourceArn` names, as the caller the engine decides for.
///
/// A user is simulated as itself (its id and tags too); a role as a session of it, since a role only ever acts
/// through one. Groups are not simulated: a group is never a caller, so simulate one of its members instead.
enum IAMSimulatedPrincipal {
    static let roleSessionName = "simulated-session"

    static func caller(forARN arn: String, _ call: QueryCall) throws -> Caller {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", let slash = parts[5].lastIndex(of: "/") else {
            throw EngineError.invalidInput(
                "PolicySourceArn \(arn) is not valid. Give the ARN of a user (arn:aws:iam::123456789012:user/NAME) or a role (…:role/NAME).")
        }
        let name = String(parts[5][parts[5].index(after: slash)...])
        guard parts[4] == call.account.accountID else {
            throw EngineError.noSuchEntity("PolicySourceArn \(arn) is not in account \(call.account.accountID); simulate a principal of this account.",
                                           resource: arn)
        }
        switch parts[5].prefix(while: { $0 != "/" }) {
        case "user":
            return try call.account.iam.user(name, caller: call.caller).caller
        case "role":
            let role = try call.account.iam.role(name, caller: call.caller)
            return Caller(identity: .assumedRole(roleName: role.name, roleID: role.id, rolePath: role.path,
                                                 sessionName: roleSessionName))
        case "group":
            throw EngineError.invalidInput(
                "Overcast simulates users and roles, not groups: a group never calls anything. Simulate one of its members (GetGroup lists them).")
        default:
            throw EngineError.invalidInput(
                "PolicySourceArn \(arn) is not valid. Give the ARN of a user (arn:aws:iam::123456789012:user/NAME) or a role (…:role/NAME).")
        }
    }
}
