import Foundation
import Testing
@testable import CloudEngine

@Suite("Objects: put, get, head, delete")
struct ObjectTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    @Test("A put object reads back byte for byte")
    func roundTrip() throws {
        try storage.put("bkt", "notes/hello.txt", "hello, world")
        #expect(try storage.text("bkt", "notes/hello.txt") == "hello, world")
    }

    @Test("PutObject returns what HeadObject later answers")
    func putMatchesHead() throws {
        let put = try storage.put("bkt", "k.json", "{}")
        env.clock.advance(by: 5)
        #expect(try storage.headObject(bucket: "bkt", key: "k.json", caller: .root) == put)
    }

    @Test("GetObject returns the object's info with the body")
    func getReturnsInfo() throws {
        let put = try storage.put("bkt", "k", "abc")
        let info = try storage.getObject(bucket: "bkt", key: "k", caller: .root) { _ in }
        #expect(info == put)
    }

    @Test("HeadObject reports size, storage class and last-modified time from the clock")
    func headFields() throws {
        env.clock.advance(by: 3_600)
        try storage.put("bkt", "k", "12345")
        let info = try storage.headObject(bucket: "bkt", key: "k", caller: .root)
        #expect(info.size == 5)
        #expect(info.storageClass == "STANDARD")
        #expect(info.lastModified == env.clock.now())
        #expect(info.s3URI == "s3://bkt/k")
        #expect(info.arn == "arn:aws:s3:::bkt/k")
    }

    @Test("The ETag is the MD5 of the body in lowercase hex", arguments: [
        ("hello", "5d41402abc4b2a76b9719d911017c592"),
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6"),
    ])
    func etagIsMD5(body: String, md5: String) throws {
        let info = try storage.put("bkt", "k", body)
        #expect(info.etag == md5)
        #expect(info.quotedETag == "\"\(md5)\"")
    }

    @Test("An empty body is stored as a zero-byte object with no chunks")
    func emptyBody() throws {
        try storage.put("bkt", "empty", "")
        #expect(try storage.headObject(bucket: "bkt", key: "empty", caller: .root).size == 0)
        #expect(try storage.getObjectData(bucket: "bkt", key: "empty", caller: .root).isEmpty)
        #expect(try env.count("SELECT count(*) FROM chunks") == 0)
    }

    @Test("A missing key is NoSuchKey (404) for the root, on get and head")
    func noSuchKey() throws {
        let error = expectEngineError("NoSuchKey", 404, "The specified key does not exist: s3://bkt/missing.txt") {
            try storage.getObjectData(bucket: "bkt", key: "missing.txt", caller: .root)
        }
        #expect(error?.resource == "missing.txt")
        expectEngineError("NoSuchKey", 404, "s3://bkt/missing.txt") {
            try storage.headObject(bucket: "bkt", key: "missing.txt", caller: .root)
        }
    }

    @Test("DeleteObject removes the object and returns true")
    func deleteExisting() throws {
        try storage.put("bkt", "k")
        #expect(try storage.deleteObject(bucket: "bkt", key: "k", caller: .root))
        expectEngineError("NoSuchKey", 404) { try storage.headObject(bucket: "bkt", key: "k", caller: .root) }
    }

    @Test("Deleting a key that does not exist succeeds and returns false")
    func deleteMissing() throws {
        #expect(try storage.deleteObject(bucket: "bkt", key: "never-was", caller: .root) == false)
    }

    @Test("DeleteObject frees the body's chunks")
    func deleteFreesChunks() throws {
        try storage.put("bkt", "k", "some bytes")
        try storage.deleteObject(bucket: "bkt", key: "k", caller: .root)
        #expect(try env.count("SELECT count(*) FROM chunks") == 0)
        #expect(try env.count("SELECT count(*) FROM bodies") == 0)
    }

    @Test("DeleteObjects removes every listed key and reports no failure for missing ones")
    func deleteObjectsBatch() throws {
        try storage.put("bkt", keys: ["a", "b", "c"])
        let failures = try storage.deleteObjects(bucket: "bkt", keys: ["a", "c", "zzz"], caller: .root)
        #expect(failures.isEmpty)
        #expect(try storage.listObjects(bucket: "bkt", caller: .root).objects.map(\.key) == ["b"])
    }

    @Test("Overwriting a key replaces the body and frees the old one")
    func overwriteReplaces() throws {
        try storage.put("bkt", "k", "old version")
        let new = try storage.put("bkt", "k", "new")
        #expect(try storage.text("bkt", "k") == "new")
        #expect(try storage.headObject(bucket: "bkt", key: "k", caller: .root).etag == new.etag)
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
        #expect(try env.count("SELECT count(*) FROM chunks") == 1)
    }

    @Test("Overwriting a multi-chunk object with a small one leaves only the new chunk")
    func overwriteLargeWithSmall() throws {
        try storage.putObject(bucket: "bkt", key: "k", body: DataBodySource(patternedData(count: 3 << 20)), caller: .root)
        #expect(try env.count("SELECT count(*) FROM chunks") == 3)
        try storage.put("bkt", "k", "tiny")
        #expect(try env.count("SELECT count(*) FROM chunks") == 1)
        #expect(try storage.text("bkt", "k") == "tiny")
    }

    @Test("Overwriting with an empty body leaves no body behind")
    func overwriteWithEmpty() throws {
        try storage.put("bkt", "k", "content")
        try storage.put("bkt", "k", "")
        #expect(try env.count("SELECT count(*) FROM bodies") == 0)
        #expect(try storage.getObjectData(bucket: "bkt", key: "k", caller: .root).isEmpty)
    }

    @Test("Keys are case-sensitive")
    func caseSensitiveKeys() throws {
        try storage.put("bkt", "Readme", "upper")
        try storage.put("bkt", "readme", "lower")
        #expect(try storage.text("bkt", "Readme") == "upper")
        #expect(try storage.text("bkt", "readme") == "lower")
    }
}

@Suite("Object keys")
struct ObjectKeyTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    @Test("A key of 1,024 bytes is accepted", arguments: [
        String(repeating: "k", count: 1024),
        String(repeating: "é", count: 512),
        String(repeating: "😀", count: 256),
    ])
    func maxKeyAccepted(key: String) throws {
        try storage.put("bkt", key, "v")
        #expect(try storage.text("bkt", key) == "v")
    }

    @Test("A key of 1,025 bytes of UTF-8 is KeyTooLongError (400), however few letters it has", arguments: [
        String(repeating: "k", count: 1025),
        String(repeating: "é", count: 512) + "k",
        String(repeating: "😀", count: 256) + "k",
    ])
    func keyTooLong(key: String) throws {
        let error = expectEngineError("KeyTooLongError", 400, "at most 1024 bytes of UTF-8 (this one is 1025)") {
            try storage.put("bkt", key, "v")
        }
        #expect(error?.resource == key)
        #expect(try storage.headBucket("bkt", caller: .root).objectCount == 0)
    }

    @Test("An empty key is InvalidArgument (400)")
    func emptyKey() throws {
        expectEngineError("InvalidArgument", 400, "must not be empty") { try storage.put("bkt", "", "v") }
    }

    @Test("Unicode keys round-trip", arguments: ["café/menu.txt", "日本語/ファイル", "emoji 😀.txt", "e\u{301}", "a b+c%20d"])
    func unicodeKeys(key: String) throws {
        try storage.put("bkt", key, key)
        #expect(try storage.text("bkt", key) == key)
        #expect(try storage.listObjects(bucket: "bkt", caller: .root).objects.map(\.key) == [key])
    }

    @Test("Keys differing only in Unicode normalization are different objects")
    func normalizationMatters() throws {
        try storage.put("bkt", "caf\u{e9}", "composed")
        try storage.put("bkt", "cafe\u{301}", "decomposed")
        #expect(try storage.headBucket("bkt", caller: .root).objectCount == 2)
        #expect(try storage.text("bkt", "caf\u{e9}") == "composed")
    }
}

@Suite("Object metadata")
struct ObjectMetadataTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    @Test("A given content type is kept")
    func givenContentType() throws {
        let info = try storage.put("bkt", "data.csv", "a,b", options: PutObjectOptions(contentType: "text/x-custom"))
        #expect(info.contentType == "text/x-custom")
        #expect(try storage.headObject(bucket: "bkt", key: "data.csv", caller: .root).contentType == "text/x-custom")
    }

    @Test("Without a content type it is guessed from the key's extension")
    func guessedContentType() throws {
        try storage.put("bkt", "report.csv", "a,b")
        #expect(try storage.headObject(bucket: "bkt", key: "report.csv", caller: .root).contentType == "text/csv")
    }

    @Test("An empty content type is guessed too")
    func emptyContentTypeGuessed() throws {
        let info = try storage.put("bkt", "page.html", "<p>", options: PutObjectOptions(contentType: ""))
        #expect(info.contentType == "text/html")
    }

    @Test("Content type guesses by extension", arguments: [
        ("data.csv", "text/csv"), ("PHOTO.JPG", "image/jpeg"), ("archive.tar.gz", "application/gzip"),
        ("notes/readme.md", "text/markdown"), ("config.json", "application/json"), ("script.py", "text/x-python"),
        ("README", "application/octet-stream"), ("dir.v2/file", "application/octet-stream"),
        ("file.unknownext", "application/octet-stream"), ("trailing.", "application/octet-stream"),
        (".bashrc", "application/octet-stream"),
    ])
    func contentTypeGuess(key: String, expected: String) {
        #expect(ContentTypes.guess(forKey: key) == expected)
    }

    @Test("User metadata round-trips with names lowercased and values unchanged")
    func metadataRoundTrip() throws {
        try storage.put("bkt", "k", options: PutObjectOptions(metadata: ["Color": "Blue", "X-Owner": "Ann Lee", "plain": "é"]))
        let info = try storage.headObject(bucket: "bkt", key: "k", caller: .root)
        #expect(info.metadata == ["color": "Blue", "x-owner": "Ann Lee", "plain": "é"])
    }

    @Test("System headers round-trip")
    func headersRoundTrip() throws {
        let headers = ["Cache-Control": "max-age=60", "Content-Encoding": "gzip"]
        try storage.put("bkt", "k", options: PutObjectOptions(headers: headers))
        #expect(try storage.headObject(bucket: "bkt", key: "k", caller: .root).headers == headers)
    }

    @Test("User metadata of exactly 2 KB is accepted")
    func metadataAtLimit() throws {
        let value = String(repeating: "v", count: 2047)
        try storage.put("bkt", "k", options: PutObjectOptions(metadata: ["k": value]))
        #expect(try storage.headObject(bucket: "bkt", key: "k", caller: .root).metadata["k"] == value)
    }

    @Test("User metadata over 2 KB (names plus values in UTF-8) is MetadataTooLarge (400)")
    func metadataTooLarge() throws {
        let value = String(repeating: "é", count: 1024) // 2,048 bytes, plus the 1-byte name
        expectEngineError("MetadataTooLarge", 400, "limited to 2 KB", "(this is 2049 bytes)") {
            try storage.put("bkt", "k", options: PutObjectOptions(metadata: ["k": value]))
        }
        #expect(try storage.headBucket("bkt", caller: .root).objectCount == 0)
    }

    @Test("A valid storage class is kept")
    func storageClassKept() throws {
        try storage.put("bkt", "k", options: PutObjectOptions(storageClass: "STANDARD_IA"))
        #expect(try storage.headObject(bucket: "bkt", key: "k", caller: .root).storageClass == "STANDARD_IA")
    }

    @Test("An unknown storage class is InvalidStorageClass (400) listing the valid ones")
    func invalidStorageClass() throws {
        expectEngineError("InvalidStorageClass", 400, "not valid: GOLD", "STANDARD_IA") {
            try storage.put("bkt", "k", options: PutObjectOptions(storageClass: "GOLD"))
        }
    }

    @Test("Storage classes are case-sensitive")
    func storageClassCase() throws {
        expectEngineError("InvalidStorageClass", 400, "standard") {
            try storage.put("bkt", "k", options: PutObjectOptions(storageClass: "standard"))
        }
    }
}

@Suite("CopyObject")
struct CopyObjectTests {
    let env: TestAccount
    var storage: StorageService { env.storage }
    let source: ObjectInfo

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
        try env.storage.createBucket("other", caller: .root)
        source = try env.storage.put("bkt", "src.txt", "copy me", options: PutObjectOptions(
            contentType: "text/x-special", metadata: ["Owner": "ann"], headers: ["Cache-Control": "no-cache"],
            storageClass: "ONEZONE_IA"))
    }

    @Test("A copy has the same body and ETag")
    func copiesBody() throws {
        let copy = try storage.copyObject(sourceBucket: "bkt", sourceKey: "src.txt", bucket: "other", key: "dst.bin", caller: .root)
        #expect(try storage.text("other", "dst.bin") == "copy me")
        #expect(copy.etag == source.etag)
        #expect(copy.size == source.size)
    }

    @Test("Without replacement metadata the copy keeps the source's (directive COPY)")
    func keepsMetadata() throws {
        try storage.copyObject(sourceBucket: "bkt", sourceKey: "src.txt", bucket: "bkt", key: "dst.bin", caller: .root)
        let copy = try storage.headObject(bucket: "bkt", key: "dst.bin", caller: .root)
        #expect(copy.contentType == "text/x-special")
        #expect(copy.metadata == ["owner": "ann"])
        #expect(copy.headers == ["Cache-Control": "no-cache"])
        #expect(copy.storageClass == "ONEZONE_IA")
    }

    @Test("Replacement metadata replaces all of it, guessing the type from the new key")
    func replacesMetadata() throws {
        try storage.copyObject(sourceBucket: "bkt", sourceKey: "src.txt", bucket: "bkt", key: "dst.json",
                               replaceMetadata: PutObjectOptions(metadata: ["Stage": "2"]), caller: .root)
        let copy = try storage.headObject(bucket: "bkt", key: "dst.json", caller: .root)
        #expect(copy.metadata == ["stage": "2"])
        #expect(copy.contentType == "application/json")
        #expect(copy.headers.isEmpty)
        #expect(copy.storageClass == "STANDARD")
    }

    @Test("Copying an object onto itself without changes is InvalidRequest (400)")
    func copyToItself() throws {
        expectEngineError("InvalidRequest", 400, "copy an object to itself without changing the object's metadata") {
            try storage.copyObject(sourceBucket: "bkt", sourceKey: "src.txt", bucket: "bkt", key: "src.txt", caller: .root)
        }
    }

    @Test("Copying an object onto itself with new metadata updates it in place")
    func copyToItselfWithMetadata() throws {
        try storage.copyObject(sourceBucket: "bkt", sourceKey: "src.txt", bucket: "bkt", key: "src.txt",
                               replaceMetadata: PutObjectOptions(metadata: ["v": "2"]), caller: .root)
        let info = try storage.headObject(bucket: "bkt", key: "src.txt", caller: .root)
        #expect(info.metadata == ["v": "2"])
        #expect(try storage.text("bkt", "src.txt") == "copy me")
        #expect(try env.count("SELECT count(*) FROM bodies") == 1)
    }

    @Test("The copy outlives its source")
    func independentOfSource() throws {
        try storage.copyObject(sourceBucket: "bkt", sourceKey: "src.txt", bucket: "other", key: "dst", caller: .root)
        try storage.deleteObject(bucket: "bkt", key: "src.txt", caller: .root)
        #expect(try storage.text("other", "dst") == "copy me")
    }

    @Test("Copying a missing source is NoSuchKey (404)")
    func missingSource() throws {
        expectEngineError("NoSuchKey", 404, "s3://bkt/nope") {
            try storage.copyObject(sourceBucket: "bkt", sourceKey: "nope", bucket: "bkt", key: "dst", caller: .root)
        }
    }

    @Test("Copying to a key over 1,024 bytes is KeyTooLongError")
    func copyKeyTooLong() throws {
        expectEngineError("KeyTooLongError", 400) {
            try storage.copyObject(sourceBucket: "bkt", sourceKey: "src.txt", bucket: "bkt",
                                   key: String(repeating: "x", count: 1025), caller: .root)
        }
    }

    @Test("A multi-chunk object copies byte for byte")
    func copyLarge() throws {
        let data = patternedData(count: (2 << 20) + 123)
        try storage.putObject(bucket: "bkt", key: "big", body: DataBodySource(data), caller: .root)
        try storage.copyObject(sourceBucket: "bkt", sourceKey: "big", bucket: "other", key: "big", caller: .root)
        #expect(try storage.getObjectData(bucket: "other", key: "big", caller: .root) == data)
    }

    @Test("An empty object copies as an empty object")
    func copyEmpty() throws {
        try storage.put("bkt", "empty", "")
        let copy = try storage.copyObject(sourceBucket: "bkt", sourceKey: "empty", bucket: "bkt", key: "empty2", caller: .root)
        #expect(copy.size == 0)
        #expect(copy.etag == "d41d8cd98f00b204e9800998ecf8427e")
    }
}
