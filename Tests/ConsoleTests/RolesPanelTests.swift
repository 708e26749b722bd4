import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// The Roles panel driven by keys against a real engine: the wizard, attach and detach, inline policies
/// by form and by editor (with the malformed-document path), trust policy edits, and deletion.
@Suite("Roles panel")
struct RolesPanelTests {
    static let basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"

    @Test("The wizard makes a Lambda role with the marked policy and opens it")
    func wizardCreatesRole() throws {
        let f = try RolesFixture()
        f.openPanel()
        f.harness.press("n")
        #expect(f.wizard?.step == .trust)
        f.harness.press("enter")
        #expect(f.wizard?.step == .permissions)
        f.harness.type("AWSLambdaBasicExecutionRole")
        #expect(f.wizard?.picker.selected?.name == "AWSLambdaBasicExecutionRole")
        f.harness.press("space", "enter")
        #expect(f.wizard?.step == .review)
        f.harness.type("app-role")
        f.harness.press("enter")
        #expect(f.wizard == nil)
        let role = try f.iam.role("app-role", caller: .root)
        #expect(role.trustPolicy.contains("lambda.amazonaws.com"))
        #expect(try f.iam.attachedPolicies(of: .role("app-role"), caller: .root).map(\.arn) == [Self.basic])
        #expect(f.state.detail?.name == "app-role")
        #expect(f.state.detail?.permissions.map(\.name) == ["AWSLambdaBasicExecutionRole"])
        #expect(f.lastToast == "Created role app-role with 1 policy.")
    }

    @Test("Esc goes back one step and keeps what was entered")
    func wizardBackKeeps() throws {
        let f = try RolesFixture()
        f.openPanel()
        f.harness.press("n", "enter")
        f.harness.type("AmazonS3ReadOnly")
        f.harness.press("space", "enter")
        f.harness.type("keeper")
        f.harness.press("esc")
        #expect(f.wizard?.step == .permissions)
        #expect(f.wizard?.picker.marked == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
        f.harness.press("esc")
        #expect(f.wizard?.step == .trust)
        f.harness.press("enter", "enter")
        #expect(f.wizard?.step == .review)
        #expect(f.wizard?.detailsForm.values.text("name") == "keeper")
        f.harness.press("esc", "esc", "esc")
        #expect(f.wizard == nil)
        #expect((try? f.iam.role("keeper", caller: .root)) == nil)
    }

    @Test("A taken name is refused as it is typed; nothing is created")
    func wizardTakenName() throws {
        let f = try RolesFixture()
        try f.role("existing")
        f.openPanel()
        f.harness.press("n", "enter", "enter")
        f.harness.type("Existing")
        f.harness.press("enter")
        #expect(f.wizard?.step == .review)
        #expect(f.wizard?.detailsForm.visibleError("name") == "A role named Existing exists (names ignore case)")
    }

    @Test("A custom trust policy that IAM would refuse shows where, and Enter edits it again with the text kept")
    func wizardCustomTrust() throws {
        let f = try RolesFixture()
        f.openPanel()
        f.harness.press("n", "right", "right")
        let broken = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}]\n}\n"
        f.editor.answer(broken)
        f.harness.press("enter")
        #expect(f.wizard?.step == .trust)
        let problem = try #require(f.wizard?.trustProblem)
        #expect(problem.hasPrefix("MalformedPolicyDocument:"))
        #expect(problem.contains("line"))
        #expect(f.screen.contains("Enter edits it again (your text is kept)."))
        let fixed = TrustPolicyText.account
        f.editor.answer(fixed)
        f.harness.press("enter")
        #expect(f.editor.given.last == broken)
        #expect(f.wizard?.step == .permissions)
        f.harness.press("enter")
        f.harness.type("custom-role")
        f.harness.press("enter")
        #expect(try f.iam.role("custom-role", caller: .root).trustPolicy == fixed)
    }

    @Test("Attach from the detail with the picker, then detach after confirming")
    func attachAndDetach() throws {
        let f = try RolesFixture()
        try f.role("worker", policies: ["service-role/AWSLambdaBasicExecutionRole"])
        f.open("worker")
        f.harness.press("a")
        guard case .attach(let picker, _)? = f.state.modal else {
            Issue.record("no picker")
            return
        }
        #expect(picker.unavailable[Self.basic] == "attached")
        f.harness.type("AmazonS3ReadOnlyAccess")
        f.harness.press("enter")
        #expect(f.state.modal == nil)
        #expect(f.lastToast == "Attached AmazonS3ReadOnlyAccess to worker.")
        #expect(f.state.detail?.permissions.map(\.name) == ["AWSLambdaBasicExecutionRole", "AmazonS3ReadOnlyAccess"])
        #expect(f.state.detail?.selectedPermission?.name == "AmazonS3ReadOnlyAccess")
        f.harness.press("x")
        #expect(f.screen.contains("Detach AmazonS3ReadOnlyAccess from worker?"))
        f.harness.press("y")
        #expect(try f.iam.attachedPolicies(of: .role("worker"), caller: .root).map(\.arn) == [Self.basic])
    }

    @Test("The quota of ten is refused in IAM's words, and nothing of the batch is attached")
    func attachQuota() throws {
        let f = try RolesFixture()
        let names = ["AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "AWSLambda_ReadOnlyAccess", "AWSLambda_FullAccess",
                     "CloudWatchLogsReadOnlyAccess", "CloudWatchLogsFullAccess", "IAMReadOnlyAccess", "IAMFullAccess",
                     "ReadOnlyAccess"]
        try f.role("crowded", policies: names)
        f.open("crowded")
        f.harness.press("a")
        f.harness.type("AdministratorAccess")
        f.harness.press("space", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace",
                        "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace",
                        "backspace", "backspace", "backspace", "backspace")
        f.harness.type("PowerUserAccess")
        f.harness.press("space", "enter")
        #expect(f.lastToast.contains("Cannot exceed quota for PoliciesPerRole: 10"))
        #expect(try f.iam.attachedPolicies(of: .role("crowded"), caller: .root).count == 9)
        if case .attach? = f.state.modal {} else { Issue.record("the picker closed after a refusal") }
    }

    @Test("The inline form completes actions with Tab and builds the ARN from the bucket")
    func inlineForm() throws {
        let f = try RolesFixture()
        try f.role("reader")
        f.open("reader")
        f.harness.press("i")
        f.harness.type("read-uploads")
        f.harness.press("tab", "tab", "tab")
        f.harness.type("GetOb")
        f.harness.press("tab")
        #expect(f.inlineForm?.values.text("actions") == "GetObject, ")
        #expect(f.inlineForm?.focusedID == "actions")
        f.harness.press("tab", "right", "right", "tab")
        f.harness.type("uploads")
        #expect(f.screen.contains("→ arn:aws:s3:::uploads/*"))
        f.harness.press("enter")
        #expect(f.state.modal == nil)
        let document = try f.iam.inlinePolicy("read-uploads", of: .role("reader"), caller: .root).document
        #expect(document.contains("\"Action\": \"s3:GetObject\""))
        #expect(document.contains("\"Resource\": \"arn:aws:s3:::uploads/*\""))
        let decision = try f.iam.explain(principal: sessionCaller(f, "reader"), action: "s3:GetObject",
                                         resource: "arn:aws:s3:::uploads/a.csv", caller: .root)
        #expect(decision.decision.outcome == .allowed)
    }

    @Test("A malformed inline policy from the editor shows line and column, and Enter edits it again with the text kept")
    func inlineEditorErrorPath() throws {
        let f = try RolesFixture()
        try f.role("reader")
        try f.iam.putInlinePolicy("p", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
                                  on: .role("reader"), caller: .root)
        f.open("reader")
        let broken = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\",}\n  ]\n}\n"
        f.editor.answer(broken)
        f.harness.press("e")
        guard case .documentRefused(let message, _)? = f.state.modal else {
            Issue.record("no refusal shown")
            return
        }
        #expect(message.hasPrefix("MalformedPolicyDocument:"))
        #expect(message.contains("line 4"))
        let fixed = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}"#
        f.editor.answer(fixed)
        f.harness.press("enter")
        #expect(f.editor.given.last == broken)
        #expect(try f.iam.inlinePolicy("p", of: .role("reader"), caller: .root).document == fixed)
        #expect(f.lastToast == "Saved inline policy p of reader.")
    }

    @Test("The trust policy is edited in the editor; an unchanged save says so")
    func trustPolicyEdit() throws {
        let f = try RolesFixture()
        try f.role("assumable")
        f.open("assumable")
        f.harness.press("2", "e")
        #expect(f.lastToast == "No changes to the trust policy of assumable.")
        f.editor.answer(TrustPolicyText.account)
        f.harness.press("e")
        #expect(try f.iam.role("assumable", caller: .root).trustPolicy == TrustPolicyText.account)
        #expect(f.screen.contains("Account: 123456789012"))
    }

    @Test("Deleting a role lists its policies and removes them with it")
    func deleteRoleWithPolicies() throws {
        let f = try RolesFixture()
        try f.role("doomed", policies: ["AmazonS3ReadOnlyAccess"])
        try f.iam.putInlinePolicy("extra", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
                                  on: .role("doomed"), caller: .root)
        f.openPanel()
        f.harness.press("x")
        guard case .confirmDeleteRole(let confirmation, _)? = f.state.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.message == "Delete role doomed? This first detaches 1 managed policy (AmazonS3ReadOnlyAccess) and deletes 1 inline policy (extra).")
        f.harness.type("doomed")
        f.harness.press("enter")
        #expect(throws: EngineError.self) { try f.iam.role("doomed", caller: .root) }
        #expect(f.state.detail == nil)
        #expect(f.lastToast == "Deleted role doomed.")
    }

    @Test("Acting as a read-only user: a write is refused with the reason, and :as root writes again")
    func actAsUser() throws {
        let f = try RolesFixture()
        try f.user("viewer", policies: ["AmazonS3ReadOnlyAccess"])
        f.command("as viewer")
        #expect(f.harness.state.identity.label == "user viewer")
        #expect(f.screen.contains("as user viewer"))
        f.command("buckets")
        f.harness.press("n")
        f.harness.type("viewer-bucket")
        f.harness.press("enter")
        // The form stays open with IAM's reason under the name, whole (wrapped, not cut).
        #expect(f.screen.contains("✗ AccessDenied: User: arn:aws:iam::123456789012:user/viewer is not"))
        #expect(f.screen.contains("s3:CreateBucket"))
        #expect(try f.account.storage.listBuckets(caller: .root).isEmpty)
        f.harness.press("esc")
        f.command("as root")
        #expect(f.harness.state.identity.label == "root")
        f.harness.press("n")
        f.harness.type("root-bucket")
        f.harness.press("enter")
        #expect(try f.account.storage.listBuckets(caller: .root).map(\.name) == ["root-bucket"])
    }

    @Test("Acting as a role goes through AssumeRole: root is refused, a trusted user gets a session")
    func actAsRole() throws {
        let f = try RolesFixture()
        try f.iam.createRole("switcher", trustPolicy: TrustPolicyText.account, attaching: [], caller: .root)
        try f.user("operator")
        try f.iam.putInlinePolicy("assume", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#,
                                  on: .user("operator"), caller: .root)
        f.command("as role/switcher")
        #expect(f.lastToast.hasPrefix("AccessDenied: Roles may not be assumed by root"))
        #expect(f.harness.state.identity.label == "root")
        f.command("as operator")
        f.command("as role/switcher")
        #expect(f.harness.state.identity.label == "role switcher")
        f.command("as nobody")
        #expect(f.lastToast == "NoSuchEntity: No user or role named nobody in this account. Try :as USER, :as role/ROLE (or a role's name) or :as root.")
    }

    @Test("s in a role opens the simulator with the role chosen")
    func simulateFromRole() throws {
        let f = try RolesFixture()
        try f.role("worker", policies: ["AmazonS3ReadOnlyAccess"])
        f.open("worker")
        f.harness.press("s")
        #expect(f.harness.state.service == .simulator)
        #expect(f.harness.state.simulator.principal == .role("worker"))
    }

    private func sessionCaller(_ f: RolesFixture, _ role: String) throws -> Caller {
        try f.account.sts.assumeRoleAsService(roleARN: "arn:aws:iam::123456789012:role/\(role)", service: "lambda.amazonaws.com",
                                              sessionName: "test").caller
    }
}

/// Trust policies the tests write.
enum TrustPolicyText {
    static let account = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}
        """
}
