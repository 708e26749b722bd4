import CloudEngine
import Foundation
import TerminalUI

/// Keys while one of the Users panel's dialogs is open.
enum UsersDialogKeys {
    static func key(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard let modal = s.users.modal else { return [] }
        switch modal {
        case .createUser(var form):
            switch form.handle(event, validator: UsersForms.userValidator(s)) {
            case .submitted(let values):
                s.users.modal = .createUser(form)
                return [.users(.createUser(UserCreateRequest(name: values.text("name"), path: UsersForms.path(values),
                                                             tags: IAMFormRules.tags(values.text("tags")))))]
            case .cancelled:
                s.users.modal = nil
            default:
                s.users.modal = .createUser(form)
            }
        case .createGroup(var form):
            switch form.handle(event, validator: UsersForms.groupValidator(s)) {
            case .submitted(let values):
                s.users.modal = .createGroup(form)
                return [.users(.createGroup(name: values.text("name"), path: UsersForms.path(values)))]
            case .cancelled:
                s.users.modal = nil
            default:
                s.users.modal = .createGroup(form)
            }
        case .attach(var picker, let entity):
            let outcome = picker.handle(event, pageSize: PolicyPickerView.listHeight(ConsoleLayout(s).body))
            s.users.modal = .attach(picker, entity: entity)
            switch outcome {
            case .confirmed(let arns): return [.users(.attachPolicies(entity, arns: arns))]
            case .cancelled: s.users.modal = nil
            case .changed, .ignored: break
            }
        case .inlineForm(var form, let entity):
            let taken = s.users.detail.map(UsersDialogs.inlineNames) ?? []
            let outcome = InlinePolicyForm.key(&form, event, entity: entity, taken: taken, accountID: s.accountID, region: s.region)
            s.users.modal = .inlineForm(form, entity: entity)
            switch outcome {
            case .editing: break
            case .cancelled: s.users.modal = nil
            case .submitted(let name, let document):
                return [.users(.putInlinePolicy(entity, name: name, document: document, fromEditor: false))]
            case .editAsJSON(let edit):
                return [.users(.editDocument(edit))]
            }
        case .documentRefused(_, let edit):
            switch PermissionDialogs.refusedKey(event) {
            case .editAgain:
                s.users.modal = nil
                return [.users(.editDocument(edit))]
            case .discarded:
                s.users.modal = nil
                s.toast(PermissionDialogs.discardedMessage, kind: .info)
            case .ignored:
                break
            }
        case .chooseGroup(var choice, let user):
            let chosen = choose(&choice, event, &s)
            if case .chooseGroup? = s.users.modal { s.users.modal = .chooseGroup(choice, user: user) }
            if let group = chosen { return [.users(.addToGroup(user: user, group: group))] }
        case .chooseMember(var choice, let group):
            let chosen = choose(&choice, event, &s)
            if case .chooseMember? = s.users.modal { s.users.modal = .chooseMember(choice, group: group) }
            if let user = chosen { return [.users(.addToGroup(user: user, group: group))] }
        case .newKey(let key):
            guard event.key == .enter || event.key == .escape else { return [] }
            s.users.modal = nil
            s.toast("The secret of \(key.accessKeyID) is no longer shown anywhere.", kind: .info)
        case .confirm(var confirmation, let change):
            let outcome = confirmation.handle(event)
            s.users.modal = .confirm(confirmation, change)
            switch outcome {
            case .confirmed:
                let work = UsersConfirmations.confirmed(change)
                s.users.modal = .working(title: work.title, message: work.message, cancellable: false)
                return [.users(work.effect)]
            case .cancelled:
                s.users.modal = nil
            default:
                break
            }
        case .working(_, _, let cancellable):
            if cancellable, event.key == .escape {
                s.users.modal = nil
                s.users.awaitingDelete = nil
            }
        }
        return []
    }

    /// ↑/↓ (j/k) move, Enter takes the name under the cursor (when it is not unavailable), Esc closes.
    private static func choose(_ choice: inout NameChoiceState, _ event: KeyEvent, _ s: inout ConsoleState) -> String? {
        switch event.key {
        case .escape?:
            s.users.modal = nil
        case .enter?:
            guard let name = choice.selected else { return nil }
            if let why = choice.unavailable[name] {
                s.toast("\(name): already \(why).", kind: .info)
                return nil
            }
            return name
        case .down?, "j":
            choice.cursor = IAMDetailParts.moved(choice.cursor, by: 1, count: choice.names.count)
        case .up?, "k":
            choice.cursor = IAMDetailParts.moved(choice.cursor, by: -1, count: choice.names.count)
        default:
            break
        }
        return nil
    }
}
