import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

@Suite("Policies panel")
struct PoliciesPanelTests {
    /// A document missing the comma after its second line.
    static let malformed = "{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]\n}\n"
    static let fixed = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]\n}\n"

    /// The next edit saves the fixed document; the box holds what the editor was given.
    static func savesFixed(_ script: FunctionsEditorScript) -> LockedBox<String> {
        let seen = LockedBox<String>("")
        script.next { _, data in
            seen.set(String(decoding: data, as: UTF8.self))
            return Data(Self.fixed.utf8)
        }
        return seen
    }

    // MARK: - List

    @Test("/ filters by name (not description), t cycles all / AWS managed / customer managed, and the status line says which")
    func filterAndTypeToggle() throws {
        let f = try PoliciesFixture()
        try f.sample()
        f.openPanel()
        let all = f.state.table.rows.count
        #expect(all > 100)
        #expect(f.screen.contains("all types (t)"))

        f.filter("orders")
        #expect(f.state.table.rows.map(\.cells[0]) == ["orders-read"])
        #expect(f.screen.contains("filter orders · 1 of \(all) · Esc clears"))
        // "CloudWatch Logs" is in AWSLambdaBasicExecutionRole's description, not in any name.
        f.filter("CloudWatch Logs")
        #expect(f.state.table.rows.isEmpty)
        #expect(f.screen.contains("No rows match “CloudWatch Logs”."))
        f.harness.press("esc")
        #expect(f.state.table.query.filter.isEmpty)

        f.harness.press("t")
        #expect(f.state.typeFilter == .awsManaged)
        #expect(f.state.table.rows.allSatisfy { $0.cells[1] == "AWS managed" })
        #expect(f.state.table.rows.count == all - 2)
        #expect(f.screen.contains("AWS managed (t)"))
        f.harness.press("t")
        #expect(f.state.typeFilter == .customerManaged)
        #expect(f.state.table.rows.map(\.cells[0]) == ["logs-writer", "orders-read"])
        #expect(f.state.table.rows.map(\.cells[2]) == ["0", "2"])
        #expect(f.screen.contains("Customer managed (t) · 2 policies"))
        // Type and name filters combine.
        f.filter("logs")
        #expect(f.state.table.rows.map(\.cells[0]) == ["logs-writer"])
        f.harness.press("esc", "t")
        #expect(f.state.typeFilter == .all)
        #expect(f.state.table.rows.count == all)
    }

    // MARK: - Detail

    @Test("Enter opens a policy: its document pretty-printed, its versions, where it is attached; [ ] switch versions")
    func detail() throws {
        let f = try PoliciesFixture()
        try f.sample()
        f.openPanel()
        f.open("orders-read")
        let detail = try #require(f.detail)
        #expect(detail.versions.map(\.versionID) == ["v2", "v1"])
        #expect(detail.shownVersion?.versionID == "v2")
        #expect(detail.attachments == [.role("orders-api"), .user("alice")])
        #expect(f.screen.contains("Attached to  role orders-api and user alice"))
        #expect(f.screen.contains("\"Sid\": \"ReadOrders\","))
        f.harness.press("]")
        #expect(f.detail?.shownVersion?.versionID == "v1")
        #expect(f.screen.contains("Document · v1 · "))
        #expect(f.screen.contains("\"Resource\": \"arn:aws:s3:::orders/*\""))
        f.harness.press("[")
        #expect(f.detail?.shownVersion?.versionID == "v2")
        f.harness.press("esc")
        #expect(f.state.screen == .list)
        #expect(f.state.selectedPolicy?.name == "orders-read")
    }

    // MARK: - Create

    @Test("A malformed document shows line and column and the text is kept; editing it again and fixing it creates the policy")
    func createMalformedThenFixed() throws {
        let script = FunctionsEditorScript()
        let f = try PoliciesFixture(editor: script.editor)
        f.openPanel()
        f.harness.press("n")
        f.harness.type("orders-write")
        f.harness.press("tab")
        f.harness.type("Writes order files")
        script.next { _, _ in Data(Self.malformed.utf8) }
        f.harness.press("enter")

        guard case .create(let form, let document, let problem)? = f.state.modal else {
            Issue.record("the create dialog closed")
            return
        }
        #expect(document == Self.malformed)
        let shown = try #require(problem)
        #expect(shown.message.hasPrefix("MalformedPolicyDocument: "))
        #expect(shown.line == 3)
        #expect(shown.column != nil)
        #expect(shown.lineText == "  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]")
        #expect(f.screen.contains("(line 3, column"))
        #expect(f.screen.contains("Enter edits it again, as you left it"))
        #expect(form.values.text("name") == "orders-write")
        #expect(form.values.text("description") == "Writes order files")
        #expect(form.values.text("document") == "Your document (4 lines)")
        #expect((try? f.iam.policy(f.arn("orders-write"), caller: .root)) == nil)

        // Enter opens the editor on the text as it was left, not on the template.
        let seen = Self.savesFixed(script)
        f.harness.press("enter")
        #expect(seen.value == Self.malformed)
        #expect(f.state.modal == nil)
        #expect(f.lastToast == "Created policy orders-write.")
        let policy = try f.iam.policy(f.arn("orders-write"), caller: .root)
        #expect(policy.description == "Writes order files")
        #expect(try f.iam.policyVersion(policy.arn, versionID: "v1", caller: .root).document == Self.fixed)
        // The new policy opens, loaded by the change feed.
        #expect(f.detail?.name == "orders-write")
        #expect(f.detail?.versions.map(\.versionID) == ["v1"])
        #expect(f.state.policies.contains { $0.name == "orders-write" })
    }

    @Test("A taken name is marked on the name field, and the edited document is kept")
    func createTakenName() throws {
        let script = FunctionsEditorScript()
        let f = try PoliciesFixture(editor: script.editor)
        try f.sample()
        f.openPanel()
        f.harness.press("n")
        f.harness.type("orders-read")
        script.next { _, _ in Data(Self.fixed.utf8) }
        f.harness.press("enter")
        let form = try #require(f.createForm)
        #expect(form.visibleError("name")?.hasPrefix("EntityAlreadyExists: A policy called orders-read already exists.") == true)
        #expect(form.values.text("document") == "Your document (4 lines)")
    }

    // MARK: - Versions

    @Test("e edits the default version and saving makes a new default version; d makes the older one the default again")
    func newVersionAndSetDefault() throws {
        let script = FunctionsEditorScript()
        let f = try PoliciesFixture(editor: script.editor)
        try f.sample()
        f.openPanel()
        f.open("orders-read")
        let seen = Self.savesFixed(script)
        f.harness.press("e")
        // The editor gets the default version's document, laid out for reading.
        #expect(seen.value.contains("\n  \"Statement\": [\n"))
        #expect(seen.value.contains("\"Sid\": \"ReadOrders\""))
        #expect(f.lastToast == "Created version v3 of orders-read; it is now the default.")
        #expect(f.detail?.versions.map(\.versionID) == ["v3", "v2", "v1"])
        #expect(f.detail?.defaultVersion?.versionID == "v3")
        #expect(f.detail?.shownVersion?.versionID == "v3")

        // The versions list: move to v1, make it the default.
        f.harness.press("v")
        f.harness.press("j", "j", "d")
        #expect(f.lastToast == "v1 is now the default version of orders-read.")
        #expect(try f.iam.policy(f.arn("orders-read"), caller: .root).defaultVersionID == "v1")
        f.harness.press("esc")
        #expect(f.detail?.shownVersion?.versionID == "v1")
        #expect(f.screen.contains("v1 (default)"))

        // d on the default version is refused, with the reason.
        f.harness.press("d")
        #expect(f.lastToast == "Make default: v1 is already the default version.")

        // Deleting a non-default version: ] to v… the older ones, x, y.
        f.harness.press("[")
        #expect(f.detail?.shownVersion?.versionID == "v2")
        f.harness.press("x", "y")
        #expect(f.lastToast == "Deleted version v2 of orders-read.")
        #expect(f.detail?.versions.map(\.versionID) == ["v3", "v1"])
    }

    @Test("An unchanged document makes no version; a malformed one offers to edit it again with the text kept")
    func newVersionUnchangedAndMalformed() throws {
        let script = FunctionsEditorScript()
        let f = try PoliciesFixture(editor: script.editor)
        try f.sample()
        f.openPanel()
        f.open("logs-writer")
        script.next { _, data in data }
        f.harness.press("e")
        #expect(f.lastToast == "No changes to logs-writer: no new version was made.")

        script.next { _, _ in Data(Self.malformed.utf8) }
        f.harness.press("e")
        guard case .rejectedVersion(_, let document, let problem)? = f.state.modal else {
            Issue.record("no refusal shown")
            return
        }
        #expect(document == Self.malformed)
        #expect(problem.line == 3)
        #expect(f.screen.contains("New version of logs-writer refused"))
        let seen = Self.savesFixed(script)
        f.harness.press("enter")
        #expect(seen.value == Self.malformed)
        #expect(f.state.modal == nil)
        #expect(f.lastToast == "Created version v2 of logs-writer; it is now the default.")
    }

    @Test("A sixth version is refused with IAM's LimitExceeded, and the toast says what to delete")
    func versionLimit() throws {
        let script = FunctionsEditorScript()
        let f = try PoliciesFixture(editor: script.editor)
        try f.sample()
        for action in ["s3:PutObject", "s3:DeleteObject", "s3:ListBucket"] {
            try f.iam.createPolicyVersion(f.arn("orders-read"), document: PoliciesFixture.allow(action), caller: .root)
        }
        f.openPanel()
        f.open("orders-read")
        script.next { _, _ in Data(Self.fixed.utf8) }
        f.harness.press("e")
        #expect(f.state.modal == nil)
        #expect(f.lastToast.hasPrefix("LimitExceeded: A managed policy can have up to 5 versions."))
        #expect(f.detail?.versions.count == 5)
    }

    @Test("An editor that fails says so, and the create form stays as it was")
    func editorFails() throws {
        let script = FunctionsEditorScript()
        let f = try PoliciesFixture(editor: script.editor)
        f.openPanel()
        f.harness.press("n")
        f.harness.type("orders-write")
        script.next { _, _ in throw ConsoleError(message: "The editor “vi” exited with status 1; nothing was saved.") }
        f.harness.press("enter")
        #expect(f.lastToast == "The editor “vi” exited with status 1; nothing was saved.")
        #expect(f.createForm?.values.text("name") == "orders-write")
        script.next { _, _ in Data([0xff, 0xfe, 0x00]) }
        f.harness.press("enter")
        #expect(f.lastToast == "The edited document is not UTF-8 text; nothing was saved.")
        #expect(f.createForm != nil)
    }

    @Test("A policy deleted elsewhere while open goes back to the list, saying why")
    func deletedElsewhere() throws {
        let f = try PoliciesFixture()
        try f.sample()
        f.openPanel()
        f.open("logs-writer")
        try f.iam.deletePolicy(f.arn("logs-writer"), caller: .root)
        f.harness.settle()
        #expect(f.state.screen == .list)
        #expect(f.lastToast == "Policy logs-writer no longer exists: it was deleted.")
    }

    // MARK: - Read-only and delete

    @Test("AWS managed policies refuse delete, new version and make default, saying why")
    func awsManagedIsReadOnly() throws {
        let f = try PoliciesFixture()
        f.openPanel()
        f.filter("AWSLambdaBasicExecutionRole")
        f.select("AWSLambdaBasicExecutionRole")
        f.harness.press("x")
        #expect(f.state.modal == nil)
        #expect(f.lastToast == "Delete: AWS managed policies can't be changed.")
        f.harness.press("enter")
        f.harness.press("e")
        #expect(f.lastToast == "New version: AWS managed policies can't be changed.")
        f.harness.press("D")
        #expect(f.lastToast == "Delete policy: AWS managed policies can't be changed.")
        #expect(f.screen.contains("AWS managed (read-only)"))
    }

    @Test("j, k, PgDn, PgUp, G and g scroll a long document, and the header says which lines show")
    func scrollDocument() throws {
        let f = try PoliciesFixture(size: Size(width: 80, height: 24))
        f.openPanel()
        f.open("AWSLambda_FullAccess")
        let lines = try #require(f.detail?.shownVersion?.lines.count)
        #expect(lines > 40)
        #expect(f.screen.contains("· 1–11 (j/k, PgUp/PgDn)"))
        f.harness.press("j", "j")
        #expect(f.detail?.scroll == 2)
        #expect(f.screen.contains("· 3–13 (j/k, PgUp/PgDn)"))
        f.harness.press("pgdn")
        #expect(f.detail?.scroll == 12)
        f.harness.press("k", "pgup")
        #expect(f.detail?.scroll == 1)
        f.harness.press("G")
        #expect(f.detail?.scroll == lines - 11)
        #expect(f.screen.contains("· \(lines - 10)–\(lines) (j/k, PgUp/PgDn)"))
        f.harness.press("g")
        #expect(f.detail?.scroll == 0)
    }

    @Test("Deleting an attached policy names where it is attached, and IAM's DeleteConflict is shown as IAM words it")
    func deleteAttached() throws {
        let f = try PoliciesFixture()
        try f.sample()
        f.openPanel()
        f.open("orders-read")
        f.harness.press("D")
        guard case .confirmDeletePolicy(let confirmation, _)? = f.state.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.message.contains("It is attached to role orders-api and user alice."))
        f.harness.type("orders-read")
        f.harness.press("enter")
        #expect(f.lastToast.hasPrefix("DeleteConflict: Cannot delete a policy attached to entities."))
        #expect(f.state.modal == nil)
        #expect((try? f.iam.policy(f.arn("orders-read"), caller: .root)) != nil)
        // Nothing was taken away: both versions are still there.
        #expect(try f.iam.listPolicyVersions(f.arn("orders-read"), caller: .root).count == 2)
    }

    @Test("From the list too, the delete confirmation names where the policy is attached")
    func deleteAttachedFromList() throws {
        let f = try PoliciesFixture()
        try f.sample()
        f.openPanel()
        f.filter("orders-read")
        f.select("orders-read")
        f.harness.press("x")
        guard case .confirmDeletePolicy(let confirmation, _)? = f.state.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.message == "Delete policy orders-read? It is attached to role orders-api and user alice. IAM refuses to delete a policy while it is attached: detach it first.")
        f.harness.press("esc")
        #expect(f.state.modal == nil)
    }

    @Test("Deleting an unattached policy from the list removes it and its other versions")
    func deleteUnattached() throws {
        let f = try PoliciesFixture()
        try f.sample()
        try f.iam.createPolicyVersion(f.arn("logs-writer"), document: PoliciesFixture.allow("logs:CreateLogStream"), caller: .root)
        f.openPanel()
        f.filter("logs-writer")
        f.select("logs-writer")
        f.harness.press("x")
        f.harness.type("logs-writer")
        f.harness.press("enter")
        #expect(f.lastToast == "Deleted policy logs-writer.")
        #expect(!f.state.policies.contains { $0.name == "logs-writer" })
    }
}

/// A value a fake editor sets from its thread and a test reads.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }
    func set(_ value: Value) { lock.withLock { stored = value } }
}
