import CloudEngine
import Foundation
import TerminalUI

/// Draws the Policies panel: the policy list, a policy, and its dialogs.
enum PoliciesView {
    static let listColumns = [
        TableColumn("Name", width: .flexible(min: 22)),
        TableColumn("Type", width: .fixed(16)),
        TableColumn("Attached", width: .fixed(8), alignment: .right),
        // Hidden at 80 columns, where the names need the room.
        TableColumn("Description", width: .flexible(min: 16)),
    ]

    static func title(_ state: ConsoleState) -> String {
        let p = state.policies
        switch p.screen {
        case .list: return p.loaded ? "Policies (\(p.shownPolicies.count))" : "Policies"
        case .policy: return "Policy \(p.detail?.name ?? "")"
        }
    }

    static func breadcrumb(_ state: ConsoleState) -> [String] {
        var items = ["IAM", "Policies"]
        if let detail = state.policies.detail {
            items.append(detail.name)
            if let version = detail.shownVersion { items.append(version.versionID) }
        }
        return items
    }

    // MARK: - Panel

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        buffer.render(Breadcrumb(breadcrumb(state)), in: layout.breadcrumb.inset(left: 1))
        let p = state.policies
        let focused = state.focus == .main && p.modal == nil
        switch p.screen {
        case .list:
            if let error = p.loadError, p.policies.isEmpty {
                buffer.write("✗ " + error.description, in: layout.body.inset(left: 1).row(1), role: .error)
                return
            }
            buffer.render(TableView(state: p.table, columns: listColumns, focused: focused,
                                    emptyMessage: p.loaded ? emptyMessage(p) : "Loading policies…",
                                    loadingMessage: "Loading policies…"), in: layout.body.inset(left: 1))
        case .policy:
            guard let detail = p.detail else { return }
            PolicyDetailView.draw(&buffer, detail, in: layout.body)
        }
    }

    /// What an empty list says, and what to do about it (a filter that matches nothing is the table's to say).
    static func emptyMessage(_ p: PoliciesState) -> String {
        switch p.typeFilter {
        case .customerManaged: return "No customer managed policies yet. Press n to create one."
        case .awsManaged: return "No AWS managed policies. Press t to show all types."
        case .all: return "No policies. Press n to create one."
        }
    }

    /// The line under the panel, cut with … to the panel's width.
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        ([TextSpan(" ")] + status(state.policies)).truncated(toWidth: ConsoleLayout(state).status.width)
    }

    private static func status(_ p: PoliciesState) -> [TextSpan] {
        switch p.screen {
        case .list:
            var spans = [TextSpan(p.typeFilter.title, role: p.typeFilter == .all ? .dim : .match), TextSpan(" (t)", role: .dim)]
            let filter = p.table.query.filter
            if !filter.isEmpty {
                spans += [TextSpan(" · filter ", role: .dim), TextSpan(filter, role: .match),
                          TextSpan(" · \(p.table.rows.count) of \(p.shownPolicies.count) · Esc clears", role: .dim)]
            } else if p.loaded {
                let count = p.shownPolicies.count
                spans.append(TextSpan(" · \(count) polic\(count == 1 ? "y" : "ies")", role: .dim))
            }
            return spans
        case .policy:
            guard let detail = p.detail, let policy = detail.policy else { return [] }
            let versions = detail.versions.count
            var text = policy.typeTitle + (policy.isAWSManaged ? " (read-only)" : "")
            if versions > 0 { text += " · \(versions) version\(versions == 1 ? "" : "s")" }
            let count = policy.attachmentCount
            text += count == 0 ? " · not attached" : " · \(count) attachment\(count == 1 ? "" : "s")"
            return [TextSpan(text, role: .dim)]
        }
    }

    // MARK: - Dialogs

    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        guard let modal = state.policies.modal else { return }
        let area = Rect(x: 0, y: layout.app.header.maxY, width: state.size.width,
                        height: max(0, layout.app.footer.y - layout.app.header.maxY))
        let wide = min(96, max(72, area.width - 16))
        switch modal {
        case .create(let form, let document, let problem):
            let content = PolicyCreateView(form: form, document: document, problem: problem)
            buffer.render(Modal(title: form.title, size: Modal<PolicyCreateView>.size(
                forContent: Size(width: wide - 4, height: content.preferredHeight(width: wide - 4))), content: content), in: area)
        case .rejectedVersion(let arn, _, let problem):
            let content = DocumentProblemView(problem: problem, keys: [
                [TextSpan("Enter", role: .keyHint), TextSpan(" Edit again (your text is kept)")],
                [TextSpan("Esc", role: .keyHint), TextSpan("   Drop it; the policy stays as it was")],
            ])
            buffer.render(Modal(title: "New version of \(IAMManagedPolicy.name(fromARN: arn)) refused",
                                size: Modal<DocumentProblemView>.size(forContent: Size(width: wide - 4, height: content.preferredHeight(width: wide - 4))),
                                content: content), in: area)
        case .versions(let selected):
            guard let detail = state.policies.detail else { return }
            let items = detail.versions.map { version in
                "\(version.versionID)\(version.isDefault ? " (default)" : "") · created \(ConsoleFormat.dateTime(version.version.createdAt))"
            }
            buffer.render(Modal(title: "Versions of \(detail.name)",
                                size: Modal<ListView>.size(forContent: Size(width: 48, height: max(1, items.count))),
                                content: ListView(items: items, selected: selected, focused: true, role: .normal,
                                                  selectedRole: .selection)), in: area)
        case .confirmDeletePolicy(let confirmation, _), .confirmDeleteVersion(let confirmation, _, _):
            buffer.render(ConfirmationView(state: confirmation).modal, in: area)
        }
    }
}
