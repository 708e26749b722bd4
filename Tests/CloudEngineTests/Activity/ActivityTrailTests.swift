import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("Activity trail")
struct ActivityTrailTests {
    let env: TestAccount
    var account: Account { env.account }

    init() throws {
        env = try TestAccount()
        _ = try account.storage.createBucket("reports", caller: .root)
    }

    /// Alice may read objects in `reports` (statement "Read", on line 3) and is denied deletes explicitly.
    func makeAlice() throws -> Caller {
        let alice = try account.iam.createUser("alice", caller: .root)
        try account.iam.putInlinePolicy("reports-read", document: """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::reports/*"},
              {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}
            ]}
            """, on: .user("alice"), caller: .root)
        return alice.caller
    }

    func lookup(_ query: ActivityQuery = ActivityQuery()) throws -> [ActivityEvent] {
        try account.activity.flush()
        return try account.activity.lookup(query, caller: .root).events
    }

    @Test("Each decision is kept, newest first, with the principal, action, resource, decision and origin")
    func recordsDecisions() throws {
        _ = try env.storage.put("reports", "q1.csv")
        let events = try lookup(ActivityQuery(attribute: .eventName("PutObject")))
        let put = try #require(events.first)
        #expect(put.action == "s3:PutObject")
        #expect(put.eventSource == "s3.amazonaws.com")
        #expect(put.resource == "arn:aws:s3:::reports/q1.csv")
        #expect(put.principalARN == "arn:aws:iam::123456789012:root")
        #expect(put.principalKind == "root")
        #expect(put.userName == "root")
        #expect(put.decision == "allowed")
        #expect(put.origin == "engine")
        #expect(put.errorCode == nil)
        #expect(put.eventTime == 1_767_225_600_000)
        let all = try lookup()
        #expect(all.compactMap(\.id) == all.compactMap(\.id).sorted(by: >))
        #expect(all.contains { $0.action == "s3:CreateBucket" })
    }

    @Test("Allowed calls name the statements that allowed them; denied ones the error, and the Deny statement when one decided")
    func statementsAndErrors() throws {
        let alice = try makeAlice()
        _ = try env.storage.put("reports", "a.csv", caller: alice)
        #expect(throws: EngineError.self) { _ = try account.storage.deleteObject(bucket: "reports", key: "a.csv", caller: alice) }
        #expect(throws: EngineError.self) { _ = try account.storage.listObjects(bucket: "reports", caller: alice) }

        let events = try lookup(ActivityQuery(attribute: .userName("alice")))
        let put = try #require(events.first { $0.action == "s3:PutObject" })
        #expect(put.statements.map(\.sid) == ["Read"])
        #expect(put.statements.first?.policyName == "reports-read")
        #expect(put.statements.first?.source == "user")
        #expect(put.statements.first?.line == 2)

        let delete = try #require(events.first { $0.action == "s3:DeleteObject" })
        #expect(delete.decision == "explicitDeny")
        #expect(delete.statements.map(\.sid) == ["NoDeletes"])
        #expect(delete.errorCode == "AccessDenied")
        #expect(delete.errorMessage?.contains("explicit deny") == true)

        let list = try #require(events.first { $0.action == "s3:ListBucket" })
        #expect(list.decision == "implicitDeny")
        #expect(list.statements.isEmpty)
        #expect(list.principalARN == "arn:aws:iam::123456789012:user/alice")

        let denied = try lookup(ActivityQuery(attribute: .userName("alice"), deniedOnly: true))
        #expect(Set(denied.map(\.action)) == ["s3:DeleteObject", "s3:ListBucket"])
    }

    @Test("A session Lambda starts for a function acts for the function; a service acts as itself; the console as the console")
    func origins() throws {
        _ = try account.iam.createRole("fn-role", trustPolicy: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
            """, caller: .root)
        let session = try account.sts.assumeRoleAsService(roleARN: "arn:aws:iam::123456789012:role/fn-role",
                                                          service: "lambda.amazonaws.com", sessionName: "summarize")
        _ = try? env.storage.put("reports", "x", caller: session.caller)
        var console = Caller.root
        console.origin = .console
        _ = try account.storage.listBuckets(caller: console)

        let events = try lookup()
        let assume = try #require(events.first { $0.action == "sts:AssumeRole" })
        #expect(assume.origin == "service")
        #expect(assume.originDetail == "lambda.amazonaws.com")
        #expect(assume.principalKind == "service")
        let put = try #require(events.first { $0.action == "s3:PutObject" })
        #expect(put.origin == "function")
        #expect(put.originDetail == "summarize")
        #expect(put.roleName == "fn-role")
        #expect(put.userName == "summarize")
        #expect(put.decision == "implicitDeny")
        #expect(events.first { $0.action == "s3:ListAllMyBuckets" }?.origin == "console")
    }

    @Test("Lookups page newest first with tokens, and take a time range")
    func paging() throws {
        for index in 0..<7 {
            _ = try env.storage.put("reports", "k\(index)")
            env.clock.advance(by: 60)
        }
        let query = ActivityQuery(attribute: .eventName("PutObject"), limit: 3)
        try account.activity.flush()
        let first = try account.activity.lookup(query, caller: .root)
        #expect(first.events.map(\.resource) == ["k6", "k5", "k4"].map { "arn:aws:s3:::reports/\($0)" })
        var next = query
        next.nextToken = first.nextToken
        let second = try account.activity.lookup(next, caller: .root)
        #expect(second.events.map(\.resource) == ["k3", "k2", "k1"].map { "arn:aws:s3:::reports/\($0)" })
        let start: Int64 = 1_767_225_600_000 + 120_000
        let ranged = try lookup(ActivityQuery(attribute: .eventName("PutObject"), startTime: start, endTime: start + 60_000))
        #expect(ranged.map(\.resource) == ["k3", "k2"].map { "arn:aws:s3:::reports/\($0)" })
        var bad = query
        bad.nextToken = "not-a-token"
        #expect(throws: EngineError.self) { try account.activity.lookup(bad, caller: .root) }
        #expect(throws: EngineError.self) { try account.activity.lookup(ActivityQuery(limit: 0), caller: .root) }
    }

    @Test("Looking up the trail is itself authorized (cloudtrail:LookupEvents)")
    func lookupIsAuthorized() throws {
        let alice = try makeAlice()
        #expect(throws: EngineError.self) { try account.activity.lookup(ActivityQuery(), caller: alice) }
    }

    @Test("The trail keeps its window: the newest N events, and nothing older than its days")
    func window() throws {
        var options = AccountOptions(clock: env.clock, ids: SeededIDGenerator(), accountID: TestAccount.accountID)
        options.activityWindow = ActivityWindow(days: 1, events: 5)
        let folder = TestAccount.makeFolder()
        let small = try Account.open(path: folder.appendingPathComponent("a.sqlite").path, options: options)
        _ = try small.storage.createBucket("bbb", caller: .root)
        for index in 0..<11 { _ = try small.storage.putObject(bucket: "bbb", key: "k\(index)", body: DataBodySource(Data()), caller: .root) }
        try small.activity.flush()
        let kept = try small.activity.lookup(ActivityQuery(limit: 100), caller: .root).events
        // The lookup itself was recorded after the flush, so it is not among them.
        #expect(kept.count == 5)
        #expect(kept.first?.resource == "arn:aws:s3:::bbb/k10")

        env.clock.advance(by: 2 * 86_400)
        _ = try small.storage.listBuckets(caller: .root)
        try small.activity.flush()
        try small.write([.activity]) { db in try small.activityRecorder.trimToWindow(db, now: env.clock.now()) }
        let recent = try small.activity.lookup(ActivityQuery(limit: 100), caller: .root).events
        #expect(recent.allSatisfy { $0.eventTime >= 1_767_225_600_000 + 86_400_000 })
        #expect(recent.contains { $0.action == "s3:ListAllMyBuckets" })
    }

    @Test("With recording off, nothing is kept")
    func off() throws {
        var options = AccountOptions(clock: env.clock, ids: SeededIDGenerator(), accountID: TestAccount.accountID)
        options.recordsActivity = false
        let folder = TestAccount.makeFolder()
        let quiet = try Account.open(path: folder.appendingPathComponent("a.sqlite").path, options: options)
        _ = try quiet.storage.createBucket("bbb", caller: .root)
        try quiet.activity.flush()
        #expect(try quiet.activity.lookup(ActivityQuery(), caller: .root).events.isEmpty)
    }
}
