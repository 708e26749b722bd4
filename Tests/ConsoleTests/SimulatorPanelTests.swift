import CloudEngine
import Console
import Foundation
import IAMPolicy
import Testing
import TerminalUI

/// The Simulator panel, driven by keys as a person would.
@Suite("Simulator panel")
struct SimulatorPanelTests {
    func fixture(editor: ExternalEditor = .unavailable) throws -> ConsoleFixture {
        let f = try ConsoleFixture(editor: editor)
        try f.simulatorAccount()
        return f
    }

    @Test("alice with AmazonS3ReadOnlyAccess: s3:GetObject is allowed by it, s3:PutObject implicitly denied")
    func readOnlyUser() throws {
        let f = try fixture()
        f.openSimulator(principal: "user alice")
        f.simulate("s3:GetObject, s3:PutObject", resource: "arn:aws:s3:::reports/q1.csv")
        let run = try #require(f.state.simulator.run)
        #expect(run.outcomes.map(\.action) == ["s3:GetObject", "s3:PutObject"])
        #expect(run.outcomes.map(\.outcome) == [.allowed, .implicitDeny])
        #expect(run.outcomes[0].documents.map(\.name) == ["AmazonS3ReadOnlyAccess"])
        #expect(f.screen.contains("✓ allowed"))
        #expect(f.screen.contains("Allowed by statement 1 in AmazonS3ReadOnlyAccess"))
        #expect(f.screen.contains("AmazonS3ReadOnlyAccess · AWS managed"))
        // The allowing statement's lines are marked, and "s3:Get*" is among them.
        let document = try #require(run.outcomes[0].documents.first)
        let marked = document.lines.indices.filter(document.isHighlighted).map { document.lines[$0] }
        #expect(marked.contains { $0.contains("\"s3:Get*\"") })
        f.harness.press("j")
        #expect(f.state.simulator.selected == 1)
        #expect(f.screen.contains("Implicitly denied: nothing below allows s3:PutObject"))
    }

    @Test("bob's explicit Deny is named and its statement highlighted inside his inline policy")
    func explicitDenyHighlighted() throws {
        let f = try fixture()
        f.openSimulator(principal: "user bob")
        f.simulate("s3:GetObject", resource: "arn:aws:s3:::reports/q1.csv")
        let outcome = try #require(f.state.simulator.selectedOutcome)
        #expect(outcome.outcome == .explicitDeny)
        #expect(outcome.statements.map(\.statementLabel) == ["KeepOutOfReports"])
        let document = try #require(outcome.documents.first)
        #expect(document.name == "deny-reports")
        let marked = document.lines.indices.filter(document.isHighlighted).map { document.lines[$0] }
        #expect(marked.contains { $0.contains("\"Effect\": \"Deny\"") })
        #expect(!document.isHighlighted(0), "the policy's opening brace is not part of the statement")
        #expect(f.screen.contains("✗ explicit deny"))
        #expect(f.screen.contains("Denied explicitly by KeepOutOfReports in deny-reports"))
        // The highlighted lines are drawn in the marked role.
        let row = try #require(f.harness.screen.text.split(separator: "\n").firstIndex { $0.contains("\"Effect\": \"Deny\"") })
        let cells = f.harness.screen.row(row)
        #expect(cells.contains { $0.role == .marked })
    }

    @Test("A role is decided as a session of it, by the role's policies")
    func rolePrincipal() throws {
        let f = try fixture()
        f.openSimulator(principal: "role reader")
        f.simulate("s3:ListBucket, lambda:InvokeFunction")
        let run = try #require(f.state.simulator.run)
        #expect(run.outcomes.map(\.outcome) == [.allowed, .implicitDeny])
        guard case .principal(let caller) = run.request.subject,
              case .assumedRole(let role, _, let path, _) = caller.identity else {
            Issue.record("the role was not simulated as a session: \(run.request.subject)")
            return
        }
        #expect(role == "reader")
        #expect(path == "/service-role/")
    }

    @Test("openedFor lands on the simulator with the principal chosen and the cursor in the actions field")
    func openedForPrincipal() throws {
        let f = try fixture()
        f.harness.send(.simulator(.openedFor(principal: .role("reader"))))
        #expect(f.state.service == .simulator)
        #expect(f.state.simulator.principal == .role("reader"))
        #expect(f.state.simulator.field == .actions)
        #expect(f.state.simulator.editing)
        f.harness.type("s3:GetObject")
        f.harness.press("enter")
        #expect(f.state.simulator.run?.outcomes.first?.outcome == .allowed)
    }

    @Test("Tab completes the action being typed, then moves on")
    func tabCompletes() throws {
        let f = try fixture()
        f.openSimulator()
        f.harness.press("tab")
        f.harness.type("s3:GetO")
        #expect(f.screen.contains("Tab: s3:GetObject"))
        f.harness.press("tab")
        #expect(f.state.simulator.actions.text == "s3:GetObject")
        f.harness.type(", s3:Pu")
        f.harness.press("tab")
        #expect(f.state.simulator.actions.text == "s3:GetObject, s3:Put", "the common prefix of PutObject and PutBucket…")
        #expect(f.state.simulator.field == .actions)
        f.harness.type("O")
        f.harness.press("tab")
        #expect(f.state.simulator.actions.text == "s3:GetObject, s3:PutObject")
        f.harness.press("tab")
        #expect(f.state.simulator.field == .resource)
    }

    @Test("Running with no actions says what to type, in the form")
    func noActions() throws {
        let f = try fixture()
        f.openSimulator()
        f.harness.press("enter")
        #expect(f.state.simulator.run == nil)
        #expect(f.state.simulator.field == .actions)
        #expect(f.screen.contains("✗ Type an action, such as s3:GetObject"))
    }

    @Test("A malformed action or context entry is refused with what to write instead")
    func malformedInput() throws {
        let f = try fixture()
        f.openSimulator()
        f.simulate("GetObject")
        #expect(f.screen.contains("“GetObject” is not service:Action"))
        f.harness.press("ctrl+u")
        f.harness.type("s3:GetObject")
        f.harness.press("tab", "tab")
        f.harness.type("aws:SourceIp")
        f.harness.press("enter")
        #expect(f.state.simulator.field == .context)
        #expect(f.screen.contains("“aws:SourceIp” is not KEY=VALUE"))
    }

    @Test("Context keys reach the conditions")
    func contextKeys() throws {
        let f = try fixture()
        try f.account.iam.putInlinePolicy("office-only", document: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*",
              "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
            """, on: .user("alice"), caller: .root)
        f.openSimulator(principal: "user alice")
        f.harness.press("tab")
        f.harness.type("s3:PutObject")
        f.harness.press("tab", "tab")
        f.harness.type("aws:SourceIp=203.0.113.7")
        f.harness.press("enter")
        #expect(f.state.simulator.run?.outcomes.first?.outcome == .allowed)
    }

    @Test("Policies typed in: e opens the editor, the edited policy decides, its Allow is highlighted")
    func typedPolicy() throws {
        let script = FunctionsEditorScript()
        let f = try fixture(editor: script.editor)
        f.openSimulator(principal: "policies typed in")
        script.next { _, _ in
            Data(#"{"Version": "2012-10-17", "Statement": [{"Sid": "Put", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}]}"#.utf8)
        }
        f.harness.press("e")
        #expect(script.calls == ["policy.json"])
        #expect(f.lastToast.contains("Typed policy updated"))
        f.simulate("s3:PutObject, s3:GetObject")
        let run = try #require(f.state.simulator.run)
        #expect(run.outcomes.map(\.outcome) == [.allowed, .implicitDeny])
        let document = try #require(run.outcomes[0].documents.first)
        #expect(document.highlighted == [3...8])
        #expect(f.screen.contains("Allowed by Put in typed policy"))
    }

    @Test("A typed policy that does not parse is reported with its line and column")
    func malformedTypedPolicy() throws {
        let script = FunctionsEditorScript()
        let f = try fixture(editor: script.editor)
        f.openSimulator(principal: "policies typed in")
        script.next { _, _ in Data(#"{"Statement": []}"#.utf8) }
        f.harness.press("e")
        f.simulate("s3:GetObject")
        #expect(f.state.simulator.run == nil)
        #expect(f.state.simulator.problem?.contains("The typed policy is not a valid policy") == true)
        #expect(f.state.simulator.problem?.contains("line 1, column") == true)
    }

    @Test("A console identity without IAM permissions is told why it cannot list principals or simulate")
    func withoutPermission() throws {
        let f = try fixture()
        let alice = try f.account.iam.user("alice", caller: .root)
        f.harness.update { $0.identity = ConsoleIdentity(caller: alice.caller, label: "user alice") }
        f.openSimulator()
        #expect(f.screen.contains("Users and roles could not be listed as user alice (AccessDenied); :as root lists them"))
        f.simulate("s3:GetObject")
        #expect(f.state.simulator.run == nil)
        #expect(f.state.simulator.problem?.contains("iam:SimulatePrincipalPolicy") == true)
        #expect(f.screen.contains("✗ AccessDenied"))
    }

    @Test("An editor that fails is reported, and the typed policy is kept as it was")
    func editorFails() throws {
        let script = FunctionsEditorScript()
        let f = try fixture(editor: script.editor)
        f.openSimulator(principal: "policies typed in")
        script.next { _, _ in throw ConsoleError(message: "The editor “vi” exited with status 1; nothing was saved.") }
        f.harness.press("e")
        #expect(f.lastToast.contains("exited with status 1"))
        #expect(f.state.simulator.typedPolicy == SimulatorState.starterPolicy)
    }

    @Test("Esc leaves the form for the results; i goes back; q then quits")
    func formAndResultsKeys() throws {
        let f = try fixture()
        f.openSimulator(principal: "user alice")
        f.harness.type("q")
        #expect(!f.state.shouldQuit, "q on the principal field does not quit")
        f.harness.press("esc")
        #expect(!f.state.simulator.editing)
        f.harness.press("i")
        #expect(f.state.simulator.editing)
        f.harness.press("esc")
        f.harness.press("q")
        #expect(f.state.shouldQuit)
    }
}
