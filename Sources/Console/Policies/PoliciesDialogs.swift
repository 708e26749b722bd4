import CloudEngine
import Foundation
import TerminalUI

/// The Policies panel's dialogs: the create form, a refused document, the versions list and the confirmations.
enum PoliciesDialogs {
    static func reduce(_ s: inout ConsoleState, _ action: PoliciesAction) -> [ConsoleEffect] {
        switch action {
        case .newPressed:
            s.policies.modal = .create(createForm(document: nil), document: nil, problem: nil)
            return []
        case .versionsPressed:
            guard let detail = s.policies.detail, !detail.versions.isEmpty else { return [] }
            let shown = detail.versions.firstIndex { $0.versionID == detail.shownVersion?.versionID } ?? 0
            s.policies.modal = .versions(selected: shown)
            return []
        case .makeDefaultPressed:
            guard let detail = s.policies.detail, !detail.isAWSManaged, let version = detail.shownVersion,
                  !version.isDefault else { return [] }
            return [.policies(.setDefaultVersion(arn: detail.arn, versionID: version.versionID))]
        case .deleteVersionPressed:
            guard let detail = s.policies.detail, let version = detail.shownVersion else { return [] }
            confirmDeleteVersion(&s, detail, version)
            return []
        case .deletePressed:
            return deletePressed(&s)
        case .attachmentsLoaded(let arn, let attachments):
            attachmentsLoaded(&s, arn: arn, attachments)
            return []
        case .dialogKeyPressed(let event):
            return dialogKey(&s, event)
        case .deletePolicyConfirmed(let arn):
            s.policies.modal = nil
            return [.policies(.deletePolicy(arn: arn))]
        case .deleteVersionConfirmed(let arn, let versionID):
            s.policies.modal = nil
            return [.policies(.deleteVersion(arn: arn, versionID: versionID))]
        default:
            return []
        }
    }

    // MARK: - Create

    /// The choice of starting document: what the editor last gave back, when there is one, then the templates.
    static func documentOptions(_ document: String?) -> [String] {
        let edited = document.map { text -> String in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            return "Your document (\(lines) line\(lines == 1 ? "" : "s"))"
        }
        return (edited.map { [$0] } ?? []) + PolicyTemplate.allCases.map(\.title)
    }

    static func createForm(document: String?) -> FormState {
        var form = FormState(title: "Create policy", fields: [
            .text("name", label: "Policy name", placeholder: "my-policy",
                  help: "1-128 letters, numbers and +=,.@-_"),
            .text("description", label: "Description", placeholder: "what it allows", help: "Optional; it can't be changed later"),
            .choice("document", label: "Document", options: documentOptions(document),
                    help: "Enter opens it in $EDITOR; saving creates the policy"),
        ], submitLabel: "Edit document")
        form.validate(createValidator)
        return form
    }

    static let createValidator: FormValidator = { values in
        let name = values.text("name")
        if name.isEmpty { return ["name": "Enter a name for the policy."] }
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && CharacterSet.alphanumerics.contains($0) || "+=,.@-_".unicodeScalars.contains($0)
        }
        if name.count > 128 || !allowed { return ["name": "Use 1-128 letters, numbers and +=,.@-_ (no spaces)."] }
        if values.text("description").count > 1000 { return ["description": "Descriptions are at most 1,000 characters."] }
        return [:]
    }

    /// The editor gave a document back: create the policy, or its new version.
    static func documentEdited(_ s: inout ConsoleState, _ purpose: PolicyDocumentPurpose, _ text: String) -> [ConsoleEffect] {
        switch purpose {
        case .create(let name, let description):
            guard case .create(let form, _, _) = s.policies.modal else { return [] }
            s.policies.modal = .create(withDocument(form, text), document: text, problem: nil)
            return [.policies(.createPolicy(name: name, description: description, document: text))]
        case .newVersion(let arn):
            if case .rejectedVersion = s.policies.modal { s.policies.modal = nil }
            return [.policies(.createVersion(arn: arn, document: text))]
        }
    }

    /// The form stays open with what was typed and the document as edited: a document the engine refused shows
    /// where (Enter edits it again), anything else is marked on the name.
    static func createFailed(_ s: inout ConsoleState, _ error: ConsoleError, document: String) -> [ConsoleEffect] {
        guard case .create(var form, _, _) = s.policies.modal else {
            s.toast(error)
            return []
        }
        form = withDocument(form, document)
        if DocumentProblem.isDocumentError(error) {
            form.focus("document")
            s.policies.modal = .create(form, document: document, problem: DocumentProblem(error, document: document))
        } else {
            form.setError(error.description, for: "name")
            form.focus("name")
            s.policies.modal = .create(form, document: document, problem: nil)
        }
        return []
    }

    static func versionFailed(_ s: inout ConsoleState, arn: String, _ error: ConsoleError, document: String) -> [ConsoleEffect] {
        if DocumentProblem.isDocumentError(error) {
            s.policies.modal = .rejectedVersion(arn: arn, document: document, problem: DocumentProblem(error, document: document))
        } else {
            s.toast(error)
        }
        return []
    }

    /// The form with its document choice offering `document` first, and chosen.
    private static func withDocument(_ form: FormState, _ document: String) -> FormState {
        var form = form
        if let index = form.fields.firstIndex(where: { $0.id == "document" }) {
            form.fields[index].kind = .choice(options: documentOptions(document), selected: 0)
        }
        return form
    }

    // MARK: - Delete

    /// The confirmation names where the policy is attached: known when it is open, else asked of the engine first.
    private static func deletePressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        let policy = s.policies.screen == .list ? s.policies.selectedPolicy : s.policies.detail?.policy
        guard let policy, !policy.isAWSManaged else { return [] }
        if policy.attachmentCount == 0 {
            confirmDeletePolicy(&s, policy, attachments: [])
        } else if s.policies.detail?.arn == policy.arn, let attachments = s.policies.detail?.attachments {
            confirmDeletePolicy(&s, policy, attachments: attachments)
        } else {
            return [.policies(.loadAttachments(arn: policy.arn))]
        }
        return []
    }

    private static func attachmentsLoaded(_ s: inout ConsoleState, arn: String, _ attachments: [IAMEntity]?) {
        let policy = s.policies.detail?.arn == arn ? s.policies.detail?.policy : s.policies.policies.first { $0.arn == arn }
        guard let policy, s.policies.modal == nil else { return }
        confirmDeletePolicy(&s, policy, attachments: attachments)
    }

    private static func confirmDeletePolicy(_ s: inout ConsoleState, _ policy: IAMManagedPolicy, attachments: [IAMEntity]?) {
        let message: String
        if let attachments, attachments.isEmpty {
            message = "Delete policy \(policy.name) and all its versions? Nothing is attached to it. This can't be undone."
        } else {
            let count = policy.attachmentCount
            let names = attachments.map(PolicyWording.entities) ?? "\(count) user\(count == 1 ? "" : "s"), group\(count == 1 ? "" : "s") or role\(count == 1 ? "" : "s")"
            message = "Delete policy \(policy.name)? It is attached to \(names). IAM refuses to delete a policy while it is attached: detach it first."
        }
        s.policies.modal = .confirmDeletePolicy(ConfirmationState(
            title: "Delete policy", message: message, resourceName: policy.name, confirmLabel: "Delete policy",
            requireTypedName: true), arn: policy.arn)
    }

    private static func confirmDeleteVersion(_ s: inout ConsoleState, _ detail: PolicyDetailState, _ version: PolicyVersionDocument) {
        guard !detail.isAWSManaged, !version.isDefault else { return }
        let current = detail.defaultVersion?.versionID ?? "the default"
        s.policies.modal = .confirmDeleteVersion(ConfirmationState(
            title: "Delete version",
            message: "Delete version \(version.versionID) of \(detail.name)? Its document goes with it; the default version, \(current), stays.",
            resourceName: version.versionID, confirmLabel: "Delete version"), arn: detail.arn, versionID: version.versionID)
    }

    // MARK: - Keys

    private static func dialogKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard let modal = s.policies.modal else { return [] }
        switch modal {
        case .create(var form, let document, let problem):
            let outcome = form.handle(event, validator: createValidator)
            s.policies.modal = .create(form, document: document, problem: problem)
            switch outcome {
            case .submitted(let values):
                let index = values.choiceIndex("document") ?? 0
                let text: String
                if let document, index == 0 {
                    text = document
                } else {
                    let template = PolicyTemplate(rawValue: index - (document == nil ? 0 : 1)) ?? .readBucket
                    text = template.document(accountID: s.accountID, region: s.region)
                }
                let purpose = PolicyDocumentPurpose.create(name: values.text("name"), description: values.text("description"))
                return [.policies(.editDocument(purpose, text: text))]
            case .cancelled:
                s.policies.modal = nil
            default:
                break
            }
        case .rejectedVersion(let arn, let document, _):
            switch event.key {
            case "enter", "e": return [.policies(.editDocument(.newVersion(arn: arn), text: document))]
            case "esc":
                s.policies.modal = nil
                s.toast("Dropped the edited document; \(PoliciesReducer.policyName(s, arn)) is unchanged.", kind: .info)
            default: break
            }
        case .versions(let selected):
            return versionsKey(&s, selected, event)
        case .confirmDeletePolicy(var confirmation, let arn):
            let outcome = confirmation.handle(event)
            s.policies.modal = .confirmDeletePolicy(confirmation, arn: arn)
            return confirmed(&s, outcome, .deletePolicyConfirmed(arn: arn))
        case .confirmDeleteVersion(var confirmation, let arn, let versionID):
            let outcome = confirmation.handle(event)
            s.policies.modal = .confirmDeleteVersion(confirmation, arn: arn, versionID: versionID)
            return confirmed(&s, outcome, .deleteVersionConfirmed(arn: arn, versionID: versionID))
        }
        return []
    }

    private static func versionsKey(_ s: inout ConsoleState, _ selected: Int, _ event: KeyEvent) -> [ConsoleEffect] {
        guard let detail = s.policies.detail, detail.versions.indices.contains(selected) else {
            s.policies.modal = nil
            return []
        }
        let version = detail.versions[selected]
        switch event.key {
        case "j", "down":
            s.policies.modal = .versions(selected: min(selected + 1, detail.versions.count - 1))
        case "k", "up":
            s.policies.modal = .versions(selected: max(selected - 1, 0))
        case "enter":
            s.policies.modal = nil
            s.policies.detail?.shownVersionID = version.versionID
            s.policies.detail?.scroll = 0
        case "d":
            if let refusal = PolicyWording.makeDefaultRefusal(detail, version) {
                s.toast("Make default: \(refusal).", kind: .warning)
                return []
            }
            s.policies.detail?.shownVersionID = version.versionID
            return [.policies(.setDefaultVersion(arn: detail.arn, versionID: version.versionID))]
        case "x", "delete":
            if let refusal = PolicyWording.deleteVersionRefusal(detail, version) {
                s.toast("Delete version: \(refusal).", kind: .warning)
                return []
            }
            confirmDeleteVersion(&s, detail, version)
        case "esc", "v":
            s.policies.modal = nil
        default:
            break
        }
        return []
    }

    private static func confirmed(_ s: inout ConsoleState, _ outcome: ConfirmationOutcome,
                                  _ action: PoliciesAction) -> [ConsoleEffect] {
        switch outcome {
        case .confirmed: return reduce(&s, action)
        case .cancelled: s.policies.modal = nil
        case .refused(let reason): s.toast(reason, kind: .warning)
        case .changed, .ignored: break
        }
        return []
    }
}
