import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("Functions console: S3 triggers")
struct FnConsoleS3TriggerTests {
    @Test("adding a trigger lets S3 invoke the function for that bucket and adds the rule to the bucket")
    func add() throws {
        let test = try TestAccount()
        try test.helloFunction()
        _ = try test.storage.createBucket("photos", caller: .root)
        let trigger = try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"],
                                                      prefix: "uploads/", suffix: "", caller: .root)
        #expect(trigger.bucket == "photos")
        #expect(trigger.events == ["s3:ObjectCreated:*"])
        #expect(trigger.prefix == "uploads/")
        #expect(trigger.suffix == nil)
        #expect(trigger.configurationID.count == 36)

        #expect(try test.rules("photos") == [LambdaFunctionConfiguration(
            id: trigger.configurationID, functionARN: FnConsoleFixture.functionARN("hello"), events: ["s3:ObjectCreated:*"],
            prefix: "uploads/")])
        let statements = try test.policyStatements("hello")
        #expect(statements.count == 1)
        let statement = try #require(statements.first)
        #expect((statement["Sid"] as? String)?.hasPrefix("lambda-") == true)
        #expect((statement["Sid"] as? String)?.count == "lambda-".count + 36)
        #expect(statement["Action"] as? String == "lambda:InvokeFunction")
        #expect((statement["Principal"] as? [String: String]) == ["Service": "s3.amazonaws.com"])
        let condition = try #require(statement["Condition"] as? [String: [String: String]])
        #expect(condition["ArnLike"] == ["AWS:SourceArn": "arn:aws:s3:::photos"])
        #expect(condition["StringEquals"] == ["AWS:SourceAccount": TestAccount.accountID])
        #expect(try test.functions.s3Triggers(function: "hello", caller: .root) == [trigger])
    }

    @Test("a put into the bucket after adding the trigger leaves a pending outbox row for the function")
    func putWritesOutboxRow() throws {
        let test = try TestAccount()
        try test.helloFunction()
        _ = try test.storage.createBucket("inbox", caller: .root)
        let trigger = try test.functions.addS3Trigger(function: "hello", bucket: "inbox", events: ["s3:ObjectCreated:Put"],
                                                      prefix: nil, suffix: ".csv", caller: .root)
        try test.storage.put("inbox", "report.txt")
        #expect(try test.outbox().isEmpty)
        try test.storage.put("inbox", "data/report.csv")
        let rows = try test.outbox()
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.state == .pending)
        #expect(row.functionARN == FnConsoleFixture.functionARN("hello"))
        #expect(row.bucketARN == "arn:aws:s3:::inbox")
        let s3 = try #require(try test.eventRecord(row)["s3"] as? [String: Any])
        #expect(s3["configurationId"] as? String == trigger.configurationID)
    }

    @Test("the event is delivered to the real function: the permission the trigger added lets S3 invoke it")
    func delivered() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("on-upload", source: EventsFixture.printKeySource)
        _ = try test.storage.createBucket("inbox", caller: .root)
        try test.functions.addS3Trigger(function: "on-upload", bucket: "inbox", events: ["s3:ObjectCreated:*"],
                                        prefix: nil, suffix: nil, caller: .root)
        try test.storage.put("inbox", "hello.txt")
        #expect(try test.events.drainOnce() == S3EventDrainSummary(delivered: 1))
        test.account.functionRuntime.drainAsyncInvocations()
        #expect(try test.events.deliveries(bucket: "inbox", caller: .root).map(\.state) == [.delivered])
        #expect(try test.functions.invocations(function: "on-upload", caller: .root).map(\.status) == [.success])
        let messages = try test.allLogMessages(function: "on-upload")
        #expect(messages.contains { $0.contains("got ObjectCreated:Put hello.txt") }, "\(messages)")
    }

    @Test("a second trigger on the same bucket, or a policy that already allows S3, adds no statement")
    func noDuplicatePermission() throws {
        let test = try TestAccount()
        try test.helloFunction()
        _ = try test.storage.createBucket("photos", caller: .root)
        _ = try test.storage.createBucket("docs", caller: .root)
        try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: "a/", suffix: nil, caller: .root)
        try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: "b/", suffix: nil, caller: .root)
        #expect(try test.policyStatements("hello").count == 1)
        try test.allowS3("hello", bucket: "docs")
        try test.functions.addS3Trigger(function: "hello", bucket: "docs", events: ["s3:ObjectRemoved:*"], prefix: nil, suffix: nil, caller: .root)
        #expect(try test.policyStatements("hello").compactMap { $0["Sid"] as? String }.filter { !$0.hasPrefix("lambda-") } == ["s3-docs"])
        #expect(try test.policyStatements("hello").count == 2)
        // A trigger on another bucket needs its own statement.
        _ = try test.storage.createBucket("logs", caller: .root)
        try test.functions.addS3Trigger(function: "hello", bucket: "logs", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: .root)
        #expect(try test.policyStatements("hello").count == 3)
    }

    @Test("an overlapping rule fails with S3's error unchanged, and the statement added for it is removed again")
    func overlapRollsBack() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.helloFunction("other")
        let existing = LambdaFunctionConfiguration(id: "existing", functionARN: FnConsoleFixture.functionARN("other"),
                                                   events: ["s3:ObjectCreated:*"])
        try test.notifyingBucket("photos", [existing])
        let revision = try test.functions.getFunctionConfiguration("hello", caller: .root).revisionID
        let error = expectEngineError("InvalidArgument", 400, "Configurations overlap. Configurations on the same bucket cannot share a common event type (existing and ") {
            try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:Put"],
                                            prefix: "images/", suffix: nil, caller: .root)
        }
        #expect(error?.message.hasSuffix(").") == true)
        #expect(try test.policyStatements("hello").isEmpty)
        #expect(try test.rules("photos") == [existing])
        #expect(try test.functions.getFunctionConfiguration("hello", caller: .root).revisionID != revision)
        // A rule that does not overlap goes in beside it.
        try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectRemoved:*"], prefix: nil, suffix: nil, caller: .root)
        #expect(try test.rules("photos").count == 2)
        #expect(try test.policyStatements("hello").count == 1)
    }

    @Test("a caller who may add the permission but not change the bucket gets AccessDenied, and the permission is gone")
    func bucketDeniedRollsBack() throws {
        let test = try TestAccount()
        try test.helloFunction()
        _ = try test.storage.createBucket("photos", caller: .root)
        let user = try test.user("dev", policies: [IAMDoc.allow("lambda:GetFunction", "lambda:AddPermission", "s3:GetBucketNotification")])
        expectEngineError("AccessDenied", 403, "s3:PutBucketNotification", "arn:aws:s3:::photos") {
            try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: user)
        }
        #expect(try test.policyStatements("hello").isEmpty)
        #expect(try test.rules("photos").isEmpty)
        let noAdd = try test.user("dev2", policies: [IAMDoc.allow("lambda:GetFunction", "s3:GetBucketNotification", "s3:PutBucketNotification")])
        expectEngineError("AccessDenied", 403, "lambda:AddPermission") {
            try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: noAdd)
        }
        #expect(try test.rules("photos").isEmpty)
        let allowed = try test.user("dev3", policies: [IAMDoc.allow("lambda:GetFunction", "lambda:AddPermission", "s3:GetBucketNotification",
                                                                    "s3:PutBucketNotification")])
        try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: allowed)
        #expect(try test.rules("photos").count == 1)
    }

    @Test("bad events, a missing function or bucket fail before anything changes")
    func invalidRequests() throws {
        let test = try TestAccount()
        try test.helloFunction()
        _ = try test.storage.createBucket("photos", caller: .root)
        expectEngineError("InvalidArgument", 400, "Each notification configuration needs at least one event type.") {
            try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: [], prefix: nil, suffix: nil, caller: .root)
        }
        expectEngineError("InvalidArgument", 400, "The event is not supported for notifications: s3:ObjectRestore:*.") {
            try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectRestore:*"], prefix: nil, suffix: nil, caller: .root)
        }
        expectEngineError("ResourceNotFoundException", 404, "Function not found: \(FnConsoleFixture.functionARN("nope"))") {
            try test.functions.addS3Trigger(function: "nope", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: .root)
        }
        expectEngineError("NoSuchBucket", 404, "The specified bucket does not exist: missing") {
            try test.functions.addS3Trigger(function: "hello", bucket: "missing", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400, "carries a qualifier") {
            try test.functions.addS3Trigger(function: "hello:1", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: .root)
        }
        let stranger = try test.user("stranger")
        expectEngineError("AccessDenied", 403, "lambda:GetFunction") {
            try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: stranger)
        }
        #expect(try test.policyStatements("hello").isEmpty)
        #expect(try test.rules("photos").isEmpty)
    }

    @Test("triggers are listed by bucket then id, unqualified and $LATEST ARNs only, skipping buckets the caller may not read")
    func listing() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.helloFunction("other")
        try test.notifyingBucket("b-bucket", [
            LambdaFunctionConfiguration(id: "z-latest", functionARN: FnConsoleFixture.functionARN("hello", "$LATEST"), events: ["s3:ObjectRemoved:*"]),
            LambdaFunctionConfiguration(id: "a-plain", functionARN: FnConsoleFixture.functionARN("hello"), events: ["s3:ObjectCreated:Put"], suffix: ".png"),
            LambdaFunctionConfiguration(id: "m-version", functionARN: FnConsoleFixture.functionARN("hello", "1"), events: ["s3:ObjectCreated:Copy"]),
        ])
        try test.notifyingBucket("a-bucket", [
            LambdaFunctionConfiguration(id: "other", functionARN: FnConsoleFixture.functionARN("other"), events: ["s3:ObjectCreated:*"]),
            LambdaFunctionConfiguration(id: "mine", functionARN: FnConsoleFixture.functionARN("hello"), events: ["s3:ObjectRemoved:*"], prefix: "x/"),
        ])
        _ = try test.storage.createBucket("c-empty", caller: .root)
        let all = try test.functions.s3Triggers(function: "hello", caller: .root)
        #expect(all == [
            S3Trigger(bucket: "a-bucket", configurationID: "mine", events: ["s3:ObjectRemoved:*"], prefix: "x/"),
            S3Trigger(bucket: "b-bucket", configurationID: "a-plain", events: ["s3:ObjectCreated:Put"], suffix: ".png"),
            S3Trigger(bucket: "b-bucket", configurationID: "z-latest", events: ["s3:ObjectRemoved:*"]),
        ])
        #expect(try test.functions.s3Triggers(function: "other", caller: .root).map(\.configurationID) == ["other"])

        let partial = try test.user("partial", policies: [
            IAMDoc.allow("lambda:GetFunction"),
            IAMDoc.allow("s3:GetBucketNotification", on: ["arn:aws:s3:::b-bucket"]),
        ])
        #expect(try test.functions.s3Triggers(function: "hello", caller: partial).map(\.configurationID) == ["a-plain", "z-latest"])
        let noFunction = try test.user("nofn", policies: [IAMDoc.allow("s3:GetBucketNotification")])
        expectEngineError("AccessDenied", 403, "lambda:GetFunction") {
            try test.functions.s3Triggers(function: "hello", caller: noFunction)
        }
        expectEngineError("ResourceNotFoundException", 404, "Function not found: \(FnConsoleFixture.functionARN("nope"))") {
            try test.functions.s3Triggers(function: "nope", caller: .root)
        }
    }

    @Test("removing a trigger removes its rule; the statement goes with the bucket's last trigger of the function")
    func remove() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.helloFunction("other")
        _ = try test.storage.createBucket("photos", caller: .root)
        let first = try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: "a/", suffix: nil, caller: .root)
        let second = try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: "b/", suffix: nil, caller: .root)
        let foreign = try test.functions.addS3Trigger(function: "other", bucket: "photos", events: ["s3:ObjectRemoved:*"], prefix: nil, suffix: nil, caller: .root)
        try test.allowS3("hello", bucket: "photos")
        #expect(try test.policyStatements("hello").count == 2)

        try test.functions.removeS3Trigger(function: "hello", bucket: "photos", configurationID: first.configurationID, caller: .root)
        #expect(try test.functions.s3Triggers(function: "hello", caller: .root) == [second])
        #expect(try test.policyStatements("hello").count == 2)

        try test.functions.removeS3Trigger(function: "hello", bucket: "photos", configurationID: second.configurationID, caller: .root)
        #expect(try test.functions.s3Triggers(function: "hello", caller: .root).isEmpty)
        // The console's statement is gone; the one made by hand stays, and so does the other function's trigger.
        #expect(try test.policyStatements("hello").compactMap { $0["Sid"] as? String } == ["s3-photos"])
        #expect(try test.rules("photos").map(\.id) == [foreign.configurationID])
        #expect(try test.policyStatements("other").count == 1)
        // With the trigger gone, a put leaves nothing for hello.
        try test.storage.put("photos", "a/x.png")
        #expect(try test.outbox().isEmpty)
    }

    @Test("removing a trigger that is not there is NoSuchConfiguration, including another function's rule")
    func removeMissing() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.helloFunction("other")
        _ = try test.storage.createBucket("photos", caller: .root)
        let foreign = try test.functions.addS3Trigger(function: "other", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: .root)
        expectEngineError("NoSuchConfiguration", 404, "The specified configuration does not exist.",
                          "Bucket photos has no event notification with Id nope that invokes function hello.") {
            try test.functions.removeS3Trigger(function: "hello", bucket: "photos", configurationID: "nope", caller: .root)
        }
        expectEngineError("NoSuchConfiguration", 404, "with Id \(foreign.configurationID) that invokes function hello") {
            try test.functions.removeS3Trigger(function: "hello", bucket: "photos", configurationID: foreign.configurationID, caller: .root)
        }
        expectEngineError("NoSuchBucket", 404, "The specified bucket does not exist: missing") {
            try test.functions.removeS3Trigger(function: "hello", bucket: "missing", configurationID: "x", caller: .root)
        }
        #expect(try test.rules("photos").map(\.id) == [foreign.configurationID])
    }

    @Test("removing needs lambda:RemovePermission when the statement would go, checked before the bucket changes")
    func removeDenied() throws {
        let test = try TestAccount()
        try test.helloFunction()
        _ = try test.storage.createBucket("photos", caller: .root)
        let trigger = try test.functions.addS3Trigger(function: "hello", bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: nil, suffix: nil, caller: .root)
        let bucketOnly = try test.user("bucket-admin", policies: [IAMDoc.allow("s3:GetBucketNotification", "s3:PutBucketNotification")])
        expectEngineError("AccessDenied", 403, "lambda:RemovePermission") {
            try test.functions.removeS3Trigger(function: "hello", bucket: "photos", configurationID: trigger.configurationID, caller: bucketOnly)
        }
        #expect(try test.rules("photos").map(\.id) == [trigger.configurationID])
        #expect(try test.policyStatements("hello").count == 1)
        let noBucket = try test.user("fn-admin", policies: [IAMDoc.allow("lambda:RemovePermission", "s3:GetBucketNotification")])
        expectEngineError("AccessDenied", 403, "s3:PutBucketNotification") {
            try test.functions.removeS3Trigger(function: "hello", bucket: "photos", configurationID: trigger.configurationID, caller: noBucket)
        }
        #expect(try test.policyStatements("hello").count == 1)
        let both = try test.user("admin", policies: [IAMDoc.allow("lambda:RemovePermission", "s3:GetBucketNotification", "s3:PutBucketNotification")])
        try test.functions.removeS3Trigger(function: "hello", bucket: "photos", configurationID: trigger.configurationID, caller: both)
        #expect(try test.rules("photos").isEmpty)
        #expect(try test.policyStatements("hello").isEmpty)
    }
}
