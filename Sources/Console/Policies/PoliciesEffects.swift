import CloudEngine
import Foundation

/// The Policies panel's engine calls, run by the effect runner off the UI thread. Results are data; the reducer
/// words them.
struct PoliciesEffects {
    let account: Account
    let caller: Caller
    let editor: ExternalEditor
    let send: @Sendable (ConsoleAction) -> Void

    func perform(_ effect: PoliciesEffect) {
        let iam = account.iam
        func answer(_ action: PoliciesAction) { send(.policies(action)) }
        switch effect {
        case .listPolicies:
            do {
                answer(.policiesLoaded(try iam.listPolicies(caller: caller)))
            } catch {
                answer(.policiesLoadFailed(ConsoleError(error)))
            }
        case .loadDetail(let arn):
            do {
                let policy = try iam.policy(arn, caller: caller)
                let versions = try iam.listPolicyVersions(arn, caller: caller).map(PolicyVersionDocument.init)
                let attachments = try? iam.entities(attachedTo: arn, caller: caller)
                answer(.detailLoaded(PolicyDetailData(policy: policy, versions: versions, attachments: attachments)))
            } catch {
                answer(.detailLoadFailed(arn: arn, ConsoleError(error)))
            }
        case .loadAttachments(let arn):
            answer(.attachmentsLoaded(arn: arn, try? iam.entities(attachedTo: arn, caller: caller)))
        case .editDocument:
            if let action = editor.perform(effect) { send(action) }
        case .createPolicy(let name, let description, let document):
            do {
                answer(.policyCreated(try iam.createPolicy(name, document: document,
                                                           description: description.isEmpty ? nil : description, caller: caller)))
            } catch {
                answer(.policyCreateFailed(ConsoleError(error), document: document))
            }
        case .createVersion(let arn, let document):
            do {
                answer(.versionCreated(arn: arn, try iam.createPolicyVersion(arn, document: document, setAsDefault: true,
                                                                             caller: caller)))
            } catch {
                answer(.versionCreateFailed(arn: arn, ConsoleError(error), document: document))
            }
        case .setDefaultVersion(let arn, let versionID):
            do {
                try iam.setDefaultPolicyVersion(arn, versionID: versionID, caller: caller)
                answer(.defaultVersionSet(arn: arn, versionID: versionID))
            } catch {
                answer(.actionFailed(ConsoleError(error)))
            }
        case .deleteVersion(let arn, let versionID):
            do {
                try iam.deletePolicyVersion(arn, versionID: versionID, caller: caller)
                answer(.versionDeleted(arn: arn, versionID: versionID))
            } catch {
                answer(.actionFailed(ConsoleError(error)))
            }
        case .deletePolicy(let arn):
            deletePolicy(arn)
        }
    }

    /// As the AWS console does: an unattached policy's other versions go first, then the policy. An attached one
    /// is left whole, and IAM's DeleteConflict says why.
    private func deletePolicy(_ arn: String) {
        let iam = account.iam
        do {
            let name = try iam.policy(arn, caller: caller).name
            if (try? iam.entities(attachedTo: arn, caller: caller))?.isEmpty == true {
                for version in try iam.listPolicyVersions(arn, caller: caller) where !version.isDefault {
                    try iam.deletePolicyVersion(arn, versionID: version.versionID, caller: caller)
                }
            }
            try iam.deletePolicy(arn, caller: caller)
            send(.policies(.policyDeleted(arn: arn, name: name)))
        } catch {
            send(.policies(.actionFailed(ConsoleError(error))))
        }
    }
}

extension ExternalEditor {
    /// Runs a policy document edit and says what came of it; nil for other effects.
    func perform(_ effect: PoliciesEffect) -> ConsoleAction? {
        guard case .editDocument(let purpose, let text) = effect else { return nil }
        do {
            let edited = try edit("policy.json", Data(text.utf8))
            guard let document = String(data: edited, encoding: .utf8) else { return .policies(.documentNotText(purpose)) }
            if document == text, case .newVersion = purpose { return .policies(.documentUnchanged(purpose)) }
            return .policies(.documentEdited(purpose, document))
        } catch {
            return .policies(.editorFailed(purpose, ConsoleError(error)))
        }
    }
}
