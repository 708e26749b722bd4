import Foundation
import Testing

/// `--caller-arn` as a role or a role session, matched by the resource policy's Principal.
@Suite("overcast iam simulate --caller-arn")
struct SimulateCallerArnTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    func decision(principal: String, caller: String) throws -> String? {
        let policy = try folder.file("bucket.json", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "\(principal)"},
             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
            """)
        let run = try OvercastProcess.run(["iam", "simulate", "--resource-policy", policy, "--action", "s3:GetObject",
                                           "--resource", "arn:aws:s3:::b/k", "--caller-arn", caller])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let results = object?["EvaluationResults"] as? [[String: Any]]
        return results?.first?["EvalDecision"] as? String
    }

    @Test("A role caller is allowed by a Principal naming the role")
    func roleCaller() throws {
        let role = "arn:aws:iam::123456789012:role/reader"
        #expect(try decision(principal: role, caller: role) == "allowed")
    }

    @Test("A session is allowed by its session ARN and by its role's ARN, not by another session's")
    func sessionCaller() throws {
        let session = "arn:aws:sts::123456789012:assumed-role/reader/nightly"
        #expect(try decision(principal: session, caller: session) == "allowed")
        #expect(try decision(principal: "arn:aws:iam::123456789012:role/reader", caller: session) == "allowed")
        #expect(try decision(principal: "arn:aws:sts::123456789012:assumed-role/reader/other", caller: session) == "implicitDeny")
    }

    @Test("A malformed caller ARN is exit 2, naming it and the forms accepted")
    func malformedCaller() throws {
        let run = try OvercastProcess.run(["iam", "simulate", "--action", "s3:GetObject",
                                           "--caller-arn", "arn:aws:iam::123456789012:group/devs"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("CallerArn \"arn:aws:iam::123456789012:group/devs\" is not one the simulator accepts"), "\(run.stderr)")
        #expect(run.stderr.contains("arn:aws:iam::123456789012:role/reader"))
        #expect(run.stderr.contains("arn:aws:sts::123456789012:assumed-role/reader/session-name"))
    }
}
