import Foundation
@testable import CloudEngine
@testable import IAMPolicy

/// Small builders so each evaluation case reads as one line of policy.
enum Fixture {
    static let account = "123456789012"
    /// 2024-06-01T12:00:00Z: the fixed clock every evaluation case runs at.
    static let now = Date(timeIntervalSince1970: 1_717_243_200)

    static let alice = PolicyCaller.user(accountId: account, name: "alice", userId: "AIDAALICE", tags: ["team": "blue"])
    static let bob = PolicyCaller.user(accountId: account, name: "bob", path: "/eng/", userId: "AIDABOB")
    static let session = PolicyCaller.assumedRole(
        accountId: account, roleName: "worker", roleId: "AROAWORKER", sessionName: "job-1", tags: ["team": "red"])
    static let root = PolicyCaller.root(accountId: account)
    static let s3Service = PolicyCaller.service("s3.amazonaws.com")
    static let outsider = PolicyCaller.user(accountId: "999999999999", name: "mallory", userId: "AIDAMALLORY")

    static let aliceArn = "arn:aws:iam::123456789012:user/alice"
    static let roleArn = "arn:aws:iam::123456789012:role/worker"
    static let sessionArn = "arn:aws:sts::123456789012:assumed-role/worker/job-1"

    /// A JSON string or array of strings.
    static func json(_ values: [String]) -> String {
        let quoted = values.map { "\"\($0)\"" }
        return quoted.count == 1 ? quoted[0] : "[" + quoted.joined(separator: ",") + "]"
    }

    /// A policy document around the given statements.
    static func document(_ statements: String..., version: String? = "2012-10-17") -> String {
        let versionPart = version.map { "\"Version\":\"\($0)\"," } ?? ""
        return "{\(versionPart)\"Statement\":[\(statements.joined(separator: ","))]}"
    }

    /// One statement. `condition` is the JSON of a Condition block; `principal` the JSON of Principal.
    static func statement(
        _ effect: String, _ actions: [String], _ resources: [String]? = ["*"], condition: String? = nil,
        principal: String? = nil, notPrincipal: String? = nil, notAction: Bool = false, notResource: Bool = false,
        sid: String? = nil
    ) -> String {
        var parts: [String] = []
        if let sid { parts.append("\"Sid\":\"\(sid)\"") }
        parts.append("\"Effect\":\"\(effect)\"")
        if let principal { parts.append("\"Principal\":\(principal)") }
        if let notPrincipal { parts.append("\"NotPrincipal\":\(notPrincipal)") }
        parts.append("\"\(notAction ? "NotAction" : "Action")\":\(json(actions))")
        if let resources { parts.append("\"\(notResource ? "NotResource" : "Resource")\":\(json(resources))") }
        if let condition { parts.append("\"Condition\":\(condition)") }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func allow(_ actions: String..., on resources: [String] = ["*"], when condition: String? = nil) -> String {
        document(statement("Allow", actions, resources, condition: condition))
    }

    static func deny(_ actions: String..., on resources: [String] = ["*"], when condition: String? = nil) -> String {
        document(statement("Deny", actions, resources, condition: condition))
    }

    /// An identity policy allowing `action` on `*` only when `condition` (a Condition block) holds.
    static func allowIf(_ condition: String, action: String = "s3:GetObject") -> String {
        allow(action, when: condition)
    }

    /// A one-operator, one-key Condition block.
    static func cond(_ op: String, _ key: String, _ values: [String]) -> String {
        "{\"\(op)\":{\"\(key)\":\(json(values))}}"
    }

    /// A resource policy with one statement for `principal` (JSON).
    static func bucketPolicy(
        _ effect: String, principal: String, _ actions: [String] = ["s3:GetObject"],
        _ resources: [String] = ["arn:aws:s3:::b/*"], condition: String? = nil, notPrincipal: Bool = false
    ) -> String {
        document(
            statement(
                effect, actions, resources, condition: condition, principal: notPrincipal ? nil : principal,
                notPrincipal: notPrincipal ? principal : nil))
    }
}
