import CloudEngine
import Foundation
import TerminalUI

/// Draws one user or group: its summary, the tabs, and the tab's content.
enum IdentityDetailView {
    /// Where things go in the body: the reducer pages by the same numbers the view draws.
    static func areas(_ detail: IdentityDetailState, body: Rect) -> IAMDetailAreas {
        IAMDetailAreas(body: body, detail.tab == .permissions ? .permissions(count: detail.permissions.count) : .plain)
    }

    static func documentHeight(_ detail: IdentityDetailState, _ layout: ConsoleLayout) -> Int {
        areas(detail, body: layout.body).document.height
    }

    static func draw(_ buffer: inout ScreenBuffer, _ detail: IdentityDetailState, focused: Bool, in body: Rect) {
        let areas = Self.areas(detail, body: body)
        guard let data = detail.data else {
            let message = detail.error.map { "✗ " + $0.description } ?? "Loading \(detail.name)…"
            buffer.write(message, in: areas.summary.row(0), role: detail.error == nil ? .dim : .error)
            return
        }
        drawSummary(&buffer, data, in: areas.summary)
        let titles = detail.tabs.map { tab -> String in
            switch tab {
            case .permissions: return "\(tab.title) (\(data.permissions.count))"
            case .groups: return "\(tab.title) (\(data.groups.count))"
            case .accessKeys: return "\(tab.title) (\(data.keys.count))"
            case .members: return "\(tab.title) (\(data.members.count))"
            case .tags: return tab.title
            }
        }
        IAMDetailParts.drawTabs(&buffer, titles, current: detail.tabs.firstIndex(of: detail.tab) ?? 0, in: areas.tabs)
        switch detail.tab {
        case .permissions:
            PermissionsView.draw(&buffer, detail.permissions, index: detail.permissionIndex, scroll: detail.documentScroll,
                                 focused: focused, owner: detail.entity.kind.rawValue, list: areas.list,
                                 document: areas.document, content: areas.content)
        case .groups:
            drawNames(&buffer, data.groups, index: detail.rowIndex, focused: focused, header: "Group",
                      empty: "\(detail.name) is in no group. Press a to add it to one; it then gets the group's permissions.",
                      in: areas.content)
        case .members:
            drawNames(&buffer, data.members, index: detail.rowIndex, focused: focused, header: "User",
                      empty: "No members. Press a to add a user; members get the group's permissions.", in: areas.content)
        case .accessKeys:
            AccessKeysView.draw(&buffer, data.keys, index: detail.rowIndex, focused: focused, in: areas.content)
        case .tags:
            IAMDetailParts.drawTags(&buffer, data.tags, in: areas.content)
        }
    }

    private static func drawSummary(_ buffer: inout ScreenBuffer, _ data: IdentityDetailData, in area: Rect) {
        IAMDetailParts.drawField(&buffer, "ARN", data.arn, role: .link, in: area.row(0))
        IAMDetailParts.drawField(&buffer, "Created", ConsoleFormat.dateTime(data.createdAt) + " · path " + data.path, in: area.row(1))
        switch data.entity.kind {
        case .group:
            IAMDetailParts.drawField(&buffer, "Members", data.members.isEmpty ? "none" : data.members.joined(separator: ", "),
                                     in: area.row(2))
        case .user, .role:
            let used = data.keys.compactMap { $0.lastUsed?.lastUsedAt }.max().map { "last used " + ConsoleFormat.dateTime($0) }
                ?? "no key used yet"
            let active = data.keys.filter { $0.key.status == .active }.count
            let keys = data.keys.isEmpty ? "no access keys" : "\(PermissionDialogs.count(data.keys.count, "key")) (\(active) active) · \(used)"
            IAMDetailParts.drawField(&buffer, "Access", keys, in: area.row(2))
        }
    }

    private static func drawNames(_ buffer: inout ScreenBuffer, _ names: [String], index: Int, focused: Bool, header: String,
                                  empty: String, in area: Rect) {
        guard !names.isEmpty else {
            IAMDetailParts.drawWrapped(&buffer, empty, in: area)
            return
        }
        buffer.write(header, in: area.row(0), role: .header, fill: true)
        let rows = area.inset(top: 1)
        let top = min(max(0, index - rows.height + 1), max(0, names.count - rows.height))
        for (line, position) in (top..<min(names.count, top + rows.height)).enumerated() {
            let role: StyleRole = position == index ? (focused ? .selection : .selectionInactive) : .normal
            buffer.write(" " + names[position], in: rows.row(line), role: role, fill: true)
        }
    }
}

/// A user's access keys: id, status, created, last used.
enum AccessKeysView {
    static let columns = [
        TableColumn("Access key ID", width: .fixed(20)),
        TableColumn("Status", width: .fixed(8)),
        TableColumn("Created", width: .fixed(16)),
        TableColumn("Last used", width: .flexible(min: 9)),
    ]

    static func draw(_ buffer: inout ScreenBuffer, _ keys: [AccessKeyRow], index: Int, focused: Bool, in area: Rect) {
        guard !keys.isEmpty else {
            IAMDetailParts.drawWrapped(&buffer, "No access keys. Press n to create one for the AWS CLI or an SDK (at most 2 per user).",
                                       in: area)
            return
        }
        let widths = ColumnWidth.layout(columns.map(\.width), total: max(0, area.width - 2))
        var header = " "
        for (column, width) in zip(columns, widths) { header += column.title.padded(toWidth: width) + " " }
        buffer.write(header, in: area.row(0), role: .header, fill: true)
        for (line, row) in keys.enumerated() where line + 1 < area.height {
            let used = row.lastUsed.flatMap { used in
                used.lastUsedAt.map { ConsoleFormat.dateTime($0) + " · \(used.serviceName) · \(used.region)" }
            } ?? "never"
            let cells = [row.key.accessKeyID, row.key.status.rawValue, ConsoleFormat.dateTime(row.key.createdAt), used]
            let selected = line == index
            let role: StyleRole = selected ? (focused ? .selection : .selectionInactive) : row.key.status == .inactive ? .dim : .normal
            let target = area.row(line + 1)
            buffer.fill(target, role: role)
            var x = target.x + 1
            for (cell, width) in zip(cells, widths) {
                buffer.write(cell, in: Rect(x: x, y: target.y, width: width, height: 1), role: role)
                x += width + 1
            }
        }
        let hint = "At most 2 keys per user. Inactive keys can't sign requests."
        if keys.count + 2 < area.height {
            buffer.write(hint, in: area.row(keys.count + 2), role: .dim)
        }
    }
}
