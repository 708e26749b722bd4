import Foundation
import Testing
@testable import CloudEngine

@Suite("Multipart uploads: authorization")
struct MultipartAuthorizationTests {
    static let alice = Caller(identity: .user(name: "alice", id: "AIDAALICEEXAMPLE", path: "/"))

    @Test("Each multipart call asks for AWS's action on the object (or the bucket, to list uploads), as the caller")
    func actions() throws {
        let authorizer = RecordingAuthorizer()
        let env = try TestAccount(authorizer: authorizer)
        let storage = env.storage
        let alice = Self.alice
        try storage.createBucket("bkt", caller: .root)
        func asked(_ body: () throws -> Void) rethrows -> Set<String> {
            authorizer.reset()
            try body()
            #expect(authorizer.requests.allSatisfy { $0.caller == alice })
            return Set(authorizer.asked)
        }
        let put: Set = ["s3:PutObject arn:aws:s3:::bkt/f.bin"]
        var upload = ""
        #expect(try asked { upload = try storage.createMultipartUpload(bucket: "bkt", key: "f.bin", caller: alice).uploadID } == put)
        var part: UploadedPart?
        #expect(try asked {
            part = try storage.uploadPart(bucket: "bkt", key: "f.bin", uploadID: upload, partNumber: 1,
                                          body: DataBodySource(Data("x".utf8)), caller: alice)
        } == put)
        #expect(try asked { _ = try storage.listParts(bucket: "bkt", key: "f.bin", uploadID: upload, caller: alice) }
                == ["s3:ListMultipartUploadParts arn:aws:s3:::bkt/f.bin"])
        #expect(try asked { _ = try storage.listMultipartUploads(bucket: "bkt", caller: alice) }
                == ["s3:ListBucketMultipartUploads arn:aws:s3:::bkt"])
        let etag = try #require(part?.etag)
        #expect(try asked {
            try storage.completeMultipartUpload(bucket: "bkt", key: "f.bin", uploadID: upload,
                                                parts: [CompletedPart(partNumber: 1, etag: etag)], caller: alice)
        } == put)
        let other = try storage.createMultipartUpload(bucket: "bkt", key: "f.bin", caller: .root).uploadID
        #expect(try asked { try storage.abortMultipartUpload(bucket: "bkt", key: "f.bin", uploadID: other, caller: alice) }
                == ["s3:AbortMultipartUpload arn:aws:s3:::bkt/f.bin"])
    }

    @Test("A caller denied s3:AbortMultipartUpload cannot abort, and the upload stays")
    func abortDenied() throws {
        let env = try TestAccount(authorizer: RecordingAuthorizer(deny: ["s3:AbortMultipartUpload"]))
        try env.storage.createBucket("bkt", caller: .root)
        let upload = try env.storage.createMultipartUpload(bucket: "bkt", key: "f.bin", caller: Self.alice).uploadID
        expectEngineError("AccessDenied", 403, "s3:AbortMultipartUpload") {
            try env.storage.abortMultipartUpload(bucket: "bkt", key: "f.bin", uploadID: upload, caller: Self.alice)
        }
        #expect(try env.storage.listMultipartUploads(bucket: "bkt", caller: .root).uploads.map(\.uploadID) == [upload])
    }
}
