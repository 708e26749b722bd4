import CloudEngine
import Foundation
import IAMPolicy
import Testing

/// S3 through the endpoint with real boto3 and the aws CLI: what people's code does, unchanged.
@Suite("S3 with boto3 and the aws CLI", .serialized, .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct S3WithBoto3Tests {
    @Test("Create a bucket, put, list, get a range, head and delete objects with boto3")
    func objects() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket="photos")
            s3.put_object(Bucket="photos", Key="cats/tom.txt", Body=b"meow meow", ContentType="text/plain",
                          Metadata={"owner": "jerry"})
            s3.put_object(Bucket="photos", Key="dogs/rex.txt", Body=b"woof")
            print("buckets", [b["Name"] for b in s3.list_buckets()["Buckets"]])
            page = s3.list_objects_v2(Bucket="photos", Delimiter="/")
            print("prefixes", [p["Prefix"] for p in page.get("CommonPrefixes", [])], page["KeyCount"])
            page = s3.list_objects_v2(Bucket="photos", Prefix="cats/")
            print("keys", [o["Key"] for o in page["Contents"]], page["Contents"][0]["Size"])
            got = s3.get_object(Bucket="photos", Key="cats/tom.txt", Range="bytes=0-3")
            print("range", got["Body"].read(), got["ContentRange"])
            head = s3.head_object(Bucket="photos", Key="cats/tom.txt")
            print("head", head["ContentLength"], head["ContentType"], head["Metadata"])
            s3.delete_object(Bucket="photos", Key="cats/tom.txt")
            print("after", [o["Key"] for o in s3.list_objects_v2(Bucket="photos").get("Contents", [])])
            """)
        #expect(output.contains("buckets ['photos']"))
        #expect(output.contains("prefixes ['cats/', 'dogs/'] 2"))
        #expect(output.contains("keys ['cats/tom.txt'] 9"))
        #expect(output.contains("range b'meow' bytes 0-3/9"))
        #expect(output.contains("head 9 text/plain {'owner': 'jerry'}"))
        #expect(output.contains("after ['dogs/rex.txt']"))
        #expect(try f.account.storage.getObjectData(bucket: "photos", key: "dogs/rex.txt", caller: .root) == Data("woof".utf8))
    }

    @Test("A presigned GET and PUT (SigV4) work from a plain HTTP client; a tampered one is refused, SigV2 is refused")
    func presigned() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, urllib.request, urllib.error
            from botocore.config import Config
            old = boto3.client("s3").generate_presigned_url("get_object", Params={"Bucket": "shared", "Key": "x"})
            try:
                urllib.request.urlopen(old)
            except urllib.error.HTTPError as e:
                print("sigv2", e.code, b"AWS4-HMAC-SHA256" in e.read())
            s3 = boto3.client("s3", config=Config(signature_version="s3v4"))
            s3.create_bucket(Bucket="shared")
            put = s3.generate_presigned_url("put_object", Params={"Bucket": "shared", "Key": "note.txt"}, ExpiresIn=300)
            urllib.request.urlopen(urllib.request.Request(put, data=b"from a link", method="PUT"))
            get = s3.generate_presigned_url("get_object", Params={"Bucket": "shared", "Key": "note.txt"}, ExpiresIn=300)
            print("got", urllib.request.urlopen(get).read())
            try:
                urllib.request.urlopen(get.replace("note.txt", "other.txt"))
            except urllib.error.HTTPError as e:
                print("tampered", e.code, b"SignatureDoesNotMatch" in e.read())
            """)
        #expect(output.contains("sigv2 400 True"))
        #expect(output.contains("got b'from a link'"))
        #expect(output.contains("tampered 403 True"))
    }

    @Test("Expect: 100-continue is answered at once, before the body is sent (boto3 waits for it on every PutObject)")
    func expectContinue() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import socket
            s = socket.create_connection(("127.0.0.1", \(f.port)))
            s.sendall(b"PUT /any/key HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Length: 3\\r\\nExpect: 100-continue\\r\\n\\r\\n")
            s.settimeout(5)
            print("interim", s.recv(64).split(b"\\r\\n")[0].decode())
            """)
        #expect(output.contains("interim HTTP/1.1 100 Continue"))
    }

    @Test("S3's errors reach boto3 in S3's codes")
    func errors() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, botocore
            s3 = boto3.client("s3")
            for call in (lambda: s3.get_object(Bucket="nope", Key="k"),
                         lambda: s3.create_bucket(Bucket="Bad_Name"),
                         lambda: (s3.create_bucket(Bucket="bkt"), s3.get_object(Bucket="bkt", Key="missing"))):
                try:
                    call()
                except botocore.exceptions.ClientError as e:
                    print(e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
            """)
        #expect(output.contains("NoSuchBucket 404"))
        #expect(output.contains("InvalidBucketName 400"))
        #expect(output.contains("NoSuchKey 404"))
    }

    @Test("A wrong secret is SignatureDoesNotMatch, an unknown key InvalidAccessKeyId, and neither changes anything")
    func signatureFailures() async throws {
        let f = try await EndpointFixture.start()
        let (id, _) = try f.rootKeys()
        let script = """
            import boto3, botocore
            try:
                boto3.client("s3").create_bucket(Bucket="should-not-exist")
            except botocore.exceptions.ClientError as e:
                print(e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
            """
        let wrong = try await f.python(script, keys: (id, "wrong-secret"))
        #expect(wrong.contains("SignatureDoesNotMatch 403"))
        let unknown = try await f.python(script, keys: ("AKIAUNKNOWNKEY000000", "x"))
        #expect(unknown.contains("InvalidAccessKeyId 403"))
        #expect(try f.account.storage.listBuckets(caller: .root).isEmpty)
    }

    @Test("A user's keys are the user: AmazonS3ReadOnlyAccess reads, and is refused a write with IAM's reason")
    func userIsAuthorized() async throws {
        let f = try await EndpointFixture.start()
        try f.account.storage.createBucket("shared", caller: .root)
        try f.account.iam.createUser("reader", caller: .root)
        try f.account.iam.attachPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", to: .user("reader"), caller: .root)
        let key = try f.account.iam.createAccessKey(userName: "reader", caller: .root)
        let output = try await f.python("""
            import boto3, botocore
            s3 = boto3.client("s3")
            print("list", [b["Name"] for b in s3.list_buckets()["Buckets"]])
            try:
                s3.put_object(Bucket="shared", Key="x.txt", Body=b"x")
            except botocore.exceptions.ClientError as e:
                print(e.response["Error"]["Code"], e.response["Error"]["Message"])
            """, keys: (key.accessKeyID, key.secretAccessKey))
        #expect(output.contains("list ['shared']"))
        #expect(output.contains("AccessDenied User: arn:aws:iam::\(f.account.accountID):user/reader is not authorized to perform: s3:PutObject"))
        #expect(try f.account.storage.listObjects(bucket: "shared", caller: .root).objects.isEmpty)
    }

    @Test("The aws CLI: mb, cp (local and between keys), mv, ls, rm, rm --recursive")
    func awsCLI() async throws {
        let f = try await EndpointFixture.start()
        let small = f.folder.appendingPathComponent("hello.txt")
        try Data("hello\n".utf8).write(to: small)
        try await f.aws("s3", "mb", "s3://cli-bucket")
        try await f.aws("s3", "cp", small.path, "s3://cli-bucket/docs/hello.txt")
        let listing = try await f.aws("s3", "ls", "s3://cli-bucket/docs/")
        #expect(listing.contains("hello.txt"))
        try await f.aws("s3", "cp", "s3://cli-bucket/docs/hello.txt", "s3://cli-bucket/copies/hello.txt")
        try await f.aws("s3", "mv", "s3://cli-bucket/docs/hello.txt", "s3://cli-bucket/moved/hello.txt")
        let copied = try await f.aws("s3", "ls", "s3://cli-bucket/", "--recursive")
        #expect(copied.contains("copies/hello.txt") && copied.contains("moved/hello.txt") && !copied.contains("docs/hello.txt"))
        #expect(try f.account.storage.getObjectData(bucket: "cli-bucket", key: "copies/hello.txt", caller: .root) == Data("hello\n".utf8))
        // rm --recursive deletes with DeleteObjects.
        try await f.aws("s3", "rm", "s3://cli-bucket/", "--recursive")
        let rest = try await f.aws("s3", "ls", "s3://cli-bucket/", "--recursive")
        #expect(rest.isEmpty)
    }

    @Test("serve --write-profile writes an overcast profile and leaves every other one as it was")
    func writeProfile() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-home-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent(".aws/config")
        let credentials = home.appendingPathComponent(".aws/credentials")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[default]\nregion = eu-west-1\n\n[profile overcast]\nregion = old\nendpoint_url = http://old\n\n[profile work]\nregion = us-west-2\n".utf8)
            .write(to: config)
        try Data("[default]\naws_access_key_id = AKIAREALKEY\naws_secret_access_key = real\n".utf8).write(to: credentials)
        let f = try await EndpointFixture.start(arguments: ["--write-profile"],
                                                environment: ["AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentials.path])
        #expect(f.banner.contains("Wrote the profile overcast"))
        let written = try String(contentsOf: config, encoding: .utf8)
        #expect(written.contains("[default]\nregion = eu-west-1"))
        #expect(written.contains("[profile work]\nregion = us-west-2"))
        #expect(written.contains("[profile overcast]\nregion = us-east-1\nendpoint_url = \(f.url)\noutput = json"))
        #expect(!written.contains("http://old"))
        let keys = try String(contentsOf: credentials, encoding: .utf8)
        #expect(keys.contains("aws_access_key_id = AKIAREALKEY"))
        #expect(keys.contains("[overcast]\naws_access_key_id = \(try f.rootKeys().0)"))
        try f.account.storage.createBucket("via-profile", caller: .root)
        let listing = try await f.awsProfile("overcast", config: config.path, credentials: credentials.path, "s3", "ls")
        #expect(listing.contains("via-profile"))
        // The profile makes the aws CLI presign with SigV4, so its links work with curl.
        try f.account.storage.putObject(bucket: "via-profile", key: "hello.txt", body: DataBodySource(Data("hello from a link".utf8)),
                                        caller: .root)
        let link = try await f.awsProfile("overcast", config: config.path, credentials: credentials.path,
                                          "s3", "presign", "s3://via-profile/hello.txt")
        #expect(link.contains("X-Amz-Signature="))
        let fetched = try await f.python("""
            import subprocess
            print(subprocess.run(["curl", "-s", \(JSONString.quoted(link.trimmingCharacters(in: .whitespacesAndNewlines)))],
                                 capture_output=True).stdout.decode())
            """)
        #expect(fetched.contains("hello from a link"))
    }
}
