import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("Events: dispatching to functions")
struct EventsDispatchTests {
    @Test("a put invokes a real python function as s3.amazonaws.com, and the key shows in its log")
    func deliversToFunction() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("on-upload", source: EventsFixture.printKeySource)
        try test.allowS3("on-upload", bucket: "inbox")
        try test.notifyingBucket("inbox", [LambdaFunctionConfiguration(
            id: "uploads", functionARN: EventsFixture.functionARN("on-upload"), events: ["s3:ObjectCreated:*"], prefix: "incoming/")])
        try test.storage.put("inbox", "incoming/my file é.txt", "payload")

        #expect(try test.events.drainOnce() == S3EventDrainSummary(delivered: 1))
        test.account.functionRuntime.drainAsyncInvocations()
        let deliveries = try test.events.deliveries(bucket: "inbox", caller: .root)
        let delivery = try #require(deliveries.first)
        #expect(delivery.state == .delivered)
        #expect(delivery.attempts == 1)
        #expect(delivery.lastError == nil)
        let records = try test.functions.invocations(function: "on-upload", caller: .root)
        #expect(records.map(\.requestID) == [delivery.requestID])
        #expect(records.first?.status == .success)
        let messages = try test.allLogMessages(function: "on-upload")
        #expect(messages.contains { $0.contains("got ObjectCreated:Put incoming/my+file+%C3%A9.txt") }, "\(messages)")
        // Delivered rows are not delivered again.
        #expect(try test.events.drainOnce() == S3EventDrainSummary())
    }

    @Test("without a permission for s3.amazonaws.com the delivery fails, and the row says AccessDenied and why")
    func missingPermission() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("locked", source: EventsFixture.printKeySource)
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("locked"), events: ["s3:ObjectCreated:*"])])
        try test.storage.put("data", "a")
        #expect(try test.events.drainOnce() == S3EventDrainSummary(failed: 1))
        let delivery = try #require(try test.events.deliveries(bucket: "data", caller: .root).first)
        #expect(delivery.state == .failed)
        #expect(delivery.attempts == 1)
        let reason = try #require(delivery.lastError)
        #expect(reason.hasPrefix("AccessDenied: "))
        #expect(reason.contains("s3.amazonaws.com"), "\(reason)")
        #expect(reason.contains("lambda:InvokeFunction"), "\(reason)")
        #expect(try test.functions.invocations(function: "locked", caller: .root).isEmpty)
        // A failed row stays failed.
        test.clock.advance(by: 3600)
        #expect(try test.events.drainOnce() == S3EventDrainSummary())
    }

    @Test("a permission for another bucket's SourceArn does not let this bucket invoke")
    func wrongSourceARN() throws {
        let test = try TestAccount()
        try test.function("f", source: EventsFixture.printKeySource)
        try test.allowS3("f", bucket: "elsewhere")
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("f"), events: ["s3:ObjectCreated:*"])])
        try test.storage.put("data", "a")
        #expect(try test.events.drainOnce() == S3EventDrainSummary(failed: 1))
        #expect(try test.outbox().first?.lastError?.hasPrefix("AccessDenied") == true)
    }

    @Test("an event for a function that does not exist fails at once: no policy of it lets S3 invoke")
    func missingFunction() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("ghost"), events: ["s3:ObjectRemoved:*"])])
        try test.storage.put("data", "a")
        try test.storage.deleteObject(bucket: "data", key: "a", caller: .root)
        #expect(try test.events.drainOnce() == S3EventDrainSummary(failed: 1))
        let row = try #require(try test.outbox().first)
        #expect(row.state == .failed && row.attempts == 1)
        #expect(row.lastError?.hasPrefix("AccessDenied: ") == true, "\(row.lastError ?? "")")
        #expect(row.lastError?.contains("function:ghost") == true, "\(row.lastError ?? "")")
    }

    @Test("events survive a restart: written by one Account, delivered by another opened on the file later")
    func survivesRestart() throws {
        let folder = TestAccount.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("account.sqlite").path
        let clock = ManualClock()
        func open(seed: UInt64) throws -> Account {
            try Account.open(path: path, options: AccountOptions(clock: clock, ids: SeededIDGenerator(seed: seed),
                                                                 accountID: TestAccount.accountID))
        }
        do {
            let first = try open(seed: 1)
            _ = try first.iam.createRole("exec", trustPolicy: IAMDoc.trustLambda, caller: .root)
            try first.iam.attachPolicy(IAMDoc.lambdaBasic, to: .role("exec"), caller: .root)
            _ = try first.functions.createFunction("on-upload", runtime: "python3.12", handler: "app.handler",
                                               role: InvokeFixture.roleARN("exec"),
                                               code: .files(["app.py": Data(EventsFixture.printKeySource.utf8)]), caller: .root)
            try first.functions.addPermission(function: "on-upload", FunctionPermission(
                statementID: "s3", principal: "s3.amazonaws.com", sourceARN: "arn:aws:s3:::inbox"), caller: .root)
            _ = try first.storage.createBucket("inbox", caller: .root)
            try first.storage.putNotificationConfiguration(bucket: "inbox", NotificationConfiguration(lambdaFunctionConfigurations: [
                LambdaFunctionConfiguration(id: "all", functionARN: EventsFixture.functionARN("on-upload"), events: ["s3:ObjectCreated:*"]),
            ]), caller: .root)
            try first.storage.putObject(bucket: "inbox", key: "before restart.txt", body: DataBodySource(Data("x".utf8)), caller: .root)
            // The process "dies" here, before any dispatch: the Account is released and its file closed.
        }
        let second = try open(seed: 2)
        defer {
            second.functionRuntime.drainAsyncInvocations()
            try? FileManager.default.removeItem(atPath: second.functions.codeCacheDirectory)
        }
        #expect(try second.events.deliveries(bucket: "inbox", caller: .root).map(\.state) == [.pending])
        #expect(try second.events.drainOnce() == S3EventDrainSummary(delivered: 1))
        second.functionRuntime.drainAsyncInvocations()
        let streams = Set(try second.functions.invocations(function: "on-upload", caller: .root).compactMap(\.logStreamName))
        #expect(streams.count == 1)
        let messages = try streams.flatMap { stream in
            try second.logs.getLogEvents(group: "/aws/lambda/on-upload", stream: stream, startFromHead: true, caller: .root).events.map(\.message)
        }
        #expect(messages.contains { $0.contains("got ObjectCreated:Put before+restart.txt") }, "\(messages)")
    }

    @Test("a process SIGKILLed after the object write, before any dispatch: the event is delivered after restart")
    func survivesKill() throws {
        let folder = TestAccount.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("account.sqlite").path
        do {
            let setup = try Account.open(path: path)
            _ = try setup.iam.createRole("exec", trustPolicy: IAMDoc.trustLambda, caller: .root)
            try setup.iam.attachPolicy(IAMDoc.lambdaBasic, to: .role("exec"), caller: .root)
            _ = try setup.functions.createFunction("on-upload", runtime: "python3.12", handler: "app.handler",
                                                   role: "arn:aws:iam::\(setup.accountID):role/exec",
                                                   code: .files(["app.py": Data(EventsFixture.printKeySource.utf8)]), caller: .root)
            try setup.functions.addPermission(function: "on-upload", FunctionPermission(
                statementID: "s3", principal: "s3.amazonaws.com", sourceARN: "arn:aws:s3:::inbox"), caller: .root)
            _ = try setup.storage.createBucket("inbox", caller: .root)
            try setup.storage.putNotificationConfiguration(bucket: "inbox", NotificationConfiguration(lambdaFunctionConfigurations: [
                LambdaFunctionConfiguration(id: "all", functionARN: setup.functions.functionARN("on-upload"),
                                            events: ["s3:ObjectCreated:*"]),
            ]), caller: .root)
        }
        let writer = try FixtureProcess(["put-and-wait", path, "inbox", "written then killed.txt", "-"])
        #expect(writer.waitForLine { $0 == "written" } != nil)
        writer.kill()
        let reopened = try Account.open(path: path)
        defer {
            reopened.functionRuntime.drainAsyncInvocations()
            reopened.functionRuntime.shutdown()
            try? FileManager.default.removeItem(atPath: reopened.functions.codeCacheDirectory)
        }
        #expect(try reopened.storage.headObject(bucket: "inbox", key: "written then killed.txt", caller: .root).size == 6)
        #expect(try reopened.events.deliveries(bucket: "inbox", caller: .root).map(\.state) == [.pending])
        #expect(try reopened.events.drainOnce() == S3EventDrainSummary(delivered: 1))
        reopened.functionRuntime.drainAsyncInvocations()
        let streams = Set(try reopened.functions.invocations(function: "on-upload", caller: .root).compactMap(\.logStreamName))
        let messages = try streams.flatMap { stream in
            try reopened.logs.getLogEvents(group: "/aws/lambda/on-upload", stream: stream, startFromHead: true,
                                           caller: .root).events.map(\.message)
        }
        #expect(messages.contains { $0.contains("got ObjectCreated:Put written+then+killed.txt") }, "\(messages)")
    }

    @Test("deliveries can be narrowed to one function and its versions; \"_\" in its name is not a wildcard")
    func deliveriesForOneFunction() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [
            LambdaFunctionConfiguration(id: "plain", functionARN: EventsFixture.functionARN("a_b"), events: ["s3:ObjectCreated:*"],
                                        prefix: "p1/"),
            LambdaFunctionConfiguration(id: "version", functionARN: EventsFixture.functionARN("a_b") + ":1",
                                        events: ["s3:ObjectCreated:*"], prefix: "p2/"),
            LambdaFunctionConfiguration(id: "lookalike", functionARN: EventsFixture.functionARN("aXb"),
                                        events: ["s3:ObjectCreated:*"], prefix: "p3/"),
        ])
        try test.storage.put("data", keys: ["p1/one", "p2/two", "p3/three"])
        let mine = try test.events.deliveries(bucket: "data", functionARN: EventsFixture.functionARN("a_b"), caller: .root)
        #expect(mine.map(\.eventKey) == ["p2/two", "p1/one"])
        #expect(try test.events.deliveries(bucket: "data", caller: .root).count == 3)
    }

    @Test("a row claimed by a dispatcher that died is delivered again once its lease runs out")
    func expiredLease() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("ghost"), events: ["s3:ObjectCreated:*"])])
        try test.storage.put("data", "a")
        // What a claim leaves behind when its process crashes before writing the outcome.
        let leaseEnds = test.clock.now().timeIntervalSince1970 + test.account.eventDelivery.leaseSeconds
        try test.account.write([]) { db in
            try db.execute(sql: "UPDATE event_outbox SET attempts = 1, next_attempt_at = ?", arguments: [leaseEnds])
        }
        #expect(try test.events.drainOnce() == S3EventDrainSummary())
        #expect(try test.outbox().first?.state == .pending)
        test.clock.advance(by: test.account.eventDelivery.leaseSeconds)
        #expect(try test.events.drainOnce() == S3EventDrainSummary(failed: 1))
        #expect(try test.outbox().first?.attempts == 2)
    }

    @Test("pending rows are taken in id order; only throttling and service errors are retried, with growing waits")
    func retryPolicy() throws {
        #expect(S3EventDispatcher.isPermanent(EngineError(code: "AccessDenied", httpStatus: 403, message: "")))
        #expect(S3EventDispatcher.isPermanent(.functionNotFound("arn:aws:lambda:us-east-1:123456789012:function:x")))
        #expect(!S3EventDispatcher.isPermanent(.tooManyRequests()))
        #expect(!S3EventDispatcher.isPermanent(.lambdaService("python3 was not found")))
        let state = S3EventDeliveryState()
        #expect([1, 2, 3, 4, 20].map { state.backoff(afterAttempt: $0) } == [1, 2, 4, 8, 300])

        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("ghost"), events: ["s3:ObjectCreated:*"])])
        try test.storage.put("data", keys: ["c", "a", "b"])
        #expect(try test.events.drainOnce() == S3EventDrainSummary(failed: 3))
        let rows = try test.outbox()
        #expect(rows.map(\.eventKey) == ["c", "a", "b"])
        #expect(rows.map(\.id) == rows.map(\.id).sorted())
    }

    @Test("start() delivers in the background, soon after a put, and stop() ends it")
    func background() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("ghost"), events: ["s3:ObjectCreated:*"])])
        test.events.start(interval: 0.1)
        defer { test.events.stop() }
        try test.storage.put("data", "a")
        let deadline = Date().addingTimeInterval(10)
        while try test.outbox().first?.state == .pending, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(try test.outbox().first?.state == .failed)
        test.events.stop()
        #expect(!test.account.eventDelivery.isRunning)
        try test.storage.put("data", "b")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try test.outbox().map(\.state) == [.failed, .pending])
    }
}
