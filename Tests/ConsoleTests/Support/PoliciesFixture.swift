import CloudEngine
import Console
import Foundation
import TerminalUI

/// Scene-setting for the Policies panel's tests: a `ConsoleFixture` with customer managed policies,
/// attachments and console steps, all with fixed names and times.
final class PoliciesFixture {
    let base: ConsoleFixture

    static let lambdaBasic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    static let trust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}
        """

    static func allow(_ action: String, _ resource: String = "*") -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"\#(action)","Resource":"\#(resource)"}]}"#
    }

    init(size: Size = Size(width: 120, height: 40), editor: ExternalEditor = .unavailable) throws {
        base = try ConsoleFixture(size: size, start: false, editor: editor)
    }

    var harness: ConsoleHarness { base.harness }
    var account: Account { base.account }
    var iam: IAMService { account.iam }
    var state: PoliciesState { base.harness.state.policies }
    var detail: PolicyDetailState? { state.detail }
    var screen: String { base.screen }
    var lastToast: String { base.lastToast }

    func arn(_ name: String) -> String { "arn:aws:iam::123456789012:policy/\(name)" }

    /// The create dialog's form, when it is open.
    var createForm: FormState? {
        if case .create(let form, _, _) = state.modal { return form }
        return nil
    }

    /// orders-read (two versions, attached to role orders-api and user alice) and logs-writer (unattached);
    /// AWSLambdaBasicExecutionRole attached to the role too.
    func sample() throws {
        try iam.createPolicy("orders-read", document: Self.allow("s3:GetObject", "arn:aws:s3:::orders/*"),
                             description: "Reads the orders bucket's objects for the reporting functions", caller: .root)
        base.clock.advance(by: 3600)
        try iam.createPolicyVersion(arn("orders-read"), document: """
            {"Version":"2012-10-17","Statement":[{"Sid":"ReadOrders","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::orders","arn:aws:s3:::orders/*"]}]}
            """, setAsDefault: true, caller: .root)
        try iam.createPolicy("logs-writer", document: Self.allow("logs:PutLogEvents"), caller: .root)
        try iam.createRole("orders-api", trustPolicy: Self.trust, caller: .root)
        try iam.createUser("alice", caller: .root)
        try iam.attachPolicy(arn("orders-read"), to: .role("orders-api"), caller: .root)
        try iam.attachPolicy(arn("orders-read"), to: .user("alice"), caller: .root)
        try iam.attachPolicy(Self.lambdaBasic, to: .role("orders-api"), caller: .root)
    }

    // MARK: - Console steps

    func openPanel() {
        harness.send(.serviceChosen(.policies))
    }

    /// Replaces the `/` filter with `text` and closes the filter line.
    func filter(_ text: String) {
        harness.press("/", "ctrl+u", "ctrl+k")
        harness.type(text)
        harness.press("enter")
    }

    /// Moves the list's cursor to the policy named `name`.
    func select(_ name: String) {
        harness.press("g")
        while state.selectedPolicy?.name != name {
            let before = state.table.selectedID
            harness.press("j")
            if state.table.selectedID == before { break }
        }
    }

    /// Opens policy `name` from the list (the filter finds it among the AWS managed ones).
    func open(_ name: String) {
        filter(name)
        select(name)
        harness.press("enter")
    }
}
