import Foundation
import Testing
@testable import CloudEngine

extension Caller {
    /// An IAM user with no policies: the root-only authorizer denies her everything.
    static let userAlice = Caller(identity: .user(name: "alice", id: "AIDAALICEEXAMPLE", path: "/"))
}

private let alice = Caller.userAlice

@Suite("Storage authorization: the root-only authorizer")
struct RootOnlyAuthorizationTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount(authorizer: RootOnlyAuthorizer())
        try env.storage.createBucket("bkt", caller: .root)
        try env.storage.put("bkt", "k", "secret")
    }

    @Test("A user is AccessDenied (403) naming the user ARN, the action and the resource")
    func userDenied() throws {
        let error = expectEngineError("AccessDenied", 403,
            #"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::bkt/k" because no identity-based policy allows the s3:PutObject action"#) {
            try storage.put("bkt", "k", "mine now", caller: alice)
        }
        #expect(error?.resource == "arn:aws:s3:::bkt/k")
        #expect(try storage.text("bkt", "k") == "secret")
    }

    @Test("A user's path appears in the ARN")
    func userPath() throws {
        let bob = Caller(identity: .user(name: "bob", id: "AIDABOB", path: "/eng/"))
        expectEngineError("AccessDenied", 403, "User: arn:aws:iam::123456789012:user/eng/bob is not authorized") {
            try storage.getObjectData(bucket: "bkt", key: "k", caller: bob)
        }
    }

    @Test("A role session is named by its assumed-role ARN")
    func roleSession() throws {
        let session = Caller(identity: .assumedRole(roleName: "worker", roleID: "AROAWORKER", rolePath: "/", sessionName: "job-1"))
        expectEngineError("AccessDenied", 403,
                          "User: arn:aws:sts::123456789012:assumed-role/worker/job-1 is not authorized to perform: s3:DeleteObject") {
            try storage.deleteObject(bucket: "bkt", key: "k", caller: session)
        }
    }

    @Test("ListBuckets asks for s3:ListAllMyBuckets on *")
    func listBucketsDenied() throws {
        expectEngineError("AccessDenied", 403, #"s3:ListAllMyBuckets on resource: "*""#) {
            try storage.listBuckets(caller: alice)
        }
    }

    @Test("CreateBucket by a user is denied and creates nothing")
    func createBucketDenied() throws {
        expectEngineError("AccessDenied", 403, #"s3:CreateBucket on resource: "arn:aws:s3:::new-bucket""#) {
            try storage.createBucket("new-bucket", caller: alice)
        }
        #expect(try storage.listBuckets(caller: .root).map(\.name) == ["bkt"])
    }

    @Test("A denied large put stops before streaming the rest of the body")
    func deniedPutStopsEarly() throws {
        let body = CountingBodySource()
        expectEngineError("AccessDenied", 403) { try storage.putObject(bucket: "bkt", key: "k2", body: body, caller: alice) }
        #expect(body.bytesRead <= 8 << 20)
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
    }

    @Test("A denied batch delete reports AccessDenied per key and deletes nothing")
    func deniedBatchDelete() throws {
        let failures = try storage.deleteObjects(bucket: "bkt", keys: ["k", "other"], caller: alice)
        #expect(Set(failures.keys) == ["k", "other"])
        #expect(failures["k"]?.code == "AccessDenied")
        #expect(failures["k"]?.message.contains(#""arn:aws:s3:::bkt/k""#) == true)
        #expect(try storage.text("bkt", "k") == "secret")
    }

    @Test("An AWS service principal is allowed")
    func serviceAllowed() throws {
        let s3 = Caller(identity: .service("s3.amazonaws.com"))
        #expect(try storage.getObjectData(bucket: "bkt", key: "k", caller: s3) == Data("secret".utf8))
    }
}

@Suite("Storage authorization: what each call asks")
struct StorageAuthorizationRequestTests {
    enum Call: String, CaseIterable, Sendable {
        case createBucket, deleteBucket, headBucket, listBuckets, putObject, getObject, headObject, getMissingObject
        case deleteObject, deleteObjects, copyObject, listObjects, putNotification, getNotification
        case putPolicy, getPolicy, deletePolicy

        /// The `action resource` pairs the call must ask for.
        var expected: Set<String> {
            switch self {
            case .createBucket: return ["s3:CreateBucket arn:aws:s3:::new-bucket"]
            case .deleteBucket: return ["s3:DeleteBucket arn:aws:s3:::empty"]
            case .headBucket: return ["s3:ListBucket arn:aws:s3:::bkt"]
            case .listBuckets: return ["s3:ListAllMyBuckets *"]
            case .putObject: return ["s3:PutObject arn:aws:s3:::bkt/new/key.txt"]
            case .getObject, .headObject: return ["s3:GetObject arn:aws:s3:::bkt/k"]
            case .getMissingObject: return ["s3:GetObject arn:aws:s3:::bkt/missing", "s3:ListBucket arn:aws:s3:::bkt"]
            case .deleteObject: return ["s3:DeleteObject arn:aws:s3:::bkt/k"]
            case .deleteObjects: return ["s3:DeleteObject arn:aws:s3:::bkt/k", "s3:DeleteObject arn:aws:s3:::bkt/gone"]
            case .copyObject: return ["s3:GetObject arn:aws:s3:::bkt/k", "s3:PutObject arn:aws:s3:::empty/copy"]
            case .listObjects: return ["s3:ListBucket arn:aws:s3:::bkt"]
            case .putNotification: return ["s3:PutBucketNotification arn:aws:s3:::bkt"]
            case .getNotification: return ["s3:GetBucketNotification arn:aws:s3:::bkt"]
            case .putPolicy: return ["s3:PutBucketPolicy arn:aws:s3:::bkt"]
            case .getPolicy: return ["s3:GetBucketPolicy arn:aws:s3:::bkt"]
            case .deletePolicy: return ["s3:DeleteBucketPolicy arn:aws:s3:::bkt"]
            }
        }

        func run(_ storage: StorageService) throws {
            switch self {
            case .createBucket: try storage.createBucket("new-bucket", caller: alice)
            case .deleteBucket: try storage.deleteBucket("empty", caller: alice)
            case .headBucket: _ = try storage.headBucket("bkt", caller: alice)
            case .listBuckets: _ = try storage.listBuckets(caller: alice)
            case .putObject: try storage.put("bkt", "new/key.txt", caller: alice)
            case .getObject: _ = try storage.getObjectData(bucket: "bkt", key: "k", caller: alice)
            case .headObject: _ = try storage.headObject(bucket: "bkt", key: "k", caller: alice)
            case .getMissingObject: _ = try? storage.getObjectData(bucket: "bkt", key: "missing", caller: alice)
            case .deleteObject: try storage.deleteObject(bucket: "bkt", key: "k", caller: alice)
            case .deleteObjects: _ = try storage.deleteObjects(bucket: "bkt", keys: ["k", "gone"], caller: alice)
            case .copyObject: try storage.copyObject(sourceBucket: "bkt", sourceKey: "k", bucket: "empty", key: "copy", caller: alice)
            case .listObjects: _ = try storage.listObjects(bucket: "bkt", caller: alice)
            case .putNotification: try storage.putNotificationConfiguration(bucket: "bkt", NotificationConfiguration(), caller: alice)
            case .getNotification: _ = try storage.notificationConfiguration(bucket: "bkt", caller: alice)
            case .putPolicy: try storage.putBucketPolicy(bucket: "bkt", policy: BucketPolicyTests.policy, caller: alice)
            case .getPolicy: _ = try? storage.bucketPolicy(bucket: "bkt", caller: alice)
            case .deletePolicy: try storage.deleteBucketPolicy(bucket: "bkt", caller: alice)
            }
        }
    }

    @Test("Each storage call asks for its IAM action on its resource, as the caller", arguments: Call.allCases)
    func asks(call: Call) throws {
        let authorizer = RecordingAuthorizer()
        let env = try TestAccount(authorizer: authorizer)
        try env.storage.createBucket("bkt", caller: .root)
        try env.storage.createBucket("empty", caller: .root)
        try env.storage.put("bkt", "k")
        authorizer.reset()
        try call.run(env.storage)
        #expect(Set(authorizer.asked) == call.expected)
        #expect(authorizer.requests.allSatisfy { $0.caller == alice })
    }

    @Test("ListObjectsV2 passes s3:prefix, s3:delimiter and s3:max-keys as condition keys")
    func listContext() throws {
        let authorizer = RecordingAuthorizer()
        let env = try TestAccount(authorizer: authorizer)
        try env.storage.createBucket("bkt", caller: .root)
        authorizer.reset()
        _ = try env.storage.listObjects(bucket: "bkt", request: ListObjectsRequest(prefix: "home/alice/", delimiter: "/", maxKeys: 50),
                                        caller: alice)
        let request = try #require(authorizer.requests.first)
        #expect(request.action == "s3:ListBucket")
        #expect(request.resource == "arn:aws:s3:::bkt")
        #expect(request.context == ["s3:prefix": ["home/alice/"], "s3:delimiter": ["/"], "s3:max-keys": ["50"]])
    }

    @Test("ListObjectsV2 without a prefix passes an empty s3:prefix and no s3:delimiter")
    func listContextWithoutPrefix() throws {
        let authorizer = RecordingAuthorizer()
        let env = try TestAccount(authorizer: authorizer)
        try env.storage.createBucket("bkt", caller: .root)
        authorizer.reset()
        _ = try env.storage.listObjects(bucket: "bkt", caller: alice)
        let request = try #require(authorizer.requests.first)
        #expect(request.context["s3:prefix"] == [""])
        #expect(request.context["s3:delimiter"] == nil)
    }

    @Test("A missing key is AccessDenied (403) on s3:ListBucket when listing is denied")
    func missingKeyWithoutList() throws {
        let env = try TestAccount(authorizer: RecordingAuthorizer(deny: ["s3:ListBucket"]))
        try env.storage.createBucket("bkt", caller: .root)
        expectEngineError("AccessDenied", 403, #"s3:ListBucket on resource: "arn:aws:s3:::bkt""#) {
            try env.storage.getObjectData(bucket: "bkt", key: "missing", caller: alice)
        }
        expectEngineError("AccessDenied", 403) { try env.storage.headObject(bucket: "bkt", key: "missing", caller: alice) }
    }

    @Test("A missing key is NoSuchKey (404) when listing is allowed")
    func missingKeyWithList() throws {
        let env = try TestAccount(authorizer: RecordingAuthorizer())
        try env.storage.createBucket("bkt", caller: .root)
        expectEngineError("NoSuchKey", 404) { try env.storage.getObjectData(bucket: "bkt", key: "missing", caller: alice) }
    }

    @Test("An existing key needs no s3:ListBucket")
    func existingKeyWithoutList() throws {
        let env = try TestAccount(authorizer: RecordingAuthorizer(deny: ["s3:ListBucket"]))
        try env.storage.createBucket("bkt", caller: .root)
        try env.storage.put("bkt", "k", "v")
        #expect(try env.storage.getObjectData(bucket: "bkt", key: "k", caller: alice) == Data("v".utf8))
    }

    @Test("A copy denied on the destination writes nothing")
    func copyDeniedOnDestination() throws {
        let env = try TestAccount(authorizer: RecordingAuthorizer(deny: ["s3:PutObject"]))
        try env.storage.createBucket("bkt", caller: .root)
        try env.storage.put("bkt", "k", "v")
        expectEngineError("AccessDenied", 403, #"s3:PutObject on resource: "arn:aws:s3:::bkt/copy""#) {
            try env.storage.copyObject(sourceBucket: "bkt", sourceKey: "k", bucket: "bkt", key: "copy", caller: alice)
        }
        expectEngineError("NoSuchKey", 404) { try env.storage.headObject(bucket: "bkt", key: "copy", caller: .root) }
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
    }
}
