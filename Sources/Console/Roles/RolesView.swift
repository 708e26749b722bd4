import CloudEngine
import Foundation
import TerminalUI

/// Draws the Roles panel: the role list, a role's detail, the wizard and the dialogs.
enum RolesView {
    static let listColumns = [
        TableColumn("Role name", width: .flexible(min: 16)),
        TableColumn("Trusted entities", width: .flexible(min: 18)),
        TableColumn("Last used", width: .fixed(16)),
        TableColumn("Created", width: .fixed(16)),
        TableColumn("Path", width: .fixed(8)),
    ]

    static func title(_ state: ConsoleState) -> String {
        if let detail = state.roles.detail { return "Role \(detail.name)" }
        return state.roles.loaded && state.roles.loadError == nil ? "Roles (\(state.roles.roles.count))" : "Roles"
    }

    static func breadcrumb(_ state: ConsoleState) -> [String] {
        var items = ["IAM", "Roles"]
        if let detail = state.roles.detail {
            items.append(detail.name)
            items.append(detail.tab.title)
        }
        return items
    }

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        buffer.render(Breadcrumb(breadcrumb(state)), in: layout.breadcrumb.inset(left: 1))
        let r = state.roles
        let focused = state.focus == .main && r.modal == nil && r.wizard == nil
        if let detail = r.detail {
            RoleDetailView.draw(&buffer, detail, focused: focused, in: layout.body)
            return
        }
        if let error = r.loadError, r.roles.isEmpty {
            let area = layout.body.inset(left: 1, right: 1)
            for (index, line) in TextWrap.lines("✗ " + error.description, width: area.width).prefix(area.height - 1).enumerated() {
                buffer.write(line, in: area.row(index + 1), role: .error)
            }
            return
        }
        buffer.render(TableView(state: r.table, columns: listColumns, focused: focused,
                                emptyMessage: r.loaded ? "No roles yet. Press n to create one." : "Loading roles…",
                                loadingMessage: "Loading roles…"), in: layout.body.inset(left: 1))
    }

    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        let r = state.roles
        var spans: [TextSpan] = [TextSpan(" ")]
        if let detail = r.detail {
            if let error = detail.error, detail.data != nil {
                spans.append(TextSpan("✗ " + error.description, role: .error))
            } else if let arn = detail.data?.role.arn {
                spans.append(TextSpan(arn, role: .link))
            }
            return spans
        }
        let filter = r.table.query.filter
        if !filter.isEmpty {
            spans += [TextSpan("filter ", role: .dim), TextSpan(filter, role: .match),
                      TextSpan(" · \(r.table.rows.count) of \(r.roles.count) · Esc clears", role: .dim)]
        } else if r.loadError != nil {
            spans.append(TextSpan("The roles could not be listed as \(state.identity.label) · :as root acts as the owner", role: .dim))
        } else if r.loaded {
            spans.append(TextSpan("\(r.roles.count) role\(r.roles.count == 1 ? "" : "s") · n creates one", role: .dim))
        }
        return spans
    }

    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        if let wizard = state.roles.wizard {
            RoleWizardView.draw(&buffer, wizard, accountID: state.accountID, layout)
            return
        }
        guard let modal = state.roles.modal else { return }
        let area = PermissionDialogs.dialogArea(state, layout)
        let wide = min(96, max(72, area.width - 8))
        switch modal {
        case .attach(let picker, let role):
            PermissionDialogs.drawAttach(&buffer, picker, owner: role, in: RoleWizardView.frame(layout))
        case .inlineForm(let form, _):
            buffer.render(FormView(state: form).modal(width: wide), in: area)
        case .documentRefused(let message, _):
            PermissionDialogs.drawRefused(&buffer, message: message, in: area)
        case .confirmDetach(let confirmation, _, _), .confirmDeleteRole(let confirmation, _):
            buffer.render(ConfirmationView(state: confirmation).modal, in: area)
        case .working(let title, let message):
            PermissionDialogs.drawWorking(&buffer, title: title, message: message, in: area)
        }
    }
}
