import CloudEngine
import Foundation
import TerminalUI

/// Draws the Users panel: the Users | Groups tabs over the list shown, or a user's or group's detail.
enum UsersView {
    /// Rows above the list: the Users | Groups line and a blank one.
    static let listTop = 2

    static let userColumns = [
        TableColumn("User name", width: .flexible(min: 14)),
        TableColumn("Groups", width: .flexible(min: 10)),
        TableColumn("Access keys", width: .fixed(12)),
        TableColumn("Last activity", width: .fixed(16)),
        TableColumn("Created", width: .fixed(16)),
    ]

    static let groupColumns = [
        TableColumn("Group name", width: .flexible(min: 14)),
        TableColumn("Members", width: .flexible(min: 12)),
        TableColumn("Policies", width: .fixed(8)),
        TableColumn("Path", width: .fixed(10)),
        TableColumn("Created", width: .fixed(16)),
    ]

    static func title(_ state: ConsoleState) -> String {
        let u = state.users
        if let detail = u.detail { return "\(UsersResults.kindTitle(detail.entity)) \(detail.name)" }
        guard u.loaded else { return u.list.title }
        return u.list == .users ? "Users (\(u.users.count))" : "Groups (\(u.groups.count))"
    }

    static func breadcrumb(_ state: ConsoleState) -> [String] {
        guard let detail = state.users.detail else { return ["IAM", state.users.list.title] }
        return ["IAM", detail.entity.kind == .group ? "Groups" : "Users", detail.name, detail.tab.title]
    }

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        buffer.render(Breadcrumb(breadcrumb(state)), in: layout.breadcrumb.inset(left: 1))
        let u = state.users
        let focused = state.focus == .main && u.modal == nil
        if let detail = u.detail {
            IdentityDetailView.draw(&buffer, detail, focused: focused, in: layout.body)
            return
        }
        let body = layout.body.inset(left: 1)
        drawListTabs(&buffer, u, in: body.row(0))
        let area = body.inset(top: listTop)
        if let error = u.loadError, u.users.isEmpty, u.groups.isEmpty {
            buffer.write("✗ " + error.description, in: area.row(1), role: .error)
            return
        }
        switch u.list {
        case .users:
            buffer.render(TableView(state: u.userTable, columns: userColumns, focused: focused,
                                    emptyMessage: "No users yet. Press n to create one.", loadingMessage: "Loading users…"),
                          in: area)
        case .groups:
            buffer.render(TableView(state: u.groupTable, columns: groupColumns, focused: focused,
                                    emptyMessage: "No groups yet. Press n to create one.",
                                    loadingMessage: "Loading groups…"), in: area)
        }
    }

    /// " Users (3)   Groups (1)    [ ] switch": the list shown is highlighted.
    private static func drawListTabs(_ buffer: inout ScreenBuffer, _ u: UsersState, in row: Rect) {
        let titles = UsersList.allCases.map { list in
            u.loaded ? "\(list.title) (\(list == .users ? u.users.count : u.groups.count))" : list.title
        }
        IAMDetailParts.drawTabs(&buffer, titles, current: u.list.rawValue, in: row)
        let hint = "←/→ switch"
        let used = titles.reduce(0) { $0 + $1.displayWidth + 5 }
        if row.width - used > hint.displayWidth + 2 {
            buffer.write(hint, in: row.splitRight(hint.displayWidth).1, role: .dim)
        }
    }

    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        let u = state.users
        var spans: [TextSpan] = [TextSpan(" ")]
        if let detail = u.detail {
            if let error = detail.error, detail.data != nil {
                spans.append(TextSpan("✗ " + error.description, role: .error))
            } else if let arn = detail.data?.arn {
                spans.append(TextSpan(arn, role: .link))
            }
            return spans
        }
        let filter = u.table.query.filter
        let total = u.list == .users ? u.users.count : u.groups.count
        if !filter.isEmpty {
            spans += [TextSpan("filter ", role: .dim), TextSpan(filter, role: .match),
                      TextSpan(" · \(u.table.rows.count) of \(total) · Esc clears", role: .dim)]
        } else if u.loaded {
            let noun = u.list == .users ? "user" : "group"
            spans.append(TextSpan("\(total) \(noun)\(total == 1 ? "" : "s") · n creates one", role: .dim))
        }
        return spans
    }

    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        guard let modal = state.users.modal else { return }
        let area = PermissionDialogs.dialogArea(state, layout)
        let wide = min(96, max(72, area.width - 8))
        switch modal {
        case .createUser(let form), .createGroup(let form):
            buffer.render(FormView(state: form).modal(width: min(72, area.width - 4)), in: area)
        case .attach(let picker, let entity):
            PermissionDialogs.drawAttach(&buffer, picker, owner: entity.name, in: RoleWizardView.frame(layout))
        case .inlineForm(let form, _):
            buffer.render(FormView(state: form).modal(width: wide), in: area)
        case .documentRefused(let message, _):
            PermissionDialogs.drawRefused(&buffer, message: message, in: area)
        case .chooseGroup(let choice, _), .chooseMember(let choice, _):
            buffer.render(Modal(title: choice.title, size: NameChoiceView.size(choice, in: area), content: NameChoiceView(state: choice)),
                          in: area)
        case .newKey(let key):
            buffer.render(Modal(title: "Access key created", size: NewKeyView.size(in: area), content: NewKeyView(key: key)), in: area)
        case .confirm(let confirmation, _):
            buffer.render(ConfirmationView(state: confirmation).modal, in: area)
        case .working(let title, let message, _):
            PermissionDialogs.drawWorking(&buffer, title: title, message: message, in: area)
        }
    }
}
