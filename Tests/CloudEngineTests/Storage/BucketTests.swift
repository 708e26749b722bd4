import Foundation
import Testing
@testable import CloudEngine

@Suite("Buckets: create, list, head, delete")
struct BucketTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
    }

    @Test("CreateBucket returns the bucket in the account's region, empty, created now")
    func createReturnsBucket() throws {
        let bucket = try storage.createBucket("photos", caller: .root)
        #expect(bucket == Bucket(name: "photos", region: "us-east-1", createdAt: env.clock.now(), objectCount: 0, totalSize: 0))
        #expect(bucket.arn == "arn:aws:s3:::photos")
    }

    @Test("CreateBucket keeps an explicit region")
    func createWithRegion() throws {
        try storage.createBucket("eu-data", region: "eu-west-1", caller: .root)
        #expect(try storage.headBucket("eu-data", caller: .root).region == "eu-west-1")
    }

    @Test("CreateBucket refuses a Region AWS does not have with InvalidLocationConstraint")
    func unknownRegion() throws {
        expectEngineError("InvalidLocationConstraint", 400, "The specified location-constraint is not valid: mars-north-9") {
            try storage.createBucket("mars", region: "mars-north-9", caller: .root)
        }
        #expect(try storage.listBuckets(caller: .root).isEmpty)
    }

    @Test("ListBuckets returns every bucket by name")
    func listByName() throws {
        for name in ["zeta", "alpha", "m-1", "1-first"] { try storage.createBucket(name, caller: .root) }
        #expect(try storage.listBuckets(caller: .root).map(\.name) == ["1-first", "alpha", "m-1", "zeta"])
    }

    @Test("ListBuckets of a new account is empty")
    func listEmpty() throws {
        #expect(try storage.listBuckets(caller: .root).isEmpty)
    }

    @Test("HeadBucket returns the stored bucket")
    func head() throws {
        let created = try storage.createBucket("logs", caller: .root)
        env.clock.advance(by: 60)
        #expect(try storage.headBucket("logs", caller: .root) == created)
    }

    @Test("DeleteBucket removes an empty bucket")
    func deleteEmpty() throws {
        try storage.createBucket("tmp", caller: .root)
        try storage.deleteBucket("tmp", caller: .root)
        #expect(try storage.listBuckets(caller: .root).isEmpty)
        expectEngineError("NoSuchBucket", 404) { try storage.headBucket("tmp", caller: .root) }
    }

    @Test("A deleted bucket's name can be created again")
    func recreateAfterDelete() throws {
        try storage.createBucket("tmp", caller: .root)
        try storage.deleteBucket("tmp", caller: .root)
        try storage.createBucket("tmp", caller: .root)
        #expect(try storage.headBucket("tmp", caller: .root).objectCount == 0)
    }

    @Test("Creating a bucket twice is BucketAlreadyOwnedByYou (409)")
    func alreadyOwned() throws {
        try storage.createBucket("mine", caller: .root)
        let error = expectEngineError("BucketAlreadyOwnedByYou", 409, "you already own it: mine") {
            try storage.createBucket("mine", caller: .root)
        }
        #expect(error?.resource == "mine")
    }

    @Test("Deleting a bucket that holds objects is BucketNotEmpty (409), naming the count")
    func notEmpty() throws {
        try storage.createBucket("full", caller: .root)
        try storage.put("full", keys: ["a", "b"])
        expectEngineError("BucketNotEmpty", 409, "full holds 2 objects", "Delete them first") {
            try storage.deleteBucket("full", caller: .root)
        }
        #expect(try storage.headBucket("full", caller: .root).objectCount == 2)
    }

    @Test("BucketNotEmpty says 'object' for a single object")
    func notEmptySingular() throws {
        try storage.createBucket("one", caller: .root)
        try storage.put("one", "k")
        expectEngineError("BucketNotEmpty", 409, "holds 1 object.") { try storage.deleteBucket("one", caller: .root) }
    }

    @Test("A bucket emptied by deletes can be deleted")
    func deleteAfterEmptied() throws {
        try storage.createBucket("bkt", caller: .root)
        try storage.put("bkt", "k")
        try storage.deleteObject(bucket: "bkt", key: "k", caller: .root)
        try storage.deleteBucket("bkt", caller: .root)
        #expect(try storage.listBuckets(caller: .root).isEmpty)
    }
}

@Suite("Bucket naming rules")
struct BucketNamingTests {
    static let invalid: [(String, String)] = [
        ("ab", "3 to 63 characters long (this one has 2)"),
        ("", "3 to 63 characters long (this one has 0)"),
        (String(repeating: "a", count: 64), "3 to 63 characters long (this one has 64)"),
        ("MyBucket", "Only lowercase letters are allowed: 'M' is uppercase"),
        ("my_bucket", "not '_'"),
        ("my bucket", "not ' '"),
        ("bücket", "not 'ü'"),
        ("-bucket", "Must begin with a letter or number"),
        (".bucket", "Must begin with a letter or number"),
        ("bucket-", "Must end with a letter or number"),
        ("bucket.", "Must end with a letter or number"),
        ("my..bucket", "Must not contain two adjacent periods"),
        ("192.168.5.4", "Must not be formatted as an IP address"),
        ("0.0.0.0", "Must not be formatted as an IP address"),
        ("xn--bucket", "Must not start with the reserved prefix 'xn--'"),
        ("sthree-bucket", "Must not start with the reserved prefix 'sthree-'"),
        ("amzn-s3-demo-bucket", "Must not start with the reserved prefix 'amzn-s3-demo-'"),
        ("bucket-s3alias", "Must not end with the reserved suffix '-s3alias'"),
        ("bucket--ol-s3", "Must not end with the reserved suffix '--ol-s3'"),
        ("bucket.mrap", "Must not end with the reserved suffix '.mrap'"),
        ("bucket--x-s3", "Must not end with the reserved suffix '--x-s3'"),
    ]

    @Test("An invalid name is InvalidBucketName (400) naming the rule it breaks", arguments: invalid)
    func invalidName(name: String, rule: String) throws {
        let env = try TestAccount()
        let error = expectEngineError("InvalidBucketName", 400, "The specified bucket is not valid: ", rule) {
            try env.storage.createBucket(name, caller: .root)
        }
        #expect(error?.resource == name)
        #expect(try env.storage.listBuckets(caller: .root).isEmpty)
    }

    @Test("Valid names that look tricky are accepted",
          arguments: ["a.b-c", String(repeating: "a", count: 63), "abc", "123", "1.2.3", "256.1.1.1", "1.2.3.4.5",
                      "my-bucket.example.com", "xn-bucket", "bucket-s3", "a-b--c", "s3alias", "mrap.x"])
    func validName(name: String) throws {
        #expect(BucketName.violation(name) == nil)
        let env = try TestAccount()
        #expect(try env.storage.createBucket(name, caller: .root).name == name)
    }

    @Test("Names ending in --table-s3 are reserved for S3 table buckets")
    func tableSuffix() {
        #expect(BucketName.violation("analytics--table-s3") == "Must not end with the reserved suffix '--table-s3'.")
    }

    @Test("A name too long in bytes but not in letters is explained without contradicting itself")
    func multiByteLengthMessage() {
        // 32 letters, 64 bytes of UTF-8: 'é' is the problem, not a length of 32.
        let name = String(repeating: "é", count: 32)
        let rule = BucketName.violation(name) ?? ""
        #expect(rule.contains("not 'é'") || rule.contains("has 64"), "\(rule)")
    }
}

@Suite("NoSuchBucket on every bucket-scoped call")
struct NoSuchBucketTests {
    enum Call: String, CaseIterable, Sendable {
        case headBucket, deleteBucket, putObject, getObject, headObject, listObjects, deleteObject, deleteObjects
        case copyFromMissingBucket, copyToMissingBucket, putNotification, getNotification
        case putPolicy, getPolicy, deletePolicy

        func run(_ storage: StorageService, missing: String) throws {
            switch self {
            case .headBucket: _ = try storage.headBucket(missing, caller: .root)
            case .deleteBucket: try storage.deleteBucket(missing, caller: .root)
            case .putObject: try storage.put(missing, "k")
            case .getObject: _ = try storage.getObjectData(bucket: missing, key: "k", caller: .root)
            case .headObject: _ = try storage.headObject(bucket: missing, key: "k", caller: .root)
            case .listObjects: _ = try storage.listObjects(bucket: missing, caller: .root)
            case .deleteObject: try storage.deleteObject(bucket: missing, key: "k", caller: .root)
            case .deleteObjects: _ = try storage.deleteObjects(bucket: missing, keys: ["k"], caller: .root)
            case .copyFromMissingBucket:
                try storage.copyObject(sourceBucket: missing, sourceKey: "k", bucket: "real", key: "k2", caller: .root)
            case .copyToMissingBucket:
                try storage.copyObject(sourceBucket: "real", sourceKey: "k", bucket: missing, key: "k", caller: .root)
            case .putNotification:
                try storage.putNotificationConfiguration(bucket: missing, NotificationConfiguration(), caller: .root)
            case .getNotification: _ = try storage.notificationConfiguration(bucket: missing, caller: .root)
            case .putPolicy:
                try storage.putBucketPolicy(bucket: missing, policy: BucketPolicyTests.policy(for: missing), caller: .root)
            case .getPolicy: _ = try storage.bucketPolicy(bucket: missing, caller: .root)
            case .deletePolicy: try storage.deleteBucketPolicy(bucket: missing, caller: .root)
            }
        }
    }

    @Test("A call on a bucket that does not exist is NoSuchBucket (404) naming it", arguments: Call.allCases)
    func noSuchBucket(call: Call) throws {
        let env = try TestAccount()
        try env.storage.createBucket("real", caller: .root)
        try env.storage.put("real", "k")
        let error = expectEngineError("NoSuchBucket", 404, "The specified bucket does not exist: ghost") {
            try call.run(env.storage, missing: "ghost")
        }
        #expect(error?.resource == "ghost")
    }
}

@Suite("Bucket statistics")
struct BucketStatsTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    /// Object count and total size, as `[count, bytes]`.
    func stats() throws -> [Int64] {
        let bucket = try storage.headBucket("bkt", caller: .root)
        return [Int64(bucket.objectCount), bucket.totalSize]
    }

    @Test("Puts add to the object count and total size")
    func afterPuts() throws {
        try storage.put("bkt", "one", "12345")
        try storage.put("bkt", "two", "123")
        try storage.put("bkt", "empty", "")
        #expect(try stats() == [3, 8])
    }

    @Test("An overwrite changes the size but not the count")
    func afterOverwrite() throws {
        try storage.put("bkt", "k", "1234567890")
        try storage.put("bkt", "k", "12")
        #expect(try stats() == [1, 2])
    }

    @Test("A delete subtracts the object")
    func afterDelete() throws {
        try storage.put("bkt", "a", "1234")
        try storage.put("bkt", "c", "12")
        try storage.deleteObject(bucket: "bkt", key: "a", caller: .root)
        #expect(try stats() == [1, 2])
    }

    @Test("Deleting a missing key leaves the stats alone")
    func afterMissingDelete() throws {
        try storage.put("bkt", "a", "1234")
        try storage.deleteObject(bucket: "bkt", key: "nope", caller: .root)
        #expect(try stats() == [1, 4])
    }

    @Test("A batch delete subtracts every removed object")
    func afterBatchDelete() throws {
        try storage.put("bkt", "a", "1")
        try storage.put("bkt", "c", "22")
        try storage.put("bkt", "d", "333")
        _ = try storage.deleteObjects(bucket: "bkt", keys: ["a", "d", "missing"], caller: .root)
        #expect(try stats() == [1, 2])
    }

    @Test("A copy adds the copied object")
    func afterCopy() throws {
        try storage.put("bkt", "src", "abcdef")
        try storage.copyObject(sourceBucket: "bkt", sourceKey: "src", bucket: "bkt", key: "dst", caller: .root)
        #expect(try stats() == [2, 12])
    }

    @Test("ListBuckets reports the same stats as HeadBucket")
    func listReportsStats() throws {
        try storage.put("bkt", "a", "1234")
        #expect(try storage.listBuckets(caller: .root).first == storage.headBucket("bkt", caller: .root))
    }
}
