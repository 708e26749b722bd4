import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("Events: recording in the outbox")
struct EventsRecordingTests {
    @Test("a put writes AWS's event shape, with the key encoded as S3 does")
    func eventShape() throws {
        let test = try TestAccount()
        try test.notifyingBucket("photos", [LambdaFunctionConfiguration(
            id: "on-upload", functionARN: EventsFixture.functionARN("thumbs"), events: ["s3:ObjectCreated:*"])])
        let info = try test.storage.put("photos", "my folder/é x.csv", "hello")
        let rows = try test.outbox()
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.functionARN == EventsFixture.functionARN("thumbs"))
        #expect(row.bucketARN == "arn:aws:s3:::photos")
        #expect(row.state == .pending)
        #expect(row.attempts == 0)
        #expect(row.eventName == "ObjectCreated:Put")

        let record = try test.eventRecord(row)
        #expect(record["eventVersion"] as? String == "2.1")
        #expect(record["eventSource"] as? String == "aws:s3")
        #expect(record["awsRegion"] as? String == "us-east-1")
        #expect(record["eventTime"] as? String == "2026-01-01T00:00:00.000Z")
        #expect(record["eventName"] as? String == "ObjectCreated:Put")
        let ownerID = S3EventFormat.ownerID(accountID: TestAccount.accountID)
        #expect(ownerID.hasPrefix("A") && ownerID.count == 14)
        #expect((record["userIdentity"] as? [String: Any])?["principalId"] as? String == ownerID)
        #expect((record["requestParameters"] as? [String: Any])?["sourceIPAddress"] as? String == "127.0.0.1")
        let response = try #require(record["responseElements"] as? [String: String])
        #expect(Set(response.keys) == ["x-amz-request-id", "x-amz-id-2"])
        #expect(response["x-amz-request-id"]?.count == 16)
        #expect(response["x-amz-request-id"]?.allSatisfy { $0.isHexDigit && !$0.isLowercase } == true)
        #expect(response["x-amz-id-2"]?.isEmpty == false)

        let s3 = try #require(record["s3"] as? [String: Any])
        #expect(s3["s3SchemaVersion"] as? String == "1.0")
        #expect(s3["configurationId"] as? String == "on-upload")
        let bucket = try #require(s3["bucket"] as? [String: Any])
        #expect(bucket["name"] as? String == "photos")
        #expect(bucket["arn"] as? String == "arn:aws:s3:::photos")
        #expect((bucket["ownerIdentity"] as? [String: Any])?["principalId"] as? String == ownerID)
        let object = try #require(s3["object"] as? [String: Any])
        #expect(object["key"] as? String == "my+folder/%C3%A9+x.csv")
        #expect(object["size"] as? Int == 5)
        #expect(object["eTag"] as? String == info.etag)
        #expect(object["versionId"] == nil)
        let sequencer = try #require(object["sequencer"] as? String)
        #expect(sequencer.count == 16 && sequencer.allSatisfy(\.isHexDigit))
        // The raw JSON keeps slashes as they are.
        #expect(row.event.contains(#""key":"my+folder/%C3%A9+x.csv""#))
        #expect(row.event.hasPrefix(#"{"Records":[{"#))
    }

    @Test("The event's keys come in the order AWS's documentation shows them")
    func keyOrder() throws {
        let record = S3EventRecord(
            eventVersion: "2.1", eventSource: "aws:s3", awsRegion: "us-east-1", eventTime: "1970-01-01T00:00:00.000Z",
            eventName: "ObjectCreated:Put", userIdentity: .init(principalId: "P"), requestParameters: .init(sourceIPAddress: "127.0.0.1"),
            responseElements: .init(requestID: "R", hostID: "H"),
            s3: .init(s3SchemaVersion: "1.0", configurationId: "c\"1", bucket: .init(name: "b", ownerIdentity: .init(principalId: "P"),
                                                                                  arn: "arn:aws:s3:::b"),
                      object: .init(key: "k", size: 5, eTag: "e", sequencer: "0A")))
        let text = String(decoding: try S3EventNotification(records: [record]).jsonData(), as: UTF8.self)
        #expect(text == #"{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"1970-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put","userIdentity":{"principalId":"P"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},"responseElements":{"x-amz-request-id":"R","x-amz-id-2":"H"},"s3":{"s3SchemaVersion":"1.0","configurationId":"c\"1","bucket":{"name":"b","ownerIdentity":{"principalId":"P"},"arn":"arn:aws:s3:::b"},"object":{"key":"k","size":5,"eTag":"e","sequencer":"0A"}}}]}"#)
        let decoded = try JSONDecoder().decode(S3EventNotification.self, from: Data(text.utf8))
        #expect(decoded.records == [record])
    }

    @Test("keys are encoded like a form: letters, digits and -_.* and / kept, everything else %XX")
    func keyEncoding() {
        #expect(S3EventFormat.encodeKey("a b/c") == "a+b/c")
        #expect(S3EventFormat.encodeKey("x+y=z&q") == "x%2By%3Dz%26q")
        #expect(S3EventFormat.encodeKey("file-name_1.*") == "file-name_1.*")
        #expect(S3EventFormat.encodeKey("~(a):b") == "%7E%28a%29%3Ab")
        #expect(S3EventFormat.encodeKey("日") == "%E6%97%A5")
    }

    @Test("an IAM user's put names the user (AWS:AIDA...) and the request's source IP")
    func userPrincipal() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("f"), events: ["s3:ObjectCreated:Put"])])
        var writer = try test.user("writer", policies: [IAMDoc.allow("s3:PutObject")])
        writer.sourceIP = "203.0.113.9"
        try test.storage.put("data", "k", caller: writer)
        guard case let .user(_, userID, _) = writer.identity else { Issue.record("not a user"); return }
        let record = try test.eventRecord(try #require(try test.outbox().first))
        #expect((record["userIdentity"] as? [String: Any])?["principalId"] as? String == "AWS:\(userID)")
        #expect(userID.hasPrefix("AIDA"))
        #expect((record["requestParameters"] as? [String: Any])?["sourceIPAddress"] as? String == "203.0.113.9")
    }

    @Test("prefix and suffix filters decide which puts are recorded, and each rule names its own function")
    func filters() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [
            LambdaFunctionConfiguration(id: "csv", functionARN: EventsFixture.functionARN("csv"),
                                        events: ["s3:ObjectCreated:*"], prefix: "uploads/", suffix: ".csv"),
            LambdaFunctionConfiguration(id: "logs", functionARN: EventsFixture.functionARN("logs"),
                                        events: ["s3:ObjectCreated:Put"], prefix: "logs/"),
        ])
        try test.storage.put("data", "uploads/a.csv")
        try test.storage.put("data", "uploads/a.txt")
        try test.storage.put("data", "other/a.csv")
        try test.storage.put("data", "logs/today")
        try test.storage.put("data", "uploads.csv")
        let rows = try test.outbox()
        #expect(rows.map(\.eventKey) == ["uploads/a.csv", "logs/today"])
        #expect(rows.map(\.functionARN) == [EventsFixture.functionARN("csv"), EventsFixture.functionARN("logs")])
        #expect(try rows.map { (try test.eventRecord($0)["s3"] as? [String: Any])?["configurationId"] as? String } == ["csv", "logs"])
    }

    @Test("a bucket without rules, or with rules for other events, writes nothing to the outbox")
    func noRules() throws {
        let test = try TestAccount()
        _ = try test.storage.createBucket("plain", caller: .root)
        try test.storage.put("plain", "a")
        try test.storage.deleteObject(bucket: "plain", key: "a", caller: .root)
        try test.notifyingBucket("removals", [LambdaFunctionConfiguration(
            id: "gone", functionARN: EventsFixture.functionARN("f"), events: ["s3:ObjectRemoved:*"])])
        try test.storage.put("removals", "a")
        try test.storage.copyObject(sourceBucket: "removals", sourceKey: "a", bucket: "removals", key: "b", caller: .root)
        #expect(try test.count("SELECT count(*) FROM event_outbox") == 0)
        #expect(try test.count("SELECT count(*) FROM event_sequence") == 0)
    }

    @Test("CopyObject records ObjectCreated:Copy with the copy's size and ETag")
    func copy() throws {
        let test = try TestAccount()
        _ = try test.storage.createBucket("src", caller: .root)
        let source = try test.storage.put("src", "original.txt", "twelve bytes")
        try test.notifyingBucket("dst", [LambdaFunctionConfiguration(
            id: "copies", functionARN: EventsFixture.functionARN("f"), events: ["s3:ObjectCreated:Copy"])])
        try test.storage.put("dst", "put-is-not-copy")
        try test.storage.copyObject(sourceBucket: "src", sourceKey: "original.txt", bucket: "dst", key: "copy.txt", caller: .root)
        let rows = try test.outbox()
        #expect(rows.count == 1)
        let record = try test.eventRecord(try #require(rows.first))
        #expect(record["eventName"] as? String == "ObjectCreated:Copy")
        let object = try #require((record["s3"] as? [String: Any])?["object"] as? [String: Any])
        #expect(object["key"] as? String == "copy.txt")
        #expect(object["size"] as? Int == 12)
        #expect(object["eTag"] as? String == source.etag)
    }

    @Test("deleting an existing key records ObjectRemoved:Delete without size or ETag; a missing key records nothing")
    func delete() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "gone", functionARN: EventsFixture.functionARN("f"), events: ["s3:ObjectRemoved:Delete"])])
        try test.storage.put("data", keys: ["a b", "c", "d"])
        try test.storage.deleteObject(bucket: "data", key: "a b", caller: .root)
        try test.storage.deleteObject(bucket: "data", key: "never-there", caller: .root)
        _ = try test.storage.deleteObjects(bucket: "data", keys: ["c", "missing", "d"], caller: .root)
        let rows = try test.outbox()
        #expect(rows.map(\.eventKey) == ["a+b", "c", "d"])
        #expect(rows.allSatisfy { $0.eventName == "ObjectRemoved:Delete" })
        let object = try #require((try test.eventRecord(rows[0])["s3"] as? [String: Any])?["object"] as? [String: Any])
        #expect(Set(object.keys) == ["key", "sequencer"])
    }

    @Test("sequencers grow for successive events on one key, even when the clock stands still")
    func sequencerGrows() throws {
        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("f"), events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"])])
        try test.storage.put("data", "k", "1")
        try test.storage.put("data", "k", "2")
        try test.storage.deleteObject(bucket: "data", key: "k", caller: .root)
        test.clock.advance(by: 1)
        try test.storage.put("data", "k", "3")
        let sequencers = try test.outbox().map { row -> String in
            ((try? test.eventRecord(row))?["s3"] as? [String: Any]).flatMap { ($0["object"] as? [String: Any])?["sequencer"] as? String } ?? ""
        }
        #expect(sequencers.count == 4)
        let values = sequencers.compactMap { UInt64($0, radix: 16) }
        #expect(values.count == 4)
        #expect(values == values.sorted() && Set(values).count == 4)
    }

    @Test("the event is part of the object's transaction: rolled back together, committed together")
    func sameTransaction() throws {
        struct Abort: Error {}
        let test = try TestAccount()
        try test.notifyingBucket("data", [LambdaFunctionConfiguration(
            id: "all", functionARN: EventsFixture.functionARN("f"), events: ["s3:ObjectCreated:*"])])
        let meta = try ObjectMetadataInput(options: PutObjectOptions(), key: "k")
        #expect(throws: Abort.self) {
            try test.account.write([.objects]) { db in
                _ = try test.storage.commitObject(bucket: "data", key: "k", bodyID: nil, size: 0, etag: "d41d8cd98f00b204e9800998ecf8427e",
                                                  meta: meta, caller: .root, db: db)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_outbox") == 1)
                throw Abort()
            }
        }
        #expect(try test.count("SELECT count(*) FROM objects") == 0)
        #expect(try test.count("SELECT count(*) FROM event_outbox") == 0)
        // A put refused by authorization records nothing either.
        let reader = try test.user("reader", policies: [IAMDoc.allow("s3:GetObject")])
        expectEngineError("AccessDenied", 403) { try test.storage.put("data", "k", caller: reader) }
        #expect(try test.count("SELECT count(*) FROM event_outbox") == 0)
    }
}
