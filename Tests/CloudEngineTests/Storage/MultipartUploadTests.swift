import Foundation
import Testing
@testable import CloudEngine

@Suite("Multipart uploads")
struct MultipartUploadTests {
    let env: TestAccount
    var storage: StorageService { env.storage }
    static let mib = 1 << 20

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    func start(_ key: String = "big.bin", options: PutObjectOptions = PutObjectOptions()) throws -> String {
        try storage.createMultipartUpload(bucket: "bkt", key: key, options: options, caller: .root).uploadID
    }

    @discardableResult
    func part(_ upload: String, _ number: Int, _ data: Data, key: String = "big.bin") throws -> UploadedPart {
        try storage.uploadPart(bucket: "bkt", key: key, uploadID: upload, partNumber: number, body: DataBodySource(data), caller: .root)
    }

    @Test("Parts that are not whole chunks become one object of 1 MiB chunks, byte for byte, with an -N ETag")
    func completeRechunks() throws {
        let first = patternedData(count: 5 * Self.mib + 12_345, seed: 1)
        let second = patternedData(count: 9 * Self.mib + 7, seed: 2)
        let third = patternedData(count: 3_000, seed: 3)
        let upload = try start(options: PutObjectOptions(contentType: "application/x-test", metadata: ["Owner": "ann"]))
        let parts = [try part(upload, 1, first), try part(upload, 2, second), try part(upload, 3, third)]
        let info = try storage.completeMultipartUpload(
            bucket: "bkt", key: "big.bin", uploadID: upload,
            parts: parts.map { CompletedPart(partNumber: $0.partNumber, etag: "\"\($0.etag)\"") }, caller: .root)
        #expect(info.etag.hasSuffix("-3"))
        #expect(info.etag.count == 34)
        #expect(info.size == Int64(first.count + second.count + third.count))
        #expect(info.contentType == "application/x-test")
        #expect(info.metadata == ["owner": "ann"])
        #expect(try storage.getObjectData(bucket: "bkt", key: "big.bin", caller: .root) == first + second + third)
        let span = ByteRange.fromTo(Int64(first.count) - 10, Int64(first.count) + 9)
        #expect(try storage.getObjectData(bucket: "bkt", key: "big.bin", range: span, caller: .root)
                == (first + second).subdata(in: (first.count - 10)..<(first.count + 10)))
        #expect(try env.count("SELECT count(*) FROM chunks WHERE length(data) != ?", [Self.mib]) == 1)
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
        #expect(try env.count("SELECT count(*) FROM multipart_uploads") == 0)
        #expect(try storage.listMultipartUploads(bucket: "bkt", caller: .root).uploads.isEmpty)
        expectEngineError("NoSuchUpload", 404) { try part(upload, 4, Data("late".utf8)) }
        #expect(try storage.abandonedUploads().bodies.isEmpty)
    }

    @Test("A part replaces an earlier one with the same number, and the earlier one's bytes are freed")
    func partReplaces() throws {
        let upload = try start()
        try part(upload, 1, Data("first".utf8))
        let second = try part(upload, 1, Data("second".utf8))
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
        let listed = try storage.listParts(bucket: "bkt", key: "big.bin", uploadID: upload, caller: .root)
        #expect(listed.parts.map(\.etag) == [second.etag])
        #expect(second.etag == "a9f0e61a137d86aa9db53465e0801612")
    }

    @Test("Completion checks the parts list: order, existence and ETag, and the 5 MiB minimum for all but the last")
    func completionErrors() throws {
        let upload = try start()
        let small = try part(upload, 1, Data("tiny".utf8))
        let other = try part(upload, 2, Data("also tiny".utf8))
        func complete(_ parts: [CompletedPart]) throws -> ObjectInfo {
            try storage.completeMultipartUpload(bucket: "bkt", key: "big.bin", uploadID: upload, parts: parts, caller: .root)
        }
        expectEngineError("InvalidPartOrder", 400, "ascending order") {
            try complete([CompletedPart(partNumber: 2, etag: other.etag), CompletedPart(partNumber: 1, etag: small.etag)])
        }
        expectEngineError("InvalidPart", 400, "could not be found") { try complete([CompletedPart(partNumber: 3, etag: small.etag)]) }
        expectEngineError("InvalidPart", 400) { try complete([CompletedPart(partNumber: 1, etag: other.etag)]) }
        expectEngineError("EntityTooSmall", 400, "smaller than the minimum allowed object size") {
            try complete([CompletedPart(partNumber: 1, etag: small.etag), CompletedPart(partNumber: 2, etag: other.etag)])
        }
        expectEngineError("MalformedXML", 400) { try complete([]) }
        expectEngineError("InvalidArgument", 400, "between 1 and 10000") { try part(upload, 10_001, Data("x".utf8)) }
        expectEngineError("NoSuchUpload", 404) { try part(upload, 1, Data("x".utf8), key: "other-key") }
        // A single small part is a whole object.
        let info = try complete([CompletedPart(partNumber: 2, etag: other.etag)])
        #expect(try storage.text("bkt", "big.bin") == "also tiny")
        #expect(info.etag.hasSuffix("-1"))
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
    }

    @Test("Aborting frees the parts' bytes and the id is NoSuchUpload afterwards; deleting the bucket aborts its uploads")
    func abortAndBucketDelete() throws {
        let upload = try start()
        try part(upload, 1, patternedData(count: 9 * Self.mib))
        try part(upload, 2, Data("tail".utf8))
        try storage.abortMultipartUpload(bucket: "bkt", key: "big.bin", uploadID: upload, caller: .root)
        #expect(try env.count("SELECT count(*) FROM bodies") == 0)
        #expect(try env.count("SELECT count(*) FROM chunks") == 0)
        expectEngineError("NoSuchUpload", 404, "may have been aborted") {
            try storage.abortMultipartUpload(bucket: "bkt", key: "big.bin", uploadID: upload, caller: .root)
        }
        expectEngineError("NoSuchUpload", 404) { try storage.listParts(bucket: "bkt", key: "big.bin", uploadID: upload, caller: .root) }
        let again = try start()
        try part(again, 1, Data("kept until the bucket goes".utf8))
        try storage.deleteBucket("bkt", caller: .root)
        #expect(try env.count("SELECT count(*) FROM multipart_uploads") == 0)
        #expect(try env.count("SELECT count(*) FROM bodies") == 0)
    }

    @Test("ListParts pages by part number")
    func listPartsPaging() throws {
        let upload = try start()
        for number in [3, 1, 2, 5] { try part(upload, number, Data("p\(number)".utf8)) }
        let first = try storage.listParts(bucket: "bkt", key: "big.bin", uploadID: upload, maxParts: 2, caller: .root)
        #expect(first.parts.map(\.partNumber) == [1, 2])
        #expect(first.nextPartNumberMarker == 2)
        let second = try storage.listParts(bucket: "bkt", key: "big.bin", uploadID: upload, partNumberMarker: 2, maxParts: 2, caller: .root)
        #expect(second.parts.map(\.partNumber) == [3, 5])
        #expect(second.isTruncated == false)
    }

    @Test("ListMultipartUploads: by key then by start, with prefix, delimiter and markers")
    func listUploads() throws {
        let a1 = try start("a.txt")
        let a2 = try start("a.txt")
        _ = try start("docs/one.txt")
        _ = try start("docs/two.txt")
        let z = try start("z.txt")
        let all = try storage.listMultipartUploads(bucket: "bkt", caller: .root)
        #expect(all.uploads.map(\.key) == ["a.txt", "a.txt", "docs/one.txt", "docs/two.txt", "z.txt"])
        #expect(all.uploads.prefix(2).map(\.uploadID) == [a1, a2])
        let rolled = try storage.listMultipartUploads(bucket: "bkt", ListUploadsRequest(delimiter: "/"), caller: .root)
        #expect(rolled.uploads.map(\.key) == ["a.txt", "a.txt", "z.txt"])
        #expect(rolled.commonPrefixes == ["docs/"])
        let page = try storage.listMultipartUploads(bucket: "bkt", ListUploadsRequest(maxUploads: 1), caller: .root)
        #expect(page.isTruncated && page.nextKeyMarker == "a.txt" && page.nextUploadIDMarker == a1)
        let next = try storage.listMultipartUploads(
            bucket: "bkt", ListUploadsRequest(keyMarker: "a.txt", uploadIDMarker: a1, maxUploads: 2), caller: .root)
        #expect(next.uploads.map(\.uploadID).first == a2)
        #expect(next.uploads.map(\.key) == ["a.txt", "docs/one.txt"])
        let afterFolder = try storage.listMultipartUploads(
            bucket: "bkt", ListUploadsRequest(delimiter: "/", keyMarker: "docs/"), caller: .root)
        #expect(afterFolder.uploads.map(\.uploadID) == [z])
        let prefixed = try storage.listMultipartUploads(bucket: "bkt", ListUploadsRequest(prefix: "docs/"), caller: .root)
        #expect(prefixed.uploads.map(\.key) == ["docs/one.txt", "docs/two.txt"])
    }

    @Test("Completing records an ObjectCreated:CompleteMultipartUpload event and replaces the earlier object")
    func completeEvent() throws {
        try storage.put("bkt", "big.bin", "old version")
        try storage.putNotificationConfiguration(bucket: "bkt", NotificationConfiguration(lambdaFunctionConfigurations: [
            LambdaFunctionConfiguration(id: "all", functionARN: "arn:aws:lambda:us-east-1:123456789012:function:f",
                                        events: ["s3:ObjectCreated:CompleteMultipartUpload"]),
        ]), caller: .root)
        let upload = try start()
        let only = try part(upload, 1, Data("new version".utf8))
        try storage.completeMultipartUpload(bucket: "bkt", key: "big.bin", uploadID: upload,
                                            parts: [CompletedPart(partNumber: 1, etag: only.etag)], caller: .root)
        #expect(try storage.text("bkt", "big.bin") == "new version")
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
        #expect(try env.count("SELECT object_count FROM buckets WHERE name = 'bkt'") == 1)
        let events = try env.account.read { db in try String.fetchAll(db, sql: "SELECT event FROM event_outbox") }
        #expect(events.count == 1)
        #expect(events.first?.contains("ObjectCreated:CompleteMultipartUpload") == true)
    }

    @Test("UploadPartCopy copies an object or a byte range of it across chunk boundaries, streamed from its chunks")
    func partCopy() throws {
        let source = patternedData(count: 6 * Self.mib + 500, seed: 9)
        try storage.putObject(bucket: "bkt", key: "source.bin", body: DataBodySource(source), caller: .root)
        let upload = try start()
        let whole = try storage.uploadPartCopy(bucket: "bkt", key: "big.bin", uploadID: upload, partNumber: 1,
                                               sourceBucket: "bkt", sourceKey: "source.bin", caller: .root)
        let from = Int64(Self.mib - 3)
        let slice = try storage.uploadPartCopy(bucket: "bkt", key: "big.bin", uploadID: upload, partNumber: 2, sourceBucket: "bkt",
                                               sourceKey: "source.bin", range: .fromTo(from, from + 2 * Int64(Self.mib)), caller: .root)
        #expect(slice.size == 2 * Int64(Self.mib) + 1)
        try storage.completeMultipartUpload(bucket: "bkt", key: "big.bin", uploadID: upload, parts: [
            CompletedPart(partNumber: 1, etag: whole.etag), CompletedPart(partNumber: 2, etag: slice.etag),
        ], caller: .root)
        let expected = source + source.subdata(in: Int(from)..<(Int(from) + 2 * Self.mib + 1))
        #expect(try storage.getObjectData(bucket: "bkt", key: "big.bin", caller: .root) == expected)
        expectEngineError("NoSuchKey", 404) {
            try storage.uploadPartCopy(bucket: "bkt", key: "big.bin", uploadID: try start(), partNumber: 1, sourceBucket: "bkt",
                                       sourceKey: "missing", caller: .root)
        }
    }
}
