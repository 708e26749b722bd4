import CloudEngine
import Foundation
import TerminalUI

/// Draws one policy: its facts, its versions, where it is attached, and the shown version's document.
enum PolicyDetailView {
    /// Rows above the document's lines: ARN, type, description, dates, attachments, versions, and the document's header.
    static let factRows = 7
    static let labelWidth = 13

    /// The document lines the body shows at once (the reducer scrolls by it).
    static func documentHeight(_ layout: ConsoleLayout) -> Int {
        max(1, layout.body.height - factRows)
    }

    static func draw(_ buffer: inout ScreenBuffer, _ detail: PolicyDetailState, in body: Rect) {
        let area = body.inset(left: 1, right: 1)
        if let error = detail.error, detail.versions.isEmpty {
            buffer.write("✗ " + error.description, in: area.row(0), role: .error)
            return
        }
        guard let policy = detail.policy else {
            buffer.write("Loading \(detail.name)…", in: area.row(0), role: .dim)
            return
        }
        fact(&buffer, "ARN", policy.arn, in: area.row(0), role: .link)
        fact(&buffer, "Type", (policy.isAWSManaged ? "AWS managed (read-only)" : "Customer managed")
             + " · default version \(policy.defaultVersionID)", in: area.row(1))
        fact(&buffer, "Description", policy.description.flatMap { $0.isEmpty ? nil : $0 } ?? "(none)", in: area.row(2),
             role: policy.description?.isEmpty == false ? .normal : .dim)
        fact(&buffer, "Created", "\(ConsoleFormat.dateTime(policy.createdAt)) · updated \(ConsoleFormat.dateTime(policy.updatedAt))",
             in: area.row(3))
        fact(&buffer, "Attached to", attachedText(detail, policy), in: area.row(4),
             role: detail.attachments?.isEmpty == false ? .normal : .dim)
        drawVersions(&buffer, detail, in: area.row(5))
        drawDocument(&buffer, detail, in: area.inset(top: factRows - 1))
    }

    private static func fact(_ buffer: inout ScreenBuffer, _ label: String, _ value: String, in row: Rect,
                             role: StyleRole = .normal) {
        let (left, right) = row.splitLeft(labelWidth)
        buffer.write(label, in: left, role: .fieldLabel)
        buffer.write(value, in: right, role: role)
    }

    static func attachedText(_ detail: PolicyDetailState, _ policy: IAMManagedPolicy) -> String {
        guard let attachments = detail.attachments else {
            return policy.attachmentCount == 0 ? "nothing" : "\(policy.attachmentCount) (not allowed to list them)"
        }
        if attachments.isEmpty { return "nothing yet: attach it to a role, user or group" }
        return PolicyWording.entities(attachments)
    }

    private static func drawVersions(_ buffer: inout ScreenBuffer, _ detail: PolicyDetailState, in row: Rect) {
        let (left, right) = row.splitLeft(labelWidth)
        buffer.write("Versions", in: left, role: .fieldLabel)
        let shown = detail.shownVersion?.versionID
        var spans: [TextSpan] = []
        for version in detail.versions {
            let label = version.isDefault ? "\(version.versionID) (default)" : version.versionID
            spans.append(TextSpan(" \(label) ", role: version.versionID == shown ? .selection : .dim))
            spans.append(TextSpan(" "))
        }
        let hint = detail.versions.count > 1 ? "[ ] switch · v list" : "v list"
        // The hint goes only where it fits whole; the versions themselves are cut with … if they must be.
        if spans.displayWidth + hint.displayWidth <= right.width { spans.append(TextSpan(hint, role: .dim)) }
        buffer.write(spans.truncated(toWidth: right.width), in: right)
    }

    private static func drawDocument(_ buffer: inout ScreenBuffer, _ detail: PolicyDetailState, in area: Rect) {
        guard let version = detail.shownVersion else {
            buffer.write("Loading the document…", in: area.row(0), role: .dim)
            return
        }
        let lines = version.lines
        let height = max(1, area.height - 1)
        let first = min(detail.scroll, max(0, lines.count - 1))
        let last = min(lines.count, first + height)
        var header = "Document · \(version.versionID)\(version.isDefault ? " (default)" : "") · \(lines.count) line\(lines.count == 1 ? "" : "s")"
        if lines.count > height { header += " · \(first + 1)–\(last) (j/k, PgUp/PgDn)" }
        buffer.write(header, in: area.row(0), role: .dim)
        let text = area.inset(top: 1)
        let gutter = max(3, String(lines.count).count) + 1
        var y = 0
        var index = first
        while index < lines.count, y < text.height {
            let number = String(index + 1)
            buffer.write(String(repeating: " ", count: gutter - 1 - number.count) + number,
                         in: Rect(x: text.x, y: text.y + y, width: gutter, height: 1), role: .dim)
            let row = text.row(y).inset(left: gutter + 1)
            // A line wider than the panel is cut, and says so.
            buffer.write(lines[index].truncated(toWidth: row.width), in: row)
            y += 1
            index += 1
        }
    }
}
