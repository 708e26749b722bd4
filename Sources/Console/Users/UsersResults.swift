import CloudEngine
import Foundation
import TerminalUI

/// The Users panel's engine answers, worded here as toasts; the change feed reloads what they changed.
enum UsersResults {
    static func reduce(_ s: inout ConsoleState, _ action: UsersAction) -> [ConsoleEffect] {
        switch action {
        case .listed(let users, let groups):
            s.users.users = users
            s.users.groups = groups
            s.users.loaded = true
            s.users.loadError = nil
            UsersReducer.rebuildTables(&s)
        case .listFailed(let error):
            s.users.loaded = true
            s.users.loadError = error
        case .detailLoaded(let data):
            if var detail = s.users.detail, detail.entity == data.entity {
                detail.data = data
                detail.error = nil
                detail.permissionIndex = min(detail.permissionIndex, max(0, data.permissions.count - 1))
                if let name = s.users.pendingSelection, let index = data.permissions.firstIndex(where: { $0.isInline && $0.name == name }) {
                    detail.permissionIndex = index
                    detail.documentScroll = 0
                    s.users.pendingSelection = nil
                }
                detail.rowIndex = min(detail.rowIndex, max(0, detail.rowCount - 1))
                s.users.detail = detail
            }
            UsersDialogs.detailArrived(&s, data)
        case .detailLoadFailed(let entity, let error):
            if s.users.awaitingDelete == entity {
                s.users.awaitingDelete = nil
                s.users.modal = nil
                s.toast(error)
            }
            guard s.users.detail?.entity == entity else { return [] }
            if error.code == "NoSuchEntity", s.users.detail?.data != nil {
                UsersReducer.showTopLevel(&s)
                s.toast("\(kindTitle(entity)) \(entity.name) no longer exists.", kind: .warning)
                return []
            }
            s.users.detail?.error = error
        case .userCreated(let user):
            s.users.modal = nil
            s.toast("Created user \(user.name). Attach policies (a) or create an access key on Access keys (3).")
            return UsersReducer.open(&s, .user(user.name))
        case .groupCreated(let group):
            s.users.modal = nil
            s.users.list = .groups
            s.toast("Created group \(group.name). Add members on Members (2), permissions with a.")
            return UsersReducer.open(&s, .group(group.name))
        case .createFailed(let error):
            createFailed(&s, error)
        case .userDeleted(let name):
            closeDeleted(&s, .user(name))
            s.toast("Deleted user \(name).")
        case .groupDeleted(let name):
            closeDeleted(&s, .group(name))
            s.toast("Deleted group \(name).")
        case .policiesAttached(let entity, let names):
            s.users.modal = nil
            s.toast(names.count == 1 ? "Attached \(names[0]) to \(entity.name)." : "Attached \(names.count) policies to \(entity.name).")
        case .policyDetached(let entity, let name):
            s.users.modal = nil
            s.toast("Detached \(name) from \(entity.name).")
        case .inlinePolicySaved(let entity, let name):
            s.users.modal = nil
            s.users.pendingSelection = name
            s.toast("Saved inline policy \(name) of \(entity.name).")
        case .inlinePolicyDeleted(let entity, let name):
            s.users.modal = nil
            s.toast("Deleted inline policy \(name) of \(entity.name).")
        case .membershipAdded(let user, let group):
            s.users.modal = nil
            s.toast("Added \(user) to group \(group).")
        case .membershipRemoved(let user, let group):
            s.users.modal = nil
            s.toast("Removed \(user) from group \(group).")
        case .keyCreated(let key):
            s.users.modal = .newKey(key)
        case .keyStatusChanged(let user, let id, let status):
            s.toast(status == .active ? "Activated access key \(id) of \(user); it signs requests again."
                    : "Deactivated access key \(id) of \(user); requests signed with it are refused until you activate it (d).")
        case .keyDeleted(let user, let id):
            s.users.modal = nil
            s.toast("Deleted access key \(id) of \(user).")
        case .actionFailed(let error):
            if case .working? = s.users.modal { s.users.modal = nil }
            s.toast(error)
        default:
            break
        }
        return []
    }

    static func kindTitle(_ entity: IAMEntity) -> String {
        switch entity.kind {
        case .user: return "User"
        case .group: return "Group"
        case .role: return "Role"
        }
    }

    private static func closeDeleted(_ s: inout ConsoleState, _ entity: IAMEntity) {
        s.users.modal = nil
        if s.users.detail?.entity == entity {
            s.users.detail = nil
            s.users.list = entity.kind == .group ? .groups : .users
        }
    }

    /// A name in use keeps the form open with the reason on the name; anything else is a toast.
    private static func createFailed(_ s: inout ConsoleState, _ error: ConsoleError) {
        guard let modal = s.users.modal else {
            s.toast(error)
            return
        }
        switch modal {
        case .createUser(var form) where error.code == "EntityAlreadyExists":
            form.setError("A user named \(form.values.text("name")) exists; choose another name", for: "name")
            form.focus("name")
            s.users.modal = .createUser(form)
        case .createGroup(var form) where error.code == "EntityAlreadyExists":
            form.setError("A group named \(form.values.text("name")) exists; choose another name", for: "name")
            form.focus("name")
            s.users.modal = .createGroup(form)
        default:
            s.toast(error)
        }
    }
}
