import CloudEngine
import Console
import Foundation
import TerminalUI

/// An account with a reader user, a denied user and a role, for the Simulator panel's tests and goldens.
extension ConsoleFixture {
    static let s3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    static let lambdaTrust = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        """
    static let denyReports = """
        {"Version": "2012-10-17", "Statement": [{"Sid": "KeepOutOfReports", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}
        """

    /// alice holds AmazonS3ReadOnlyAccess; bob too, plus an inline Deny on reports/*; role reader holds it.
    func simulatorAccount() throws {
        let iam = account.iam
        _ = try iam.createUser("alice", caller: .root)
        try iam.attachPolicy(Self.s3ReadOnly, to: .user("alice"), caller: .root)
        _ = try iam.createUser("bob", caller: .root)
        try iam.attachPolicy(Self.s3ReadOnly, to: .user("bob"), caller: .root)
        try iam.putInlinePolicy("deny-reports", document: Self.denyReports, on: .user("bob"), caller: .root)
        _ = try iam.createRole("reader", trustPolicy: Self.lambdaTrust, path: "/service-role/", caller: .root)
        try iam.attachPolicy(Self.s3ReadOnly, to: .role("reader"), caller: .root)
    }

    /// `:simulator`, then the principal chosen with → until `label` shows.
    func openSimulator(principal label: String? = nil) {
        harness.press(":")
        harness.type("simulator")
        harness.press("enter")
        guard let label else { return }
        for _ in 0..<20 where harness.state.simulator.principal.label != label {
            harness.press("right")
        }
    }

    /// Types `actions` in the actions field (from the principal field) and runs.
    func simulate(_ actions: String, resource: String? = nil) {
        harness.press("tab")
        harness.type(actions)
        if let resource {
            harness.press("tab")
            harness.press("ctrl+u")
            harness.type(resource)
        }
        harness.press("enter")
    }
}
