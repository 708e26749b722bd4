import CloudEngine
import TerminalUI

/// The inline-policy form's keys, the same on a user, a group or a role.
extension InlinePolicyForm {
    /// What a key in the form asks for.
    enum KeyOutcome: Equatable {
        /// Still editing (the form may have changed).
        case editing
        case cancelled
        /// Save this document as the inline policy `name`.
        case submitted(name: String, document: String)
        /// Ctrl-E: take the statement to the editor as JSON.
        case editAsJSON(PolicyDocumentEdit)
    }

    /// Handles `event`: Tab completes an action in the actions field, Ctrl-E hands the statement to the editor.
    static func key(_ form: inout FormState, _ event: KeyEvent, entity: IAMEntity, taken: Set<String>,
                    accountID: String, region: String) -> KeyOutcome {
        let validator = validator(accountID: accountID, region: region, taken: taken, owner: entity.kind.rawValue)
        if event.key == .tab, form.focusedID == "actions", let completed = completion(form.values) {
            form.setText(completed, for: "actions")
            form.validate(validator)
            refreshHints(&form, accountID: accountID, region: region)
            return .editing
        }
        if event.key == "ctrl+e" {
            let name = form.values.text("name").isEmpty ? "inline-policy" : form.values.text("name")
            let text = document(form.values, accountID: accountID, region: region)
            return .editAsJSON(PolicyDocumentEdit(target: .inlinePolicy(entity: entity, name: name), text: text))
        }
        let outcome = form.handle(event, validator: validator)
        refreshHints(&form, accountID: accountID, region: region)
        switch outcome {
        case .submitted(let values):
            return .submitted(name: values.text("name"), document: document(values, accountID: accountID, region: region))
        case .cancelled:
            return .cancelled
        default:
            return .editing
        }
    }

    /// The form's rules, and: a new inline policy may not take the name of one the owner has (it would replace it).
    static func validator(accountID: String, region: String, taken: Set<String>, owner: String) -> FormValidator {
        let base = validator(accountID: accountID, region: region)
        return { values in
            var errors = base(values)
            if taken.contains(values.text("name")) {
                errors["name"] = "The \(owner) has an inline policy by this name; press e on it to edit it instead"
            }
            return errors
        }
    }

    /// The form, opened on an owner whose inline policies are `taken`.
    static func form(on entity: IAMEntity, taken: Set<String>, accountID: String, region: String) -> FormState {
        var form = form(entityTitle: entity.name)
        form.validate(validator(accountID: accountID, region: region, taken: taken, owner: entity.kind.rawValue))
        return form
    }
}
