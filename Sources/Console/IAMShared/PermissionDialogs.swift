import CloudEngine
import TerminalUI

/// The permission dialogs every IAM panel opens in the same way: attach, detach or delete, the editor's refusal.
enum PermissionDialogs {
    /// The picker for attaching to an owner that already has `permissions` (those are shown as attached).
    static func picker(excluding permissions: [EntityPermission]) -> PolicyPickerState {
        var picker = PolicyPickerState()
        for permission in permissions {
            if case .managed(let arn, _) = permission.kind { picker.unavailable[arn] = "attached" }
        }
        return picker
    }

    /// Detaching a managed policy, or deleting an inline one, from `owner`.
    static func detachConfirmation(_ permission: EntityPermission, owner: String) -> ConfirmationState {
        let what = permission.isInline ? "Delete the inline policy \(permission.name) of \(owner)? It cannot be recovered."
            : "Detach \(permission.name) from \(owner)? The policy itself stays."
        return ConfirmationState(title: permission.isInline ? "Delete inline policy" : "Detach policy", message: what,
                                 resourceName: permission.name, confirmLabel: permission.isInline ? "Delete" : "Detach",
                                 requireTypedName: false)
    }

    /// "detaches 1 managed policy (X)", "deletes 2 inline policies (a, b)": what deleting the owner does first.
    static func holdings(_ permissions: [EntityPermission]) -> [String] {
        let managed = permissions.filter { !$0.isInline }.map(\.name)
        let inline = permissions.filter(\.isInline).map(\.name)
        var parts: [String] = []
        if !managed.isEmpty { parts.append("detaches \(count(managed.count, "managed polic", "y", "ies")) (\(managed.joined(separator: ", ")))") }
        if !inline.isEmpty { parts.append("deletes \(count(inline.count, "inline polic", "y", "ies")) (\(inline.joined(separator: ", ")))") }
        return parts
    }

    /// "1 group", "2 groups": a count with its noun.
    static func count(_ n: Int, _ stem: String, _ one: String = "", _ many: String = "s") -> String {
        "\(n) \(stem)\(n == 1 ? one : many)"
    }

    /// The inline policy under the cursor, ready for the editor; nil when it is a managed policy.
    static func inlineEdit(_ permission: EntityPermission?, of entity: IAMEntity) -> PolicyDocumentEdit? {
        guard let permission, permission.isInline else { return nil }
        return PolicyDocumentEdit(target: .inlinePolicy(entity: entity, name: permission.name),
                                  text: PolicyDocumentLines.pretty(permission.document ?? "") + "\n")
    }

    /// Whether the editor gave back the inline policy as it was (then nothing is saved).
    static func isUnchanged(_ permissions: [EntityPermission], name: String, text: String) -> Bool {
        guard let existing = permissions.first(where: { $0.isInline && $0.name == name })?.document else { return false }
        return PolicyDocumentLines.pretty(existing) == PolicyDocumentLines.pretty(text)
    }

    // MARK: - The editor's text was refused

    enum RefusedOutcome: Equatable {
        case editAgain
        case discarded
        case ignored
    }

    /// Enter (or e) edits the refused text again; Esc discards it.
    static func refusedKey(_ event: KeyEvent) -> RefusedOutcome {
        switch event.key {
        case .enter?, "e": return .editAgain
        case .escape?: return .discarded
        default: return .ignored
        }
    }

    static let discardedMessage = "Discarded the edited document; nothing was saved."

    static func drawRefused(_ buffer: inout ScreenBuffer, message: String, in area: Rect) {
        let lines = TextWrap.lines(message, width: 60).map { [TextSpan($0, role: .error)] }
            + [[], [TextSpan("Enter edits it again with your text kept · Esc discards it", role: .dim)]]
        buffer.render(Modal(title: "The document was refused", size: Modal<MessageView>.size(forContent: Size(width: 62, height: lines.count)),
                            content: MessageView(lines: lines)), in: area)
    }

    /// The picker for attaching policies to `owner`, over the whole panel.
    static func drawAttach(_ buffer: inout ScreenBuffer, _ picker: PolicyPickerState, owner: String, in frame: Rect) {
        buffer.fill(frame)
        buffer.drawBox(frame, role: .modalBorder, title: "Attach policies to \(owner)")
        buffer.render(PolicyPickerView(state: picker,
                                       heading: "Space marks several · Enter attaches the marked (or the cursor's)"),
                      in: frame.inset(top: 1, left: 2, bottom: 1, right: 2))
    }

    /// A one-line "please wait" dialog.
    static func drawWorking(_ buffer: inout ScreenBuffer, title: String, message: String, in area: Rect) {
        buffer.render(Modal(title: title, size: Modal<MessageView>.size(forContent: Size(width: 56, height: 1)),
                            content: MessageView(lines: [[TextSpan(message)]])), in: area)
    }

    /// The area dialogs are centred in: between the header and the footer.
    static func dialogArea(_ state: ConsoleState, _ layout: ConsoleLayout) -> Rect {
        Rect(x: 0, y: layout.app.header.maxY, width: state.size.width, height: max(0, layout.app.footer.y - layout.app.header.maxY))
    }
}
