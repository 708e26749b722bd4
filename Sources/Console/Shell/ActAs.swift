import CloudEngine
import Foundation

/// `:as NAME`: the console acts as an IAM user, a role (through AssumeRole, so its trust policy decides),
/// or the root user again. Every effect after the switch runs as that principal.
enum ActAs {
    /// The session name the console's role sessions carry (shown in CloudTrail-style ARNs).
    static let sessionName = "overcast-console"

    static let usage = ":as USER, :as role/ROLE (or a role's name) or :as root"

    /// What `:as …` asks for; nil when `text` is not an `:as` command.
    static func target(of text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased() == "as" || trimmed.lowercased().hasPrefix("as ") else { return nil }
        return String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
    }

    static func requested(_ state: inout ConsoleState, _ target: String) -> [ConsoleEffect] {
        guard !target.isEmpty else {
            state.toast("Acting as \(state.identity.label). To act as someone else: \(usage).", kind: .info)
            return []
        }
        return [.actAs(target)]
    }

    static func changed(_ state: inout ConsoleState, _ identity: ConsoleIdentity) -> [ConsoleEffect] {
        state.identity = identity
        let message = identity.caller.isRoot ? "Acting as root again: every call is allowed."
            : "Acting as \(identity.label): every call is now authorized as it. :as root goes back."
        state.toast(message, kind: .info)
        // What each panel shows may now be refused, or show more: every panel reads again as the new principal.
        return ConsoleService.allCases.compactMap(\.panel).flatMap { $0.accountChanged(&state, topics: Set(ChangeTopic.allCases)) }
    }

    /// Runs `:as target` as `current` (effect runner side).
    static func resolve(_ target: String, account: Account, current: Caller) throws -> ConsoleIdentity {
        if target.lowercased() == "root" { return .root }
        let iam = account.iam
        var name = target
        var wantsRole = false
        if target.lowercased().hasPrefix("role/") {
            name = String(target.dropFirst(5))
            wantsRole = true
        } else if target.lowercased().hasPrefix("user/") {
            name = String(target.dropFirst(5))
        }
        if !wantsRole, let user = try? iam.user(name, caller: .root) {
            return ConsoleIdentity(caller: user.caller, label: "user \(user.name)")
        }
        guard let role = try? iam.role(name, caller: .root) else {
            throw ConsoleError(code: "NoSuchEntity",
                               message: "No \(wantsRole ? "role" : "user or role") named \(name) in this account. Try \(usage).")
        }
        if current.isRoot {
            throw ConsoleError(code: "AccessDenied",
                               message: "Roles may not be assumed by root, as in AWS. Act as a user first (:as USER) whose policies allow sts:AssumeRole on \(role.name) and whom its trust policy trusts, then :as role/\(role.name).")
        }
        let session = try account.sts.assumeRole(roleARN: role.arn, sessionName: sessionName, caller: current)
        return ConsoleIdentity(caller: session.caller, label: "role \(role.name)")
    }
}
