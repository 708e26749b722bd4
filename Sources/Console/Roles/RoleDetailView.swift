import CloudEngine
import Foundation
import TerminalUI

/// Draws one role: its summary, the tabs, and the tab's content (permissions with the selected document,
/// the trust policy, the functions that run as it, its tags).
enum RoleDetailView {
    /// Where things go in the body: the reducer pages by the same numbers the view draws.
    static func areas(_ detail: RoleDetailState, body: Rect) -> IAMDetailAreas {
        switch detail.tab {
        case .permissions: return IAMDetailAreas(body: body, .permissions(count: detail.permissions.count))
        case .trust: return IAMDetailAreas(body: body, .document)
        case .usedBy, .tags: return IAMDetailAreas(body: body, .plain)
        }
    }

    static func documentHeight(_ detail: RoleDetailState, _ layout: ConsoleLayout) -> Int {
        areas(detail, body: layout.body).document.height
    }

    /// The lines of the document the tab shows.
    static func documentLines(_ detail: RoleDetailState) -> [[TextSpan]] {
        switch detail.tab {
        case .permissions: return PermissionsView.documentLines(detail.selectedPermission)
        case .trust: return detail.data.map { PolicyDocumentLines.lines($0.role.trustPolicy) } ?? []
        case .usedBy, .tags: return []
        }
    }

    static func draw(_ buffer: inout ScreenBuffer, _ detail: RoleDetailState, focused: Bool, in body: Rect) {
        let areas = Self.areas(detail, body: body)
        guard let data = detail.data else {
            let message = detail.error.map { "✗ " + $0.description } ?? "Loading \(detail.name)…"
            buffer.write(message, in: areas.summary.row(0), role: detail.error == nil ? .dim : .error)
            return
        }
        drawSummary(&buffer, data.role, in: areas.summary)
        drawTabs(&buffer, detail.tab, count: data.permissions.count, in: areas.tabs)
        switch detail.tab {
        case .permissions: drawPermissions(&buffer, detail, focused: focused, areas)
        case .trust: drawTrust(&buffer, detail, data, areas)
        case .usedBy: drawUsedBy(&buffer, data, in: areas.content)
        case .tags: IAMDetailParts.drawTags(&buffer, data.role.tags, in: areas.content)
        }
    }

    private static func drawSummary(_ buffer: inout ScreenBuffer, _ role: IAMRole, in area: Rect) {
        func line(_ row: Int, _ label: String, _ value: String, _ role: StyleRole = .normal) {
            IAMDetailParts.drawField(&buffer, label, value, role: role, in: area.row(row))
        }
        line(0, "ARN", role.arn, .link)
        line(1, "Description", role.description.flatMap { $0.isEmpty ? nil : $0 } ?? "—", role.description == nil ? .dim : .normal)
        let hours = Double(role.maxSessionDuration) / 3600
        let session = hours == hours.rounded() ? "\(Int(hours)) h" : "\(role.maxSessionDuration / 60) min"
        let used = role.lastUsedAt.map { "last used " + ConsoleFormat.dateTime($0) + (role.lastUsedRegion.map { " in \($0)" } ?? "") }
            ?? "never used"
        line(2, "Max session", "\(session) · created \(ConsoleFormat.dateTime(role.createdAt)) · \(used)")
    }

    private static func drawTabs(_ buffer: inout ScreenBuffer, _ current: RoleTab, count: Int, in row: Rect) {
        let titles = RoleTab.allCases.map { $0 == .permissions ? "\($0.title) (\(count))" : $0.title }
        IAMDetailParts.drawTabs(&buffer, titles, current: current.rawValue, in: row)
    }

    private static func drawPermissions(_ buffer: inout ScreenBuffer, _ detail: RoleDetailState, focused: Bool, _ areas: IAMDetailAreas) {
        PermissionsView.draw(&buffer, detail.permissions, index: detail.permissionIndex, scroll: detail.documentScroll,
                             focused: focused, owner: "role", list: areas.list, document: areas.document, content: areas.content)
    }

    private static func drawTrust(_ buffer: inout ScreenBuffer, _ detail: RoleDetailState, _ data: RoleDetailData, _ areas: IAMDetailAreas) {
        let lines = documentLines(detail)
        PermissionsView.drawDocumentHeading(&buffer, "Trusted: \(TrustPolicies.summary(data.role.trustPolicy)) · e edits",
                            lines: lines.count, scroll: detail.documentScroll, height: areas.document.height,
                            in: areas.content.row(0))
        PolicyDocumentLines.draw(&buffer, lines, scroll: detail.documentScroll, in: areas.document)
    }

    private static func drawUsedBy(_ buffer: inout ScreenBuffer, _ data: RoleDetailData, in area: Rect) {
        guard let functions = data.functions else {
            buffer.write("✗ Could not list functions: \(data.functionsProblem ?? "unknown reason")", in: area.row(0), role: .error)
            return
        }
        guard !functions.isEmpty else {
            buffer.write("No function runs as this role. Choose it as a function's execution role in :functions (c on Configuration).",
                         in: area.row(0), role: .dim)
            return
        }
        buffer.write("Functions whose execution role this is:", in: area.row(0), role: .dim)
        for (index, name) in functions.prefix(max(0, area.height - 1)).enumerated() {
            buffer.write("  λ " + name, in: area.row(index + 1))
        }
    }
}
