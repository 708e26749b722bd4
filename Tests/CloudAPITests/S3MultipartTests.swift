import CloudEngine
import Foundation
import Testing

/// Multipart uploads and the aws CLI's high-level commands that use them, with the real clients.
@Suite("S3 multipart uploads and the aws CLI's s3 commands", .serialized,
       .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct S3MultipartTests {
    @Test("aws s3 cp of a 20 MB file goes up in parts, comes back byte for byte with S3's -N ETag, and copies in parts")
    func copyLargeFile() async throws {
        let f = try await EndpointFixture.start()
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<(20_000_000 / 8)).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } })
        try bytes.write(to: f.folder.appendingPathComponent("big.bin"))
        try await f.aws("s3", "mb", "s3://media")
        try await f.aws("s3", "cp", "big.bin", "s3://media/videos/big.bin")
        try await f.aws("s3", "cp", "s3://media/videos/big.bin", "back.bin")
        #expect(try Data(contentsOf: f.folder.appendingPathComponent("back.bin")) == bytes)
        let head = try await f.aws("s3api", "head-object", "--bucket", "media", "--key", "videos/big.bin",
                                   "--query", "[ETag, ContentLength]", "--output", "text")
        // The aws CLI cuts 8 MiB parts; S3's ETag is the MD5 of the parts' MD5s, then the number of parts.
        let expected = try await f.python("""
            import hashlib
            data = open("big.bin", "rb").read()
            parts = [data[i:i + 8 * 1024 * 1024] for i in range(0, len(data), 8 * 1024 * 1024)]
            print(hashlib.md5(b"".join(hashlib.md5(p).digest() for p in parts)).hexdigest() + "-" + str(len(parts)))
            """)
        #expect(head.contains("\"\(expected.trimmingCharacters(in: .whitespacesAndNewlines))\""))
        #expect(head.contains("-3\""))
        #expect(head.contains("20000000"))
        // Between keys, the aws CLI copies a large object in parts (UploadPartCopy with ranges).
        try await f.aws("s3", "cp", "s3://media/videos/big.bin", "s3://media/copy.bin")
        #expect(try f.account.storage.getObjectData(bucket: "media", key: "copy.bin", caller: .root) == bytes)
        #expect(try f.account.storage.listMultipartUploads(bucket: "media", caller: .root).uploads.isEmpty)
    }

    @Test("aws s3 sync uploads a folder with a nested file; aws s3 rm --recursive empties the bucket")
    func syncAndRemove() async throws {
        let f = try await EndpointFixture.start()
        let site = f.folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("css/deep"), withIntermediateDirectories: true)
        try Data("<h1>home</h1>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("body{}".utf8).write(to: site.appendingPathComponent("css/deep/style.css"))
        try await f.aws("s3", "mb", "s3://site")
        try await f.aws("s3", "sync", "site", "s3://site/")
        let listed = try await f.aws("s3", "ls", "--recursive", "s3://site/")
        #expect(listed.contains("index.html"))
        #expect(listed.contains("css/deep/style.css"))
        // A second sync finds nothing to do.
        #expect(try await f.aws("s3", "sync", "site", "s3://site/").isEmpty)
        #expect(try f.account.storage.getObjectData(bucket: "site", key: "css/deep/style.css", caller: .root) == Data("body{}".utf8))
        let removed = try await f.aws("s3", "rm", "--recursive", "s3://site/")
        #expect(removed.contains("delete: s3://site/css/deep/style.css"))
        #expect(try await f.aws("s3", "ls", "--recursive", "s3://site/").isEmpty)
    }

    @Test("aws s3api list-objects-v2 with --delimiter, and paged with --max-items and --page-size")
    func listWithDelimiterAndPaging() async throws {
        let f = try await EndpointFixture.start()
        try f.account.storage.createBucket("logs", caller: .root)
        for key in ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "2026/01/x.log", "2026/02/y.log"] {
            try f.account.storage.putObject(bucket: "logs", key: key, body: DataBodySource(Data(key.utf8)), caller: .root)
        }
        let rolled = try await f.aws("s3api", "list-objects-v2", "--bucket", "logs", "--delimiter", "/",
                                     "--query", "[CommonPrefixes[].Prefix, Contents[].Key]", "--output", "json")
        #expect(rolled.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
                == #"[["2026/"],["a.txt","b.txt","c.txt","d.txt","e.txt"]]"#)
        let paged = try await f.aws("s3api", "list-objects-v2", "--bucket", "logs", "--max-items", "3", "--page-size", "2",
                                    "--output", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(paged.utf8)) as? [String: Any])
        let keys = (object["Contents"] as? [[String: Any]])?.compactMap { $0["Key"] as? String }
        #expect(keys == ["2026/01/x.log", "2026/02/y.log", "a.txt"])
        let token = try #require(object["NextToken"] as? String)
        let rest = try await f.aws("s3api", "list-objects-v2", "--bucket", "logs", "--starting-token", token, "--page-size", "2",
                                   "--query", "Contents[].Key", "--output", "text")
        #expect(rest.split(whereSeparator: \.isWhitespace) == ["b.txt", "c.txt", "d.txt", "e.txt"])
    }

    @Test("Multipart by hand with boto3: parts listed, InvalidPartOrder, EntityTooSmall, completion, NoSuchUpload after abort")
    func byHand() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, botocore, hashlib
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket="parts")
            up = s3.create_multipart_upload(Bucket="parts", Key="doc.bin", ContentType="application/pdf")["UploadId"]
            big = b"a" * (5 * 1024 * 1024)
            e1 = s3.upload_part(Bucket="parts", Key="doc.bin", UploadId=up, PartNumber=1, Body=big)["ETag"]
            e2 = s3.upload_part(Bucket="parts", Key="doc.bin", UploadId=up, PartNumber=2, Body=b"tail")["ETag"]
            listed = s3.list_parts(Bucket="parts", Key="doc.bin", UploadId=up)
            print("parts", [(p["PartNumber"], p["Size"]) for p in listed["Parts"]], listed["IsTruncated"])
            print("uploads", [u["Key"] for u in s3.list_multipart_uploads(Bucket="parts")["Uploads"]])
            print("order", code(lambda: s3.complete_multipart_upload(Bucket="parts", Key="doc.bin", UploadId=up,
                MultipartUpload={"Parts": [{"PartNumber": 2, "ETag": e2}, {"PartNumber": 1, "ETag": e1}]})))
            print("wrong etag", code(lambda: s3.complete_multipart_upload(Bucket="parts", Key="doc.bin", UploadId=up,
                MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e2}]})))
            small = s3.create_multipart_upload(Bucket="parts", Key="small.bin")["UploadId"]
            s1 = s3.upload_part(Bucket="parts", Key="small.bin", UploadId=small, PartNumber=1, Body=b"x")["ETag"]
            s2 = s3.upload_part(Bucket="parts", Key="small.bin", UploadId=small, PartNumber=2, Body=b"y")["ETag"]
            print("small", code(lambda: s3.complete_multipart_upload(Bucket="parts", Key="small.bin", UploadId=small,
                MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": s1}, {"PartNumber": 2, "ETag": s2}]})))
            done = s3.complete_multipart_upload(Bucket="parts", Key="doc.bin", UploadId=up,
                MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e1}, {"PartNumber": 2, "ETag": e2}]})
            want = hashlib.md5(hashlib.md5(big).digest() + hashlib.md5(b"tail").digest()).hexdigest() + "-2"
            print("etag", done["ETag"] == '"' + want + '"', done["Location"].endswith("/parts/doc.bin"))
            got = s3.get_object(Bucket="parts", Key="doc.bin")
            print("object", got["ContentLength"], got["ContentType"], got["Body"].read() == big + b"tail")
            s3.abort_multipart_upload(Bucket="parts", Key="small.bin", UploadId=small)
            print("aborted", code(lambda: s3.upload_part(Bucket="parts", Key="small.bin", UploadId=small, PartNumber=1, Body=b"z")))
            print("left", s3.list_multipart_uploads(Bucket="parts").get("Uploads", []))
            """)
        #expect(output.contains("parts [(1, 5242880), (2, 4)] False"))
        #expect(output.contains("uploads ['doc.bin']"))
        #expect(output.contains("order ('InvalidPartOrder', 400)"))
        #expect(output.contains("wrong etag ('InvalidPart', 400)"))
        #expect(output.contains("small ('EntityTooSmall', 400)"))
        #expect(output.contains("etag True True"))
        #expect(output.contains("object 5242884 application/pdf True"))
        #expect(output.contains("aborted ('NoSuchUpload', 404)"))
        #expect(output.contains("left []"))
    }

    @Test("A presigned GET URL (SigV4) is fetched with curl")
    func presignedWithCurl() async throws {
        let f = try await EndpointFixture.start()
        try f.account.storage.createBucket("shared", caller: .root)
        try f.account.storage.putObject(bucket: "shared", key: "hello world.txt", body: DataBodySource(Data("hi there".utf8)),
                                        caller: .root)
        let url = try await f.python("""
            import boto3
            from botocore.config import Config
            s3 = boto3.client("s3", config=Config(signature_version="s3v4"))
            print(s3.generate_presigned_url("get_object", Params={"Bucket": "shared", "Key": "hello world.txt"}, ExpiresIn=300))
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        let fetched = try await EndpointFixture.blocking {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-sS", "-f", url]
            let out = Pipe()
            curl.standardOutput = out
            try curl.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(fetched == "hi there")
    }
}
