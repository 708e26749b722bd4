import CloudEngine
import Foundation
import TerminalUI

/// The Users panel's confirmations, each naming exactly what goes.
enum UsersConfirmations {
    /// Deleting a user or a group: what it holds is listed, and removed first in the same transaction.
    static func deleteEntity(_ data: IdentityDetailData) -> UsersModal {
        let name = data.entity.name
        var parts: [String] = []
        switch data.entity.kind {
        case .group:
            if !data.members.isEmpty {
                parts.append("removes \(PermissionDialogs.count(data.members.count, "member")) (\(data.members.joined(separator: ", ")))")
            }
        case .user, .role:
            if !data.keys.isEmpty {
                parts.append("deletes \(PermissionDialogs.count(data.keys.count, "access key")) (\(data.keys.map(\.key.accessKeyID).joined(separator: ", ")))")
            }
            if !data.groups.isEmpty {
                parts.append("removes it from \(PermissionDialogs.count(data.groups.count, "group")) (\(data.groups.joined(separator: ", ")))")
            }
        }
        parts += PermissionDialogs.holdings(data.permissions)
        let kind = data.entity.kind.rawValue
        var message = "Delete \(kind) \(name)?"
        if !parts.isEmpty {
            let refusal = data.entity.kind == .group ? "IAM refuses to delete a group that has members or policies (DeleteConflict)"
                : "IAM refuses to delete a user that has keys, groups or policies (DeleteConflict)"
            message += " \(refusal), so this first " + list(parts) + ". All of it happens, or none."
        }
        if data.entity.kind == .group, !data.members.isEmpty { message += " The users themselves stay." }
        if !data.keys.isEmpty { message += " Programs signing with its keys will be refused." }
        let change: UsersPendingChange = data.entity.kind == .group
            ? .deleteGroup(name, detachingEverything: !parts.isEmpty) : .deleteUser(name)
        return .confirm(ConfirmationState(title: "Delete \(kind)", message: message, resourceName: name,
                                          confirmLabel: "Delete \(kind)", requireTypedName: !parts.isEmpty), change)
    }

    static func removeMembership(user: String, group: String) -> UsersModal {
        .confirm(ConfirmationState(title: "Remove from group",
                                   message: "Remove \(user) from group \(group)? \(user) loses what the group's policies allow; both stay.",
                                   resourceName: user, confirmLabel: "Remove", requireTypedName: false),
                 .removeMembership(user: user, group: group))
    }

    static func deleteKey(_ row: AccessKeyRow, user: String) -> UsersModal {
        let id = row.key.accessKeyID
        let advice = row.key.status == .active ? " To try it out first, deactivate it (d) instead." : ""
        return .confirm(ConfirmationState(title: "Delete access key",
                                          message: "Delete access key \(id) of \(user)? Requests signed with it will be refused, and it cannot be recovered.\(advice)",
                                          resourceName: id, confirmLabel: "Delete key", requireTypedName: false),
                        .deleteKey(user: user, id: id))
    }

    /// The effect a confirmed change runs, and the wait dialog's words.
    static func confirmed(_ change: UsersPendingChange) -> (title: String, message: String, effect: UsersEffect) {
        switch change {
        case .detach(let entity, let permission):
            let effect: UsersEffect
            switch permission.kind {
            case .managed(let arn, _): effect = .detachPolicy(entity, arn: arn, name: permission.name)
            case .inline: effect = .deleteInlinePolicy(entity, name: permission.name)
            }
            return ("Saving", "Removing \(permission.name)…", effect)
        case .deleteUser(let name):
            return ("Deleting \(name)", "Removing what it holds, then the user…", .deleteUser(name))
        case .deleteGroup(let name, let detaching):
            return ("Deleting \(name)", detaching ? "Removing its members and policies, then the group…" : "Deleting the group…",
                    .deleteGroup(name, detachingEverything: detaching))
        case .removeMembership(let user, let group):
            return ("Saving", "Removing \(user) from \(group)…", .removeFromGroup(user: user, group: group))
        case .deleteKey(let user, let id):
            return ("Saving", "Deleting \(id)…", .deleteKey(user: user, id: id))
        }
    }

    /// "a, b and c".
    private static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
