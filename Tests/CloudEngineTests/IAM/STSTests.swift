import Foundation
import Testing
@testable import CloudEngine

@Suite("STS")
struct STSTests {
    static let roleARN = "arn:aws:iam::123456789012:role/worker"

    @Test("a user named in the trust policy assumes the role and gets ASIA credentials")
    func assumeRole() throws {
        let test = try TestAccount()
        let role = try test.role("worker", trust: IAMDoc.trustUser("alice"))
        let alice = try test.user("alice")
        let session = try test.sts.assumeRole(roleARN: role.arn, sessionName: "job-1", caller: alice)
        #expect(session.credentials.accessKeyID.hasPrefix("ASIA"))
        #expect(session.credentials.accessKeyID.count == 20)
        #expect(session.credentials.secretAccessKey.count == 40)
        #expect(!session.credentials.sessionToken.isEmpty)
        #expect(session.credentials.expiration == test.clock.now().addingTimeInterval(3600))
        #expect(session.assumedRoleARN == "arn:aws:sts::123456789012:assumed-role/worker/job-1")
        #expect(session.assumedRoleID == "\(role.id):job-1")
    }

    @Test("sts:ExternalId in the trust policy: the right id assumes the role; a wrong or missing one is denied; a short one is invalid")
    func externalID() throws {
        let test = try TestAccount()
        let trust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "partner:42/x"}}}]}"#
        let role = try test.role("vendor", trust: trust)
        let alice = try test.user("alice")
        let session = try test.sts.assumeRole(roleARN: role.arn, sessionName: "audit", externalID: "partner:42/x", caller: alice)
        #expect(session.assumedRoleARN.hasSuffix("assumed-role/vendor/audit"))
        expectEngineError("AccessDenied", 403) {
            try test.sts.assumeRole(roleARN: role.arn, sessionName: "audit", externalID: "partner:43", caller: alice)
        }
        expectEngineError("AccessDenied", 403) {
            try test.sts.assumeRole(roleARN: role.arn, sessionName: "audit", caller: alice)
        }
        expectEngineError("ValidationError", 400, "externalId", "length greater than or equal to 2") {
            try test.sts.assumeRole(roleARN: role.arn, sessionName: "audit", externalID: "p", caller: alice)
        }
    }

    @Test("a user the trust policy does not name is denied, even with an identity policy allowing it")
    func deniedByTrust() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustUser("alice"))
        let bob = try test.user("bob", policies: [IAMDoc.allow("sts:AssumeRole")])
        expectEngineError("AccessDenied", 403,
                          "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: \(Self.roleARN)") {
            try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", caller: bob)
        }
    }

    @Test("a trust policy naming the account needs the caller's own policy too")
    func accountTrustDelegates() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustAccount)
        let without = try test.user("bob")
        expectEngineError("AccessDenied", 403, "sts:AssumeRole") {
            try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", caller: without)
        }
        let with = try test.user("carol", policies: [IAMDoc.allow("sts:AssumeRole", on: [Self.roleARN])])
        _ = try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", caller: with)
    }

    @Test("the root cannot assume roles")
    func rootCannotAssume() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustAccount)
        expectEngineError("AccessDenied", 403, "Roles may not be assumed by root accounts.") {
            try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", caller: .root)
        }
    }

    @Test("a role that does not exist is AccessDenied, as on AWS")
    func missingRole() throws {
        let test = try TestAccount()
        let admin = try test.user("admin", attach: [IAMDoc.admin])
        expectEngineError("AccessDenied", 403, "no role with that ARN exists") {
            try test.sts.assumeRole(roleARN: "arn:aws:iam::123456789012:role/ghost", sessionName: "s1", caller: admin)
        }
    }

    @Test("session names must be 2 to 64 of IAM's characters", arguments: ["a", "has space", String(repeating: "x", count: 65)])
    func sessionName(_ name: String) throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustUser("alice"))
        let alice = try test.user("alice")
        expectEngineError("ValidationError", 400, "at 'roleSessionName' failed to satisfy constraint") {
            try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: name, caller: alice)
        }
    }

    @Test("the duration must be at least 900 seconds and at most the role's maximum")
    func duration() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustUser("alice"), maxSessionDuration: 7200)
        let alice = try test.user("alice")
        expectEngineError("ValidationError", 400, "Value '899' at 'durationSeconds'", "greater than or equal to 900") {
            try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", durationSeconds: 899, caller: alice)
        }
        expectEngineError("ValidationError", 400, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.") {
            try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", durationSeconds: 7201, caller: alice)
        }
        let session = try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", durationSeconds: 7200, caller: alice)
        #expect(session.credentials.expiration == test.clock.now().addingTimeInterval(7200))
    }

    @Test("session credentials resolve to the session until they expire")
    func expiry() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustUser("alice"))
        let alice = try test.user("alice")
        let session = try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", durationSeconds: 900, caller: alice)
        let resolved = try test.sts.credentials(forAccessKey: session.credentials.accessKeyID,
                                                sessionToken: session.credentials.sessionToken)
        #expect(resolved.caller.identity == session.caller.identity)
        #expect(resolved.caller.accessKeyID == session.credentials.accessKeyID)
        #expect(resolved.secretAccessKey == session.credentials.secretAccessKey)
        test.clock.advance(by: 901)
        expectEngineError("ExpiredToken", 400, "The security token included in the request is expired") {
            try test.sts.credentials(forAccessKey: session.credentials.accessKeyID, sessionToken: session.credentials.sessionToken)
        }
    }

    @Test("session credentials need their own token")
    func tokenMustMatch() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustUser("alice"))
        let alice = try test.user("alice")
        let session = try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", caller: alice)
        expectEngineError("InvalidClientTokenId", 403, "session token") {
            try test.sts.credentials(forAccessKey: session.credentials.accessKeyID, sessionToken: "wrong")
        }
        expectEngineError("InvalidClientTokenId", 403) {
            try test.sts.credentials(forAccessKey: session.credentials.accessKeyID)
        }
    }

    @Test("role chaining is limited to one hour")
    func chaining() throws {
        let test = try TestAccount()
        try test.role("first", trust: IAMDoc.trustUser("alice"), attach: [IAMDoc.admin])
        try test.role("second", trust: IAMDoc.trust(#"{"AWS": "arn:aws:iam::123456789012:role/first"}"#), maxSessionDuration: 7200)
        let alice = try test.user("alice")
        let first = try test.sts.assumeRole(roleARN: "arn:aws:iam::123456789012:role/first", sessionName: "first-session", caller: alice)
        expectEngineError("ValidationError", 400, "1 hour session limit for roles assumed by role chaining") {
            try test.sts.assumeRole(roleARN: "arn:aws:iam::123456789012:role/second", sessionName: "second-session",
                                    durationSeconds: 7200, caller: first.caller)
        }
        _ = try test.sts.assumeRole(roleARN: "arn:aws:iam::123456789012:role/second", sessionName: "second-session", caller: first.caller)
    }

    @Test("a service named in the trust policy assumes the role as that service; another service cannot")
    func assumeAsService() throws {
        let test = try TestAccount()
        try test.role("fn-role", trust: IAMDoc.trustLambda, attach: [IAMDoc.lambdaBasic])
        let session = try test.sts.assumeRoleAsService(roleARN: "arn:aws:iam::123456789012:role/fn-role",
                                                       service: "lambda.amazonaws.com", sessionName: "my-function")
        #expect(session.assumedRoleARN == "arn:aws:sts::123456789012:assumed-role/fn-role/my-function")
        expectEngineError("AccessDenied", 403, "User: ec2.amazonaws.com is not authorized to perform: sts:AssumeRole") {
            try test.sts.assumeRoleAsService(roleARN: "arn:aws:iam::123456789012:role/fn-role",
                                             service: "ec2.amazonaws.com", sessionName: "x1")
        }
    }

    @Test("GetCallerIdentity for the root, a user and a role session")
    func callerIdentity() throws {
        let test = try TestAccount()
        let role = try test.role("worker", trust: IAMDoc.trust(#"{"AWS": "arn:aws:iam::123456789012:user/eng/alice"}"#))
        let alice = try test.user("alice", path: "/eng/")
        #expect(test.sts.getCallerIdentity(caller: .root)
            == CallerIdentity(userID: "123456789012", account: "123456789012", arn: "arn:aws:iam::123456789012:root"))
        let aliceID = try test.iam.user("alice", caller: .root).id
        #expect(test.sts.getCallerIdentity(caller: alice)
            == CallerIdentity(userID: aliceID, account: "123456789012", arn: "arn:aws:iam::123456789012:user/eng/alice"))
        let session = try test.sts.assumeRole(roleARN: role.arn, sessionName: "s1", caller: alice)
        #expect(test.sts.getCallerIdentity(caller: session.caller)
            == CallerIdentity(userID: "\(role.id):s1", account: "123456789012",
                              arn: "arn:aws:sts::123456789012:assumed-role/worker/s1"))
    }

    @Test("GetCallerIdentity answers under an explicit Deny of it, and the authorizer allows it too")
    func callerIdentityIgnoresDeny() throws {
        let test = try TestAccount()
        let alice = try test.user("alice", policies: [IAMDoc.deny("sts:GetCallerIdentity"), IAMDoc.deny("*")])
        #expect(test.sts.getCallerIdentity(caller: alice).arn == "arn:aws:iam::123456789012:user/alice")
        let explanation = try test.iam.explain(principal: alice, action: "sts:GetCallerIdentity", resource: "*", caller: .root)
        #expect(explanation.decision.outcome == .allowed)
        #expect(explanation.message == nil)
    }

    @Test("a trust policy naming the user suffices without any identity policy; an identity Allow alone does not")
    func trustDecidesWithinAccount() throws {
        let test = try TestAccount()
        try test.role("worker", trust: IAMDoc.trustUser("alice"))
        let alice = try test.user("alice")
        _ = try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", caller: alice)
        let admin = try test.user("admin", attach: [IAMDoc.admin])
        expectEngineError("AccessDenied", 403,
                          "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: sts:AssumeRole on resource: \(Self.roleARN) because no resource-based policy allows the sts:AssumeRole action") {
            try test.sts.assumeRole(roleARN: Self.roleARN, sessionName: "s1", caller: admin)
        }
    }

    @Test("a user's key resolves to the user with its tags")
    func userKeyResolves() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", tags: [IAMTag(key: "team", value: "blue")], caller: .root)
        let key = try test.iam.createAccessKey(userName: "alice", caller: .root)
        let resolved = try test.sts.credentials(forAccessKey: key.accessKeyID)
        #expect(resolved.caller.principalTags == ["team": "blue"])
        #expect(resolved.expiration == nil)
        expectEngineError("InvalidClientTokenId", 403, "long-term access key") {
            try test.sts.credentials(forAccessKey: key.accessKeyID, sessionToken: "token")
        }
    }
}
