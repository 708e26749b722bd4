import CloudEngine
import Console
import Foundation
import TerminalUI

/// Scene-setting for the IAM panels' tests: a `ConsoleFixture`, roles and users with fixed names, and an editor
/// whose answers the test scripts (each edit returns the next scripted text, and what it was given is kept).
final class RolesFixture {
    let base: ConsoleFixture
    let editor: ScriptedEditor

    init(size: Size = Size(width: 120, height: 40)) throws {
        let editor = ScriptedEditor()
        self.editor = editor
        base = try ConsoleFixture(size: size, start: false, editor: editor.editor)
        base.harness.start()
    }

    var harness: ConsoleHarness { base.harness }
    var account: Account { base.account }
    var iam: IAMService { account.iam }
    var state: RolesState { base.harness.state.roles }
    var screen: String { base.screen }
    var lastToast: String { base.lastToast }

    /// A role trusting Lambda, with `policies` (AWS managed names) attached.
    @discardableResult
    func role(_ name: String, policies: [String] = [], description: String? = nil) throws -> IAMRole {
        try iam.createRole(name, trustPolicy: FunctionsFixture.lambdaTrust, description: description,
                           attaching: policies.map { "arn:aws:iam::aws:policy/\($0)" }, caller: .root)
    }

    /// A user with `policies` (AWS managed names) attached.
    @discardableResult
    func user(_ name: String, policies: [String] = []) throws -> IAMUser {
        let user = try iam.createUser(name, caller: .root)
        try iam.attachPolicies(policies.map { "arn:aws:iam::aws:policy/\($0)" }, to: .user(name), caller: .root)
        return user
    }

    func openPanel() {
        harness.press(":")
        harness.type("roles")
        harness.press("enter")
    }

    /// Opens `name` from the list.
    func open(_ name: String) {
        openPanel()
        harness.press("g")
        while harness.state.roles.table.selectedID != name {
            let before = harness.state.roles.table.selectedID
            harness.press("j")
            if harness.state.roles.table.selectedID == before { break }
        }
        harness.press("enter")
    }

    func command(_ text: String) {
        harness.press(":")
        harness.type(text)
        harness.press("enter")
    }

    /// The open wizard (fails the test's expectations when none is).
    var wizard: RoleWizardState? { state.wizard }

    var inlineForm: FormState? {
        if case .inlineForm(let form, _)? = state.modal { return form }
        return nil
    }
}

/// An editor whose answers a test sets: each edit returns the next text queued (or the text unchanged).
final class ScriptedEditor: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String] = []
    private var received: [String] = []

    func answer(_ texts: String...) { lock.withLock { answers += texts } }

    /// What each edit was given, in order.
    var given: [String] { lock.withLock { received } }

    var editor: ExternalEditor {
        ExternalEditor { [self] _, contents in
            let text = String(decoding: contents, as: UTF8.self)
            return lock.withLock {
                received.append(text)
                return Data((answers.isEmpty ? text : answers.removeFirst()).utf8)
            }
        }
    }
}
