import CloudEngine
import Foundation
import TerminalUI

/// Choosing one name from a list (a group to join, a user to add).
public struct NameChoiceState: Sendable, Equatable {
    public var title: String
    public var names: [String]
    /// Names that cannot be chosen, with why ("member").
    public var unavailable: [String: String]
    public var cursor = 0

    public init(title: String, names: [String], unavailable: [String: String]) {
        self.title = title
        self.names = names
        self.unavailable = unavailable
        cursor = names.firstIndex { unavailable[$0] == nil } ?? 0
    }

    public var selected: String? { names.indices.contains(cursor) ? names[cursor] : nil }
}

/// The Users panel's dialogs.
public enum UsersModal: Sendable {
    case createUser(FormState)
    case createGroup(FormState)
    case attach(PolicyPickerState, entity: IAMEntity)
    case inlineForm(FormState, entity: IAMEntity)
    /// The editor's text was refused: the message, and the text to edit again (kept).
    case documentRefused(message: String, edit: PolicyDocumentEdit)
    /// Adding a user to a group: from the user (choose the group) or from the group (choose the user).
    case chooseGroup(NameChoiceState, user: String)
    case chooseMember(NameChoiceState, group: String)
    /// A new access key with its secret: the only time it is shown. Closing the dialog forgets it.
    case newKey(AccessKey)
    case confirm(ConfirmationState, UsersPendingChange)
    /// Waiting for the engine; `cancellable` when Esc may close it (reading what a deletion takes).
    case working(title: String, message: String, cancellable: Bool)
}

/// What a confirmation confirms.
public enum UsersPendingChange: Sendable, Equatable {
    case detach(IAMEntity, EntityPermission)
    case deleteUser(String)
    case deleteGroup(String, detachingEverything: Bool)
    case removeMembership(user: String, group: String)
    case deleteKey(user: String, id: String)
}
