import CloudEngine
import Foundation
import Testing

/// Function URLs: configured with boto3, fetched with curl (virtual host `<id>.lambda-url.<region>.localhost`)
/// and urllib (path style `/lambda-url/<id>/`), the function's result mapped to the HTTP answer.
@Suite("Function URLs", .serialized, .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct FunctionURLTests {
    static let handler = """
        import json

        def handler(event, context):
            if event["rawPath"] == "/plain":
                return {"plain": True}
            return {
                "statusCode": 201,
                "headers": {"x-test": "yes", "content-type": "text/plain"},
                "cookies": ["a=1"],
                "body": json.dumps({
                    "version": event["version"], "path": event["rawPath"], "query": event.get("queryStringParameters"),
                    "method": event["requestContext"]["http"]["method"], "body": event.get("body"),
                    "base64": event["isBase64Encoded"], "agent": event["requestContext"]["http"]["userAgent"],
                }, sort_keys=True),
            }

        """

    static func makeFunction(_ f: EndpointFixture) async throws {
        let role = try await LambdaAPITests.prepare(f, source: handler)
        try await f.aws("lambda", "create-function", "--function-name", "web", "--runtime", "python3.12",
                        "--handler", "lambda_function.handler", "--role", role, "--zip-file", "fileb://f.zip")
    }

    static func curl(_ arguments: [String]) async throws -> String {
        try await EndpointFixture.blocking {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = ["-s", "-i", "-m", "60"] + arguments
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test("an AuthType NONE URL answers once the function policy allows lambda:InvokeFunctionUrl to everyone")
    func publicURL() async throws {
        let f = try await EndpointFixture.start()
        try await Self.makeFunction(f)
        let created = try LambdaAPITests.json(try await f.aws("lambda", "create-function-url-config", "--function-name", "web",
                                                               "--auth-type", "NONE"))
        let url = created["FunctionUrl"] as? String ?? ""
        #expect(url.range(of: #"^http://[a-z0-9]{32}\.lambda-url\.us-east-1\.localhost:\#(f.port)/$"#, options: .regularExpression) != nil, "\(url)")
        #expect(created["AuthType"] as? String == "NONE")

        // Lambda refuses a public URL until a resource policy allows it.
        #expect(try await Self.curl([url + "hello"]).hasPrefix("HTTP/1.1 403"))
        try await f.aws("lambda", "add-permission", "--function-name", "web", "--statement-id", "public-url",
                        "--action", "lambda:InvokeFunctionUrl", "--principal", "*", "--function-url-auth-type", "NONE")

        let answer = try await Self.curl([url + "hello/world?x=1&y=two", "-A", "overcast-test", "-d", "payload", "-H", "Content-Type: text/plain"])
        #expect(answer.hasPrefix("HTTP/1.1 201"), "\(answer)")
        #expect(answer.lowercased().contains("x-test: yes"))
        #expect(answer.lowercased().contains("set-cookie: a=1"))
        #expect(answer.contains(#"{"agent": "overcast-test", "base64": false, "body": "payload", "method": "POST", "path": "/hello/world", "query": {"x": "1", "y": "two"}, "version": "2.0"}"#), "\(answer)")

        let plain = try await Self.curl([url + "plain"])
        #expect(plain.hasPrefix("HTTP/1.1 200"))
        #expect(plain.lowercased().contains("content-type: application/json"))
        #expect(plain.hasSuffix(#"{"plain": true}"#), "\(plain)")

        // Path style, with urllib, on the address the endpoint prints.
        let id = url.dropFirst("http://".count).prefix(32)
        let output = try await f.python("""
            import urllib.request
            with urllib.request.urlopen("http://127.0.0.1:\(f.port)/lambda-url/\(id)/path/style") as response:
                print(response.status, response.read().decode())
            """)
        #expect(output.contains(#"201 {"agent": "Python-urllib"#))
        #expect(output.contains(#""path": "/path/style""#))

        // CORS: a preflight is answered without the function; an allowed origin gets the headers.
        try await f.python("""
            import boto3
            boto3.client("lambda").update_function_url_config(
                FunctionName="web", Cors={"AllowOrigins": ["https://example.com"], "AllowMethods": ["GET", "POST"], "MaxAge": 60})
            """)
        let preflight = try await Self.curl([url + "plain", "-X", "OPTIONS", "-H", "Origin: https://example.com",
                                             "-H", "Access-Control-Request-Method: POST"])
        #expect(preflight.hasPrefix("HTTP/1.1 200"))
        #expect(preflight.contains("Access-Control-Allow-Origin: https://example.com"), "\(preflight)")
        #expect(preflight.contains("Access-Control-Max-Age: 60"))
        #expect(!preflight.contains("plain"))
        let cross = try await Self.curl([url + "plain", "-H", "Origin: https://example.com"])
        #expect(cross.contains("Access-Control-Allow-Origin: https://example.com"))
        #expect(!(try await Self.curl([url + "plain", "-H", "Origin: https://elsewhere.example"])).contains("Access-Control-Allow-Origin"))

        let config = try await f.python("""
            import boto3
            lam = boto3.client("lambda")
            got = lam.get_function_url_config(FunctionName="web")
            print("get", got["AuthType"], got["FunctionUrl"] == "\(url)")
            print("list", len(lam.list_function_url_configs(FunctionName="web")["FunctionUrlConfigs"]))
            try:
                lam.create_function_url_config(FunctionName="web", AuthType="NONE")
            except lam.exceptions.ResourceConflictException as e:
                print("conflict", e.response["ResponseMetadata"]["HTTPStatusCode"])
            lam.delete_function_url_config(FunctionName="web")
            try:
                lam.get_function_url_config(FunctionName="web")
            except lam.exceptions.ResourceNotFoundException:
                print("gone")
            """)
        #expect(config.contains("get NONE True"))
        #expect(config.contains("list 1"))
        #expect(config.contains("conflict 409"))
        #expect(config.contains("gone"))
        #expect(try await Self.curl([url]).hasPrefix("HTTP/1.1 404"))
    }

    @Test("an AWS_IAM URL refuses unsigned requests and answers a request signed for lambda")
    func iamURL() async throws {
        let f = try await EndpointFixture.start()
        try await Self.makeFunction(f)
        let created = try LambdaAPITests.json(try await f.aws("lambda", "create-function-url-config", "--function-name", "web",
                                                               "--auth-type", "AWS_IAM"))
        let url = created["FunctionUrl"] as? String ?? ""
        #expect(try await Self.curl([url]).hasPrefix("HTTP/1.1 403"))
        let id = url.dropFirst("http://".count).prefix(32)
        let output = try await f.python("""
            import urllib.request
            import boto3
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            url = "http://127.0.0.1:\(f.port)/lambda-url/\(id)/signed"
            request = AWSRequest(method="GET", url=url)
            SigV4Auth(boto3.Session().get_credentials(), "lambda", "us-east-1").add_auth(request)
            with urllib.request.urlopen(urllib.request.Request(url, headers=dict(request.headers))) as response:
                print(response.status, response.read().decode())
            """)
        #expect(output.contains("201 "), "\(output)")
        #expect(output.contains(#""path": "/signed""#))
    }

    @Test("a bucket named lambda-url is still S3's, path style, signed or anonymous")
    func bucketNamedLambdaURL() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import urllib.request, urllib.error
            import boto3
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket="lambda-url")
            s3.put_object(Bucket="lambda-url", Key="abc/notes.txt", Body=b"still s3")
            print(s3.get_object(Bucket="lambda-url", Key="abc/notes.txt")["Body"].read().decode())
            try:
                urllib.request.urlopen("\(f.url)/lambda-url/abc/notes.txt")
            except urllib.error.HTTPError as e:
                print("anonymous", e.code, b"AccessDenied" in e.read())
            """)
        #expect(output.contains("still s3"))
        #expect(output.contains("anonymous 403 True"), "\(output)")
    }
}
