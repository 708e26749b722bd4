import CloudEngine
import Foundation
import Testing

/// IAM's query API through the endpoint, with the aws CLI and boto3 as people use them.
@Suite("IAM with the aws CLI and boto3", .serialized, .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct IAMQueryTests {
    static let trustLambda = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    static let readPhotos = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/*"}]}"#

    @Test("A role made with the aws CLI: trust policy from a file, attached and inline policies read back as JSON")
    func roleWithCLI() async throws {
        let f = try await EndpointFixture.start()
        try Data(Self.trustLambda.utf8).write(to: f.folder.appendingPathComponent("trust.json"))
        try Data(Self.readPhotos.utf8).write(to: f.folder.appendingPathComponent("read.json"))
        let created = try await f.aws("iam", "create-role", "--role-name", "worker", "--path", "/app/",
                                      "--assume-role-policy-document", "file://trust.json", "--description", "runs jobs")
        #expect(created.contains("\"Arn\": \"arn:aws:iam::\(f.account.accountID):role/app/worker\""))
        #expect(created.contains("\"RoleId\": \"AROA"))
        #expect(created.contains("\"Service\": \"lambda.amazonaws.com\""), "the trust policy comes back decoded: \(created)")
        try await f.aws("iam", "attach-role-policy", "--role-name", "worker",
                        "--policy-arn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
        try await f.aws("iam", "put-role-policy", "--role-name", "worker", "--policy-name", "photos",
                        "--policy-document", "file://read.json")
        let inline = try await f.aws("iam", "get-role-policy", "--role-name", "worker", "--policy-name", "photos")
        #expect(inline.contains("\"RoleName\": \"worker\""))
        #expect(inline.contains("\"Resource\": \"arn:aws:s3:::photos/*\""), "the document comes back decoded: \(inline)")
        let attached = try await f.aws("iam", "list-attached-role-policies", "--role-name", "worker",
                                       "--query", "AttachedPolicies[].PolicyName", "--output", "text")
        #expect(attached.trimmingCharacters(in: .whitespacesAndNewlines) == "AmazonS3ReadOnlyAccess")
        let names = try await f.aws("iam", "list-role-policies", "--role-name", "worker", "--query", "PolicyNames", "--output", "text")
        #expect(names.trimmingCharacters(in: .whitespacesAndNewlines) == "photos")
        let role = try await f.aws("iam", "get-role", "--role-name", "worker", "--query", "Role.[Description,MaxSessionDuration]",
                                   "--output", "text")
        #expect(role.trimmingCharacters(in: .whitespacesAndNewlines) == "runs jobs\t3600")
    }

    @Test("simulate-custom-policy: allowed where the policy grants, implicitDeny elsewhere")
    func simulateCustomPolicy() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.aws("iam", "simulate-custom-policy", "--policy-input-list", Self.readPhotos,
                                     "--action-names", "s3:GetObject", "s3:PutObject",
                                     "--resource-arns", "arn:aws:s3:::photos/cat.jpg",
                                     "--query", "EvaluationResults[].[EvalActionName,EvalDecision]", "--output", "text")
        let rows = output.split(separator: "\n").map(String.init)
        #expect(rows == ["s3:GetObject\tallowed", "s3:PutObject\timplicitDeny"])
        let matched = try await f.aws("iam", "simulate-custom-policy", "--policy-input-list", Self.readPhotos,
                                      "--action-names", "s3:GetObject", "--resource-arns", "arn:aws:s3:::photos/cat.jpg",
                                      "--query", "EvaluationResults[0].MatchedStatements[0].SourcePolicyId", "--output", "text")
        #expect(matched.trimmingCharacters(in: .whitespacesAndNewlines) == "PolicyInputList.1")
    }

    @Test("A new user's access key is refused S3 until a policy is attached, then allowed")
    func userKeysAndPolicies() async throws {
        let f = try await EndpointFixture.start()
        try await f.aws("s3api", "create-bucket", "--bucket", "photos")
        try await f.aws("iam", "create-user", "--user-name", "alice")
        let key = try await f.aws("iam", "create-access-key", "--user-name", "alice",
                                  "--query", "AccessKey.[AccessKeyId,SecretAccessKey]", "--output", "text")
        let parts = key.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
        try #require(parts.count == 2)
        let alice = (parts[0], parts[1])
        #expect(alice.0.hasPrefix("AKIA"))
        do {
            try await f.aws("s3api", "list-objects-v2", "--bucket", "photos", keys: alice)
            Issue.record("alice listed the bucket before any policy allowed it")
        } catch let error as FixtureError {
            #expect(error.message.contains("AccessDenied"))
            #expect(error.message.contains("user/alice"))
        }
        try await f.aws("iam", "attach-user-policy", "--user-name", "alice", "--policy-arn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
        let listed = try await f.aws("s3api", "list-objects-v2", "--bucket", "photos", keys: alice)
        #expect(!listed.contains("AccessDenied"))
        let keys = try await f.aws("iam", "list-access-keys", "--user-name", "alice", "--query", "AccessKeyMetadata[].Status",
                                   "--output", "text")
        #expect(keys.trimmingCharacters(in: .whitespacesAndNewlines) == "Active")
        // Reading even oneself needs iam:GetUser, as on AWS: AccessDenied names the action and the caller.
        do {
            try await f.aws("iam", "get-user", keys: alice)
            Issue.record("alice read her user without iam:GetUser")
        } catch let error as FixtureError {
            #expect(error.message.contains("(AccessDenied) when calling the GetUser operation"))
            #expect(error.message.contains("iam:GetUser"))
        }
    }

    @Test("Errors carry IAM's codes: NoSuchEntity, EntityAlreadyExists, MalformedPolicyDocument, DeleteConflict, ValidationError")
    func errorCodes() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, botocore.exceptions
            iam = boto3.client("iam")
            def code(call, **kwargs):
                try:
                    call(**kwargs)
                    return "no error"
                except botocore.exceptions.ClientError as e:
                    return "%s %s" % (e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
            print("missing", code(iam.get_role, RoleName="nobody"))
            iam.create_user(UserName="bob")
            print("twice", code(iam.create_user, UserName="bob"))
            print("malformed", code(iam.create_policy, PolicyName="bad", PolicyDocument='{"Statement": [}'))
            iam.put_user_policy(UserName="bob", PolicyName="p", PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}')
            print("conflict", code(iam.delete_user, UserName="bob"))
            print("maxitems", code(iam.list_users, MaxItems=1001))
            print("modeled", type(iam.exceptions.NoSuchEntityException).__name__)
            try:
                iam.get_user(UserName="ghost")
            except iam.exceptions.NoSuchEntityException as e:
                print("caught", "ghost" in e.response["Error"]["Message"])
            print("unemulated", code(iam.update_user, UserName="bob", NewUserName="robert"))
            """)
        #expect(output.contains("missing NoSuchEntity 404"))
        #expect(output.contains("twice EntityAlreadyExists 409"))
        #expect(output.contains("malformed MalformedPolicyDocument 400"))
        #expect(output.contains("conflict DeleteConflict 409"))
        #expect(output.contains("maxitems ValidationError 400"))
        #expect(output.contains("caught True"))
        #expect(output.contains("unemulated UnsupportedOperation 400"))
    }

    @Test("An action IAM does not have is InvalidAction, in IAM's XML with its namespace")
    func invalidAction() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python(Self.rawCall(service: "iam", body: "Action=FlyToTheMoon&Version=2010-05-08"))
        #expect(output.contains("400"))
        #expect(output.contains("<Code>InvalidAction</Code>"))
        #expect(output.contains("The action FlyToTheMoon is not valid for this web service."))
        #expect(output.contains(#"xmlns="https://iam.amazonaws.com/doc/2010-05-08/""#))
    }

    @Test("GetRole's XML: IAM's namespace, the trust policy URL-encoded, the date in ISO 8601")
    func roleXML() async throws {
        let f = try await EndpointFixture.start()
        try f.account.iam.createRole("plain", trustPolicy: Self.trustLambda, caller: .root)
        let output = try await f.python(Self.rawCall(service: "iam", body: "Action=GetRole&RoleName=plain&Version=2010-05-08"))
        #expect(output.hasPrefix("200 "))
        #expect(output.contains(#"<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>"#))
        #expect(output.contains("<AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C"))
        #expect(output.range(of: #"<CreateDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</CreateDate>"#, options: .regularExpression) != nil)
        #expect(output.contains("</GetRoleResult><ResponseMetadata><RequestId>"))
    }

    /// A Python script that signs `body` as a form POST to `service` and prints the status and the answer.
    static func rawCall(service: String, body: String) -> String {
        """
        import boto3, os, urllib.request, urllib.error
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        url = os.environ["AWS_ENDPOINT_URL"] + "/"
        request = AWSRequest(method="POST", url=url, data="\(body)",
                             headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        SigV4Auth(boto3.Session().get_credentials(), "\(service)", "us-east-1").add_auth(request)
        try:
            answer = urllib.request.urlopen(urllib.request.Request(url, data=request.body, headers=dict(request.headers), method="POST"))
            print(answer.status, answer.read().decode())
        except urllib.error.HTTPError as e:
            print(e.code, e.read().decode())
        """
    }
}
