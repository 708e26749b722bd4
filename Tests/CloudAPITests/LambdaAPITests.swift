import CloudEngine
import Foundation
import Testing

/// Lambda's REST-JSON API as the aws CLI and boto3 use it: a function made from a .zip, invoked with its log
/// tail, a handler that raises, reading, listing, new code, deletion and Lambda's errors.
@Suite("Lambda API with the aws CLI and boto3", .serialized,
       .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct LambdaAPITests {
    static let handler = """
        import json

        def handler(event, context):
            print("hello from the handler")
            if event.get("fail"):
                raise ValueError("asked to fail")
            return {"greeting": "hello " + event.get("name", "world")}

        """

    /// A role Lambda may assume, made in the engine, and `f.zip` holding `lambda_function.py`, made with Python's zipfile.
    static func prepare(_ f: EndpointFixture, source: String = handler) async throws -> String {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        if (try? f.account.iam.role("lambda-exec", caller: .root)) == nil {
            try f.account.iam.createRole("lambda-exec", trustPolicy: trust, attaching: [], caller: .root)
        }
        try await f.python("""
            import zipfile
            with zipfile.ZipFile("f.zip", "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("lambda_function.py", \(String(reflecting: source)))
            """)
        return "arn:aws:iam::\(f.account.accountID):role/lambda-exec"
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    @Test("create-function from fileb://f.zip, invoke with --log-type Tail, a raising handler is FunctionError Unhandled")
    func createAndInvoke() async throws {
        let f = try await EndpointFixture.start()
        let role = try await Self.prepare(f)
        let created = try Self.json(try await f.aws("lambda", "create-function", "--function-name", "hello", "--runtime", "python3.12",
                                                    "--handler", "lambda_function.handler", "--role", role,
                                                    "--zip-file", "fileb://f.zip", "--environment", "Variables={STAGE=test}"))
        #expect(created["FunctionName"] as? String == "hello")
        #expect(created["FunctionArn"] as? String == "arn:aws:lambda:us-east-1:\(f.account.accountID):function:hello")
        #expect(created["State"] as? String == "Active")
        #expect(created["PackageType"] as? String == "Zip")
        #expect(created["Version"] as? String == "$LATEST")
        #expect((created["Environment"] as? [String: Any])?["Variables"] as? [String: String] == ["STAGE": "test"])
        let modified = created["LastModified"] as? String ?? ""
        #expect(modified.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$"#, options: .regularExpression) != nil)
        let zip = try Data(contentsOf: f.folder.appendingPathComponent("f.zip"))
        #expect(created["CodeSize"] as? Int == zip.count)

        let invoked = try Self.json(try await f.aws("lambda", "invoke", "--function-name", "hello", "--payload", #"{"name":"overcast"}"#, "--log-type", "Tail", "out.json"))
        #expect(invoked["StatusCode"] as? Int == 200)
        #expect(invoked["ExecutedVersion"] as? String == "$LATEST")
        #expect(invoked["FunctionError"] == nil)
        let log = String(decoding: Data(base64Encoded: invoked["LogResult"] as? String ?? "") ?? Data(), as: UTF8.self)
        #expect(log.contains("START RequestId:"))
        #expect(log.contains("hello from the handler"))
        #expect(log.contains("END RequestId:"))
        #expect(log.contains("REPORT RequestId:"))
        let out = try String(contentsOf: f.folder.appendingPathComponent("out.json"), encoding: .utf8)
        #expect(try Self.json(out)["greeting"] as? String == "hello overcast")

        let failed = try Self.json(try await f.aws("lambda", "invoke", "--function-name", "hello", "--payload", #"{"fail":true}"#, "err.json"))
        #expect(failed["StatusCode"] as? Int == 200)
        #expect(failed["FunctionError"] as? String == "Unhandled")
        let error = try Self.json(try String(contentsOf: f.folder.appendingPathComponent("err.json"), encoding: .utf8))
        #expect(error["errorType"] as? String == "ValueError")
        #expect(error["errorMessage"] as? String == "asked to fail")
    }

    @Test("get-function, list-functions, update-function-code, publish, Event and DryRun invokes, delete then ResourceNotFoundException")
    func lifecycle() async throws {
        let f = try await EndpointFixture.start()
        let role = try await Self.prepare(f)
        try await f.aws("lambda", "create-function", "--function-name", "one", "--runtime", "python3.12",
                        "--handler", "lambda_function.handler", "--role", role, "--zip-file", "fileb://f.zip")
        try await f.aws("lambda", "create-function", "--function-name", "two", "--runtime", "python3.12",
                        "--handler", "lambda_function.handler", "--role", role, "--zip-file", "fileb://f.zip")
        let output = try await f.python("""
            import base64, io, json, zipfile
            import boto3
            from botocore.exceptions import ClientError
            lam = boto3.client("lambda")
            got = lam.get_function(FunctionName="one")
            print("get", got["Configuration"]["FunctionName"], got["Configuration"]["Handler"], got["Code"]["RepositoryType"])
            names = [c["FunctionName"] for c in lam.list_functions()["Functions"]]
            print("list", names)
            first = lam.list_functions(MaxItems=1)
            second = lam.list_functions(MaxItems=1, Marker=first["NextMarker"])
            print("pages", [c["FunctionName"] for c in first["Functions"] + second["Functions"]], "NextMarker" in second)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as z:
                z.writestr("lambda_function.py", "def handler(event, context):\\n    return 'v2'\\n")
            updated = lam.update_function_code(FunctionName="one", ZipFile=buffer.getvalue(), Publish=True)
            print("updated", updated["Version"], updated["CodeSha256"] != got["Configuration"]["CodeSha256"])
            print("invoke", lam.invoke(FunctionName="one")["Payload"].read().decode())
            print("versions", [v["Version"] for v in lam.list_versions_by_function(FunctionName="one")["Versions"]])
            config = lam.update_function_configuration(FunctionName="one", Timeout=9, Environment={"Variables": {"AB": "1"}})
            print("config", config["Timeout"], config["Environment"]["Variables"])
            print("event", lam.invoke(FunctionName="one", InvocationType="Event")["StatusCode"])
            print("dryrun", lam.invoke(FunctionName="one", InvocationType="DryRun")["StatusCode"])
            lam.delete_function(FunctionName="one")
            for call in (lambda: lam.get_function(FunctionName="one"), lambda: lam.invoke(FunctionName="one")):
                try:
                    call()
                except ClientError as e:
                    print("error", e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], e.response["Error"]["Message"])
            try:
                lam.create_function(FunctionName="two", Runtime="python3.12", Role="\(role)", Handler="lambda_function.handler",
                                    Code={"ZipFile": buffer.getvalue()})
            except ClientError as e:
                print("conflict", e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"])
            try:
                lam.create_function(FunctionName="bad", Runtime="python3.12", Role="\(role)", Handler="lambda_function.handler",
                                    Code={"ZipFile": b"not a zip"})
            except ClientError as e:
                print("badzip", e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], e.response["Error"]["Message"])
            """)
        #expect(output.contains("get one lambda_function.handler S3"))
        #expect(output.contains("list ['one', 'two']"))
        #expect(output.contains("pages ['one', 'two'] False"))
        #expect(output.contains("updated 1 True"))
        #expect(output.contains("invoke \"v2\""))
        #expect(output.contains("versions ['$LATEST', '1']"))
        #expect(output.contains("config 9 {'AB': '1'}"))
        #expect(output.contains("event 202"))
        #expect(output.contains("dryrun 204"))
        #expect(output.contains("error 404 ResourceNotFoundException Function not found: arn:aws:lambda:us-east-1:\(f.account.accountID):function:one"))
        #expect(output.components(separatedBy: "error 404 ResourceNotFoundException").count == 3)
        #expect(output.contains("conflict 409 ResourceConflictException"))
        #expect(output.contains("badzip 400 InvalidParameterValueException Could not unzip uploaded file."))
    }

    @Test("permissions and layers: add-permission, get-policy, remove-permission, publish and list layer versions, S3 code")
    func permissionsAndLayers() async throws {
        let f = try await EndpointFixture.start()
        let role = try await Self.prepare(f)
        try f.account.storage.createBucket("code", caller: .root)
        let zip = try Data(contentsOf: f.folder.appendingPathComponent("f.zip"))
        try f.account.storage.putObject(bucket: "code", key: "f.zip", body: DataBodySource(zip), caller: .root)
        let output = try await f.python("""
            import json
            import boto3
            from botocore.exceptions import ClientError
            lam = boto3.client("lambda")
            made = lam.create_function(FunctionName="s3fn", Runtime="python3.12", Role="\(role)", Handler="lambda_function.handler",
                                       Code={"S3Bucket": "code", "S3Key": "f.zip"})
            print("s3code", made["CodeSize"])
            added = json.loads(lam.add_permission(FunctionName="s3fn", StatementId="s3", Action="lambda:InvokeFunction",
                                                  Principal="s3.amazonaws.com", SourceArn="arn:aws:s3:::code")["Statement"])
            print("statement", added["Sid"], added["Principal"])
            policy = json.loads(lam.get_policy(FunctionName="s3fn")["Policy"])
            print("policy", [s["Sid"] for s in policy["Statement"]])
            lam.remove_permission(FunctionName="s3fn", StatementId="s3")
            try:
                lam.get_policy(FunctionName="s3fn")
            except ClientError as e:
                print("nopolicy", e.response["Error"]["Code"])
            layer = lam.publish_layer_version(LayerName="utils", Content={"S3Bucket": "code", "S3Key": "f.zip"},
                                              CompatibleRuntimes=["python3.12"])
            print("layer", layer["Version"], layer["LayerVersionArn"].endswith(":layer:utils:1"))
            print("layers", [l["LayerName"] for l in lam.list_layers()["Layers"]])
            print("layerversions", [v["Version"] for v in lam.list_layer_versions(LayerName="utils")["LayerVersions"]])
            print("getlayer", lam.get_layer_version(LayerName="utils", VersionNumber=1)["Content"]["CodeSize"])
            lam.delete_layer_version(LayerName="utils", VersionNumber=1)
            print("afterdelete", lam.list_layer_versions(LayerName="utils")["LayerVersions"])
            """)
        #expect(output.contains("s3code \(zip.count)"))
        #expect(output.contains("statement s3 {'Service': 's3.amazonaws.com'}"))
        #expect(output.contains("policy ['s3']"))
        #expect(output.contains("nopolicy ResourceNotFoundException"))
        #expect(output.contains("layer 1 True"))
        #expect(output.contains("layers ['utils']"))
        #expect(output.contains("layerversions [1]"))
        #expect(output.contains("getlayer \(zip.count)"))
        #expect(output.contains("afterdelete []"))
    }

    @Test("errors are Lambda's: x-amzn-ErrorType and {Type, Message}; unknown paths are UnknownOperationException, bad JSON InvalidRequestContentException")
    func errorShapes() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import json, urllib.request, urllib.error
            import boto3
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest

            def send(method, path, body=b""):
                url = "\(f.url)" + path
                request = AWSRequest(method=method, url=url, data=body)
                SigV4Auth(boto3.Session().get_credentials(), "lambda", "us-east-1").add_auth(request)
                try:
                    with urllib.request.urlopen(urllib.request.Request(url, data=body or None, method=method,
                                                                       headers=dict(request.headers))) as response:
                        return response.status, dict(response.headers), response.read()
                except urllib.error.HTTPError as e:
                    return e.code, dict(e.headers), e.read()

            for method, path, body in [("GET", "/2015-03-31/functions/nope", b""), ("GET", "/2015-03-31/nothing-here", b""),
                                       ("POST", "/2015-03-31/functions", b"{not json")]:
                status, headers, data = send(method, path, body)
                print(status, headers.get("x-amzn-ErrorType"), json.loads(data))
            """)
        #expect(output.contains("404 ResourceNotFoundException {'Type': 'User', 'Message': 'Function not found: arn:aws:lambda:us-east-1:\(f.account.accountID):function:nope'}"), "\(output)")
        #expect(output.contains("404 UnknownOperationException {'Type': 'User', 'Message':"))
        #expect(output.contains("400 InvalidRequestContentException {'Type': 'User', 'Message': 'Could not parse request body into json"))
    }
}
