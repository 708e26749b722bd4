import CloudEngine
import Foundation
import TerminalUI

/// The Policies panel's reducer: what each action does to `ConsoleState.policies`, and the effects it asks for.
/// Every toast the panel shows is worded here.
enum PoliciesReducer {
    static func reduce(_ s: inout ConsoleState, _ action: PoliciesAction) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        switch action {
        // MARK: Navigation
        case .table(let command):
            if s.policies.screen == .list {
                if let request = s.policies.table.apply(command, pageSize: pageSize) { answerTable(&s, request) }
                return []
            }
            return reduce(&s, .scrolled(PreviewScroll(command)))
        case .openPressed:
            guard s.policies.screen == .list, let policy = s.policies.selectedPolicy else { return [] }
            s.policies.detail = PolicyDetailState(arn: policy.arn, policy: policy)
            s.filterInput = nil
            return [.policies(.loadDetail(arn: policy.arn))]
        case .typeFilterToggled:
            s.policies.typeFilter = s.policies.typeFilter.next
            rebuildTable(&s)
            return []
        case .filterChanged(let text):
            guard s.policies.screen == .list else { return [] }
            answerTable(&s, s.policies.table.setFilter(text, pageSize: pageSize))
            return []
        case .scrolled(let scroll):
            applyScroll(&s, scroll)
            return []
        case .versionMoved(let delta):
            guard var detail = s.policies.detail, !detail.versions.isEmpty else { return [] }
            let current = detail.versions.firstIndex { $0.versionID == detail.shownVersion?.versionID } ?? 0
            let next = min(max(0, current + delta), detail.versions.count - 1)
            detail.shownVersionID = detail.versions[next].versionID
            detail.scroll = 0
            s.policies.detail = detail
            return []

        // MARK: Dialogs and commands
        case .versionsPressed, .newPressed, .makeDefaultPressed, .deletePressed, .deleteVersionPressed, .dialogKeyPressed,
             .deletePolicyConfirmed, .deleteVersionConfirmed, .attachmentsLoaded:
            return PoliciesDialogs.reduce(&s, action)
        case .editPressed:
            guard let detail = s.policies.detail, !detail.isAWSManaged, let version = detail.defaultVersion else { return [] }
            let text = JSONLayout.pretty(version.version.document).map { $0 + "\n" } ?? version.version.document
            return [.policies(.editDocument(.newVersion(arn: detail.arn), text: text))]

        // MARK: Results
        case .policiesLoaded(let policies):
            s.policies.policies = policies
            s.policies.loaded = true
            s.policies.loadError = nil
            rebuildTable(&s)
            return []
        case .policiesLoadFailed(let error):
            s.policies.loadError = error
            s.policies.loaded = true
            if !s.policies.policies.isEmpty { s.toast(error) }
            return []
        case .detailLoaded(let data):
            receiveDetail(&s, data)
            return []
        case .detailLoadFailed(let arn, let error):
            guard s.policies.detail?.arn == arn else { return [] }
            // Deleted meanwhile (here or in another process): back to the list, saying why.
            if error.code == "NoSuchEntity", let name = s.policies.detail?.name {
                s.policies.detail = nil
                s.policies.modal = nil
                s.toast("Policy \(name) no longer exists: it was deleted.", kind: .warning)
                return []
            }
            s.policies.detail?.error = error
            return []
        case .documentEdited(let purpose, let text):
            return PoliciesDialogs.documentEdited(&s, purpose, text)
        case .documentUnchanged(let purpose):
            if case .newVersion(let arn) = purpose {
                s.toast("No changes to \(policyName(s, arn)): no new version was made.", kind: .info)
            }
            return []
        case .editorFailed(_, let error):
            s.toast(error)
            return []
        case .documentNotText:
            s.toast("The edited document is not UTF-8 text; nothing was saved.", kind: .error)
            return []
        case .policyCreated(let policy):
            s.policies.modal = nil
            s.toast("Created policy \(policy.name).")
            s.policies.detail = PolicyDetailState(arn: policy.arn, policy: policy)
            return [] // the change feed reloads the list and the new policy's detail
        case .policyCreateFailed(let error, let document):
            return PoliciesDialogs.createFailed(&s, error, document: document)
        case .versionCreated(let arn, let version):
            if case .rejectedVersion = s.policies.modal { s.policies.modal = nil }
            s.toast("Created version \(version.versionID) of \(policyName(s, arn)); it is now the default.")
            if s.policies.detail?.arn == arn {
                s.policies.detail?.shownVersionID = version.versionID
                s.policies.detail?.scroll = 0
            }
            return []
        case .versionCreateFailed(let arn, let error, let document):
            return PoliciesDialogs.versionFailed(&s, arn: arn, error, document: document)
        case .defaultVersionSet(let arn, let versionID):
            s.toast("\(versionID) is now the default version of \(policyName(s, arn)).")
            return []
        case .versionDeleted(let arn, let versionID):
            s.toast("Deleted version \(versionID) of \(policyName(s, arn)).")
            if s.policies.detail?.arn == arn, s.policies.detail?.shownVersionID == versionID {
                s.policies.detail?.shownVersionID = nil
            }
            return []
        case .policyDeleted(let arn, let name):
            s.toast("Deleted policy \(name).")
            if s.policies.detail?.arn == arn { s.policies.detail = nil }
            return []
        case .actionFailed(let error):
            s.toast(error)
            return []
        }
    }

    // MARK: - Shell hooks

    static func opened(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = [.policies(.listPolicies)]
        if let arn = s.policies.detail?.arn { effects.append(.policies(.loadDetail(arn: arn))) }
        return effects
    }

    static func back(_ s: inout ConsoleState) -> [ConsoleEffect] {
        if !currentFilter(s).isEmpty { return reduce(&s, .filterChanged("")) }
        if let arn = s.policies.detail?.arn {
            s.policies.detail = nil
            s.policies.table.select(id: arn, pageSize: ConsoleLayout(s).tablePageSize)
        }
        return []
    }

    static func refresh(_ s: inout ConsoleState) -> [ConsoleEffect] { opened(&s) }

    /// IAM changed (here or in another process): reload the list and the open policy.
    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard s.service == .policies, topics.contains(.iam) else { return [] }
        return opened(&s)
    }

    static func currentFilter(_ s: ConsoleState) -> String {
        s.policies.screen == .list ? s.policies.table.query.filter : ""
    }

    /// The policy's name, from the list or the open detail, else from its ARN.
    static func policyName(_ s: ConsoleState, _ arn: String) -> String {
        s.policies.policies.first { $0.arn == arn }?.name ?? IAMManagedPolicy.name(fromARN: arn)
    }

    // MARK: - Helpers

    private static func receiveDetail(_ s: inout ConsoleState, _ data: PolicyDetailData) {
        guard var detail = s.policies.detail, detail.arn == data.policy.arn else { return }
        detail.policy = data.policy
        detail.versions = data.versions
        detail.attachments = data.attachments
        detail.error = nil
        if let shown = detail.shownVersionID, !data.versions.contains(where: { $0.versionID == shown }) {
            detail.shownVersionID = nil
            detail.scroll = 0
        }
        s.policies.detail = detail
        if case .versions(let selected) = s.policies.modal {
            s.policies.modal = .versions(selected: min(selected, max(0, data.versions.count - 1)))
        }
        applyScroll(&s, .lines(0))
    }

    private static func applyScroll(_ s: inout ConsoleState, _ scroll: PreviewScroll) {
        guard var detail = s.policies.detail else { return }
        let height = PolicyDetailView.documentHeight(ConsoleLayout(s))
        detail.scroll = scroll.moved(detail.scroll, height: height,
                                     maxTop: max(0, (detail.shownVersion?.lines.count ?? 0) - height))
        s.policies.detail = detail
    }
}
