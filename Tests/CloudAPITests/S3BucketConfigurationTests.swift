import CloudEngine
import Foundation
import Testing

/// Bucket policy, notification configuration, anonymous access and the settings clients read, with boto3.
@Suite("S3 bucket configuration and anonymous access", .serialized,
       .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct S3BucketConfigurationTests {
    @Test("Put, get and delete a bucket policy; NoSuchBucketPolicy when there is none, MalformedPolicy for bad JSON")
    func bucketPolicy() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, botocore, json
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket="docs")
            print("none", code(lambda: s3.get_bucket_policy(Bucket="docs")))
            print("malformed", code(lambda: s3.put_bucket_policy(Bucket="docs", Policy="{not json")))
            policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::\(f.account.accountID):root"},
                                 "Action": "s3:GetObject", "Resource": "arn:aws:s3:::docs/*"}]})
            s3.put_bucket_policy(Bucket="docs", Policy=policy)
            print("same", s3.get_bucket_policy(Bucket="docs")["Policy"] == policy)
            print("public", s3.get_bucket_policy_status(Bucket="docs")["PolicyStatus"]["IsPublic"])
            s3.delete_bucket_policy(Bucket="docs")
            print("deleted", code(lambda: s3.get_bucket_policy(Bucket="docs")))
            """)
        #expect(output.contains("none ('NoSuchBucketPolicy', 404)"))
        #expect(output.contains("malformed ('MalformedPolicy', 400)"))
        #expect(output.contains("same True"))
        #expect(output.contains("public False"))
        #expect(output.contains("deleted ('NoSuchBucketPolicy', 404)"))
    }

    @Test("An unsigned GET is AccessDenied until a bucket policy grants Principal \"*\" s3:GetObject")
    func anonymousGet() async throws {
        let f = try await EndpointFixture.start()
        try f.account.storage.createBucket("public-site", caller: .root)
        try f.account.storage.putObject(bucket: "public-site", key: "index.html", body: DataBodySource(Data("<h1>hello</h1>".utf8)),
                                        caller: .root)
        let output = try await f.python("""
            import boto3, json, urllib.request, urllib.error
            url = "\(f.url)/public-site/index.html"
            def fetch():
                try:
                    return urllib.request.urlopen(url).read()
                except urllib.error.HTTPError as e:
                    body = e.read()
                    return e.code, b"<Code>AccessDenied</Code>" in body, b"<Message>Access Denied</Message>" in body
            print("before", fetch())
            boto3.client("s3").put_bucket_policy(Bucket="public-site", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::public-site/*"}]}))
            print("after", fetch())
            from botocore import UNSIGNED
            from botocore.config import Config
            unsigned = boto3.client("s3", config=Config(signature_version=UNSIGNED))
            print("unsigned boto3", unsigned.get_object(Bucket="public-site", Key="index.html")["Body"].read())
            try:
                urllib.request.urlopen(urllib.request.Request(url, data=b"defaced", method="PUT"))
            except urllib.error.HTTPError as e:
                print("put", e.code)
            try:
                urllib.request.urlopen("\(f.url)/public-site")
            except urllib.error.HTTPError as e:
                print("list", e.code)
            print("status", boto3.client("s3").get_bucket_policy_status(Bucket="public-site")["PolicyStatus"]["IsPublic"])
            """)
        #expect(output.contains("before (403, True, True)"))
        #expect(output.contains("after b'<h1>hello</h1>'"))
        #expect(output.contains("unsigned boto3 b'<h1>hello</h1>'"))
        #expect(output.contains("put 403"))
        #expect(output.contains("list 403"))
        #expect(output.contains("status True"))
    }

    @Test("Put and get a notification configuration with boto3; an unknown function is InvalidArgument")
    func notificationConfiguration() async throws {
        let f = try await EndpointFixture.start()
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        try f.account.iam.createRole("thumbnailer", trustPolicy: trust, attaching: [], caller: .root)
        let function = try f.account.functions.createFunction(
            "thumbnail", runtime: "python3.12", handler: "app.handler", role: "arn:aws:iam::\(f.account.accountID):role/thumbnailer",
            code: .files(["app.py": Data("def handler(event, context):\n    return 1\n".utf8)]), timeout: 30, caller: .root)
        try f.account.storage.createBucket("photos", caller: .root)
        let output = try await f.python("""
            import boto3, botocore
            s3 = boto3.client("s3")
            print("empty", {k: v for k, v in s3.get_bucket_notification_configuration(Bucket="photos").items() if k != "ResponseMetadata"})
            config = {"LambdaFunctionConfigurations": [{"Id": "thumbs", "LambdaFunctionArn": "\(function.functionARN)",
                "Events": ["s3:ObjectCreated:*"],
                "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "uploads/"}, {"Name": "suffix", "Value": ".jpg"}]}}}]}
            s3.put_bucket_notification_configuration(Bucket="photos", NotificationConfiguration=config)
            got = s3.get_bucket_notification_configuration(Bucket="photos")["LambdaFunctionConfigurations"][0]
            print("rule", got["Id"], got["LambdaFunctionArn"] == "\(function.functionARN)", got["Events"],
                  sorted((r["Name"].lower(), r["Value"]) for r in got["Filter"]["Key"]["FilterRules"]))
            config["LambdaFunctionConfigurations"][0]["LambdaFunctionArn"] = "\(function.functionARN)-missing"
            try:
                s3.put_bucket_notification_configuration(Bucket="photos", NotificationConfiguration=config)
            except botocore.exceptions.ClientError as e:
                print("unknown", e.response["Error"]["Code"], "Unable to validate the following destination configurations" in e.response["Error"]["Message"])
            """)
        #expect(output.contains("empty {}"))
        #expect(output.contains("rule thumbs True ['s3:ObjectCreated:*'] [('prefix', 'uploads/'), ('suffix', '.jpg')]"))
        #expect(output.contains("unknown InvalidArgument True"))
        let stored = try f.account.storage.notificationConfiguration(bucket: "photos", caller: .root)
        #expect(stored.lambdaFunctionConfigurations.first?.prefix == "uploads/")
    }

    @Test("Versioning, ACLs, encryption, tagging, CORS and friends answer as for a new, plain SSE-S3 bucket")
    func settingsClientsRead() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, botocore
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket="plain")
            s3.put_object(Bucket="plain", Key="k", Body=b"v")
            print("versioning", s3.get_bucket_versioning(Bucket="plain").get("Status"))
            acl = s3.get_bucket_acl(Bucket="plain")
            print("acl", [(g["Grantee"]["Type"], g["Permission"]) for g in acl["Grants"]], acl["Owner"]["ID"])
            print("object acl", [g["Permission"] for g in s3.get_object_acl(Bucket="plain", Key="k")["Grants"]])
            try:
                s3.get_bucket_tagging(Bucket="plain")
            except botocore.exceptions.ClientError as e:
                print("tagging", e.response["Error"]["Code"])
            rule = s3.get_bucket_encryption(Bucket="plain")["ServerSideEncryptionConfiguration"]["Rules"][0]
            print("encryption", rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"])
            print("ownership", s3.get_bucket_ownership_controls(Bucket="plain")["OwnershipControls"]["Rules"][0]["ObjectOwnership"])
            for name, call in [("cors", s3.get_bucket_cors), ("lifecycle", s3.get_bucket_lifecycle_configuration),
                               ("website", s3.get_bucket_website), ("block", s3.get_public_access_block)]:
                try:
                    call(Bucket="plain")
                except botocore.exceptions.ClientError as e:
                    print(name, e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
            """)
        #expect(output.contains("versioning None"))
        #expect(output.contains("acl [('CanonicalUser', 'FULL_CONTROL')] \(f.account.accountID)"))
        #expect(output.contains("object acl ['FULL_CONTROL']"))
        #expect(output.contains("tagging NoSuchTagSet"))
        #expect(output.contains("encryption AES256"))
        #expect(output.contains("ownership BucketOwnerEnforced"))
        #expect(output.contains("cors NoSuchCORSConfiguration 404"))
        #expect(output.contains("lifecycle NoSuchLifecycleConfiguration 404"))
        #expect(output.contains("website NoSuchWebsiteConfiguration 404"))
        #expect(output.contains("block NoSuchPublicAccessBlockConfiguration 404"))
    }
}
