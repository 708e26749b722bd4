import Foundation
import Testing

/// `overcast iam simulate` on the rules where AWS overrules plain evaluation (issue 10, section 6).
@Suite("overcast iam simulate: documented exceptions")
struct SimulateCommandRulesTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    static let alice = "arn:aws:iam::123456789012:user/alice"
    static let role = "arn:aws:iam::123456789012:role/worker"

    /// Runs the simulator and returns each result's action and decision.
    func decisions(_ arguments: [String]) throws -> [String: String] {
        let run = try OvercastProcess.run(["iam", "simulate"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let results = try #require(object?["EvaluationResults"] as? [[String: Any]])
        var found: [String: String] = [:]
        for result in results {
            let action = try #require(result["EvalActionName"] as? String)
            found[action] = result["EvalDecision"] as? String
            #expect(result["EvalResourceName"] as? String == arguments.firstIndex(of: "--resource").map { arguments[$0 + 1] } ?? "*")
        }
        return found
    }

    @Test("Without --resource the resource is *, matched by an Allow naming a bucket's objects")
    func anyResourceByDefault() throws {
        let policy = try folder.file("bucket.json", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}}
            """)
        let found = try decisions(["--policy", policy, "--action", "s3:GetObject", "--action", "s3:PutObject"])
        #expect(found == ["s3:GetObject": "allowed", "s3:PutObject": "implicitDeny"])
    }

    @Test("sts:GetCallerIdentity is allowed even when a policy denies everything")
    func callerIdentityAlwaysAllowed() throws {
        let deny = try folder.file("deny.json", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}
            """)
        let found = try decisions(["--policy", deny, "--action", "sts:GetCallerIdentity", "--action", "sts:GetSessionToken"])
        #expect(found == ["sts:GetCallerIdentity": "allowed", "sts:GetSessionToken": "explicitDeny"])
    }

    @Test("sts:AssumeRole needs the trust policy: an identity Allow alone is an implicit deny")
    func assumeRoleWithoutTrust() throws {
        let allow = try folder.file("allow.json", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "\(Self.role)"}}
            """)
        let found = try decisions(["--policy", allow, "--action", "sts:AssumeRole", "--resource", Self.role])
        #expect(found == ["sts:AssumeRole": "implicitDeny"])
    }

    @Test("A trust policy given as --resource-policy that names the caller allows sts:AssumeRole on its own")
    func assumeRoleByTrust() throws {
        let trust = try folder.file("trust.json", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "\(Self.alice)"}, "Action": "sts:AssumeRole"}}
            """)
        let found = try decisions(["--resource-policy", trust, "--caller-arn", Self.alice, "--action", "sts:AssumeRole",
                                   "--resource", Self.role])
        #expect(found == ["sts:AssumeRole": "allowed"])
    }
}
