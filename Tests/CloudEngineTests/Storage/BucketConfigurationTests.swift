import Foundation
import Testing
@testable import CloudEngine

@Suite("Bucket notification configuration")
struct NotificationConfigurationTests {
    let env: TestAccount
    var storage: StorageService { env.storage }
    static let function = "arn:aws:lambda:us-east-1:123456789012:function:thumbnail"

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    func rule(_ id: String, _ events: [String] = ["s3:ObjectCreated:*"], prefix: String? = nil, suffix: String? = nil,
              arn: String = function) -> LambdaFunctionConfiguration {
        LambdaFunctionConfiguration(id: id, functionARN: arn, events: events, prefix: prefix, suffix: suffix)
    }

    func put(_ rules: LambdaFunctionConfiguration...) throws {
        try storage.putNotificationConfiguration(
            bucket: "bkt", NotificationConfiguration(lambdaFunctionConfigurations: rules), caller: .root)
    }

    @Test("A bucket has an empty configuration until one is put")
    func emptyByDefault() throws {
        #expect(try storage.notificationConfiguration(bucket: "bkt", caller: .root).isEmpty)
    }

    @Test("A configuration round-trips")
    func roundTrip() throws {
        let config = NotificationConfiguration(lambdaFunctionConfigurations: [
            rule("images", ["s3:ObjectCreated:Put", "s3:ObjectCreated:Copy"], prefix: "uploads/", suffix: ".jpg"),
            rule("cleanup", ["s3:ObjectRemoved:*"]),
        ])
        try storage.putNotificationConfiguration(bucket: "bkt", config, caller: .root)
        #expect(try storage.notificationConfiguration(bucket: "bkt", caller: .root) == config)
    }

    @Test("Putting an empty configuration removes the rules")
    func emptyClears() throws {
        try put(rule("one"))
        try put()
        #expect(try storage.notificationConfiguration(bucket: "bkt", caller: .root).isEmpty)
    }

    @Test("An unknown event type is InvalidArgument (400) naming it")
    func unknownEvent() throws {
        expectEngineError("InvalidArgument", 400, "not supported for notifications: s3:ObjectCreated:Upload",
                          "s3:ObjectCreated:Put") {
            try put(rule("r", ["s3:ObjectCreated:Upload"]))
        }
    }

    @Test("An event without the s3: prefix is unknown")
    func eventWithoutPrefix() throws {
        expectEngineError("InvalidArgument", 400, "ObjectCreated:Put") { try put(rule("r", ["ObjectCreated:Put"])) }
    }

    @Test("A rule with no events is InvalidArgument (400)")
    func noEvents() throws {
        expectEngineError("InvalidArgument", 400, "at least one event type") { try put(rule("r", [])) }
    }

    @Test("A destination that is not a Lambda function ARN is InvalidArgument (400)",
          arguments: ["arn:aws:sns:us-east-1:123456789012:topic", "thumbnail", ""])
    func badFunctionARN(arn: String) throws {
        expectEngineError("InvalidArgument", 400, "is not a Lambda function ARN") { try put(rule("r", arn: arn)) }
    }

    @Test("Two rules with the same id are InvalidArgument (400)")
    func duplicateIDs() throws {
        expectEngineError("InvalidArgument", 400, "same Id: twin") {
            try put(rule("twin", prefix: "a/"), rule("twin", prefix: "b/"))
        }
    }

    static let overlapping: [(LambdaFunctionConfiguration, LambdaFunctionConfiguration)] = {
        func r(_ id: String, _ events: [String], _ prefix: String? = nil, _ suffix: String? = nil) -> LambdaFunctionConfiguration {
            LambdaFunctionConfiguration(id: id, functionARN: NotificationConfigurationTests.function, events: events, prefix: prefix, suffix: suffix)
        }
        return [
            (r("a", ["s3:ObjectCreated:Put"]), r("b", ["s3:ObjectCreated:Put"])),
            (r("a", ["s3:ObjectCreated:*"]), r("b", ["s3:ObjectCreated:Copy"])),
            (r("a", ["s3:ObjectCreated:Put"], "images/"), r("b", ["s3:ObjectCreated:Put"], "images/raw/")),
            (r("a", ["s3:ObjectCreated:Put"], nil, ".jpg"), r("b", ["s3:ObjectCreated:Put"], nil, "photo.jpg")),
            (r("a", ["s3:ObjectCreated:Put"], "images/"), r("b", ["s3:ObjectCreated:Put"], nil, ".jpg")),
            (r("a", ["s3:ObjectRemoved:*"], "", ""), r("b", ["s3:ObjectRemoved:Delete"], "x/", ".txt")),
        ]
    }()

    @Test("Rules that share an event and can match one key are refused: 'Configurations overlap'", arguments: overlapping)
    func overlapRefused(first: LambdaFunctionConfiguration, second: LambdaFunctionConfiguration) throws {
        expectEngineError("InvalidArgument", 400, "Configurations overlap", "(a and b)") { try put(first, second) }
        #expect(try storage.notificationConfiguration(bucket: "bkt", caller: .root).isEmpty)
    }

    static let disjoint: [(LambdaFunctionConfiguration, LambdaFunctionConfiguration)] = {
        func r(_ id: String, _ events: [String], _ prefix: String? = nil, _ suffix: String? = nil) -> LambdaFunctionConfiguration {
            LambdaFunctionConfiguration(id: id, functionARN: NotificationConfigurationTests.function, events: events, prefix: prefix, suffix: suffix)
        }
        return [
            (r("a", ["s3:ObjectCreated:*"], nil, ".jpg"), r("b", ["s3:ObjectCreated:*"], nil, ".png")),
            (r("a", ["s3:ObjectCreated:Put"], "a/"), r("b", ["s3:ObjectCreated:Put"], "b/")),
            (r("a", ["s3:ObjectCreated:*"]), r("b", ["s3:ObjectRemoved:*"])),
            (r("a", ["s3:ObjectCreated:Put"]), r("b", ["s3:ObjectCreated:Copy"])),
        ]
    }()

    @Test("Rules that cannot match the same event on the same key are accepted", arguments: disjoint)
    func disjointAccepted(first: LambdaFunctionConfiguration, second: LambdaFunctionConfiguration) throws {
        try put(first, second)
        #expect(try storage.notificationConfiguration(bucket: "bkt", caller: .root).lambdaFunctionConfigurations.count == 2)
    }

    @Test("A rule matches events its patterns cover and keys its filters allow", arguments: [
        ("ObjectCreated:Put", "uploads/cat.jpg", true),
        ("ObjectCreated:Copy", "uploads/cat.jpg", true),
        ("ObjectCreated:Put", "uploads/cat.png", false),
        ("ObjectCreated:Put", "other/cat.jpg", false),
        ("ObjectRemoved:Delete", "uploads/cat.jpg", false),
        ("ObjectCreated:Post", "uploads/.jpg", true),
    ])
    func matches(event: String, key: String, expected: Bool) {
        let config = rule("r", ["s3:ObjectCreated:*"], prefix: "uploads/", suffix: ".jpg")
        #expect(config.matches(eventName: event, key: key) == expected)
    }

    @Test("A rule naming one event matches only that event")
    func matchesExactEvent() {
        let config = rule("r", ["s3:ObjectRemoved:Delete"])
        #expect(config.matches(eventName: "ObjectRemoved:Delete", key: "k"))
        #expect(!config.matches(eventName: "ObjectRemoved:DeleteMarkerCreated", key: "k"))
    }
}

@Suite("Bucket policy")
struct BucketPolicyTests {
    let env: TestAccount
    var storage: StorageService { env.storage }
    static let policy = policy(for: "bkt")

    /// A valid policy letting anyone read the bucket's objects; `sid` pads it to a chosen size.
    static func policy(for bucket: String, sid: String = "PublicRead") -> String {
        #"{"Version":"2012-10-17","Statement":[{"Sid":""# + sid
            + #"","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::"# + bucket + #"/*"}]}"#
    }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    @Test("A policy round-trips exactly as written")
    func roundTrip() throws {
        try storage.putBucketPolicy(bucket: "bkt", policy: Self.policy, caller: .root)
        #expect(try storage.bucketPolicy(bucket: "bkt", caller: .root) == Self.policy)
    }

    @Test("A bucket without a policy is NoSuchBucketPolicy (404)")
    func noPolicy() throws {
        let error = expectEngineError("NoSuchBucketPolicy", 404, "bkt has no bucket policy") {
            try storage.bucketPolicy(bucket: "bkt", caller: .root)
        }
        #expect(error?.resource == "bkt")
    }

    @Test("Deleting the policy removes it")
    func delete() throws {
        try storage.putBucketPolicy(bucket: "bkt", policy: Self.policy, caller: .root)
        try storage.deleteBucketPolicy(bucket: "bkt", caller: .root)
        expectEngineError("NoSuchBucketPolicy", 404) { try storage.bucketPolicy(bucket: "bkt", caller: .root) }
    }

    @Test("Deleting a policy that is not there succeeds")
    func deleteMissing() throws {
        try storage.deleteBucketPolicy(bucket: "bkt", caller: .root)
    }

    @Test("A second policy replaces the first")
    func replace() throws {
        let second = Self.policy(for: "bkt", sid: "Second")
        try storage.putBucketPolicy(bucket: "bkt", policy: Self.policy, caller: .root)
        try storage.putBucketPolicy(bucket: "bkt", policy: second, caller: .root)
        #expect(try storage.bucketPolicy(bucket: "bkt", caller: .root) == second)
    }

    @Test("A policy that is not a JSON object is MalformedPolicy (400)", arguments: ["not json", "", "[1,2]", #"{"Statement": "#, "\"text\""])
    func badJSON(policy: String) throws {
        let error = expectEngineError("MalformedPolicy", 400) {
            try storage.putBucketPolicy(bucket: "bkt", policy: policy, caller: .root)
        }
        #expect(error?.message.isEmpty == false)
        expectEngineError("NoSuchBucketPolicy", 404) { try storage.bucketPolicy(bucket: "bkt", caller: .root) }
    }

    @Test("A policy without Statement is MalformedPolicy (400)")
    func missingStatement() throws {
        expectEngineError("MalformedPolicy", 400, "Statement") {
            try storage.putBucketPolicy(bucket: "bkt", policy: #"{"Version":"2012-10-17"}"#, caller: .root)
        }
        expectEngineError("NoSuchBucketPolicy", 404) { try storage.bucketPolicy(bucket: "bkt", caller: .root) }
    }

    /// A valid policy exactly `count` bytes long.
    static func padded(toBytes count: Int) -> String {
        let overhead = policy(for: "bkt", sid: "").utf8.count
        return policy(for: "bkt", sid: String(repeating: "x", count: count - overhead))
    }

    @Test("A policy of exactly 20 KB is accepted")
    func atLimit() throws {
        let policy = Self.padded(toBytes: 20 * 1024)
        #expect(policy.utf8.count == 20_480)
        try storage.putBucketPolicy(bucket: "bkt", policy: policy, caller: .root)
        #expect(try storage.bucketPolicy(bucket: "bkt", caller: .root) == policy)
    }

    @Test("A policy over 20 KB is PolicyTooLarge (400)")
    func tooLarge() throws {
        expectEngineError("PolicyTooLarge", 400, "less than 20 KB (this one is 20481 bytes)") {
            try storage.putBucketPolicy(bucket: "bkt", policy: Self.padded(toBytes: 20 * 1024 + 1), caller: .root)
        }
    }
}
