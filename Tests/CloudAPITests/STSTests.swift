import CloudEngine
import Foundation
import Testing

/// STS through the endpoint: who the caller is, and role sessions whose credentials then work for S3.
@Suite("STS with the aws CLI and boto3", .serialized, .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct STSTests {
    @Test("get-caller-identity names the root and a user as AWS does")
    func callerIdentity() async throws {
        let f = try await EndpointFixture.start()
        let accountID = f.account.accountID
        let root = try await f.aws("sts", "get-caller-identity", "--query", "[Account,Arn,UserId]", "--output", "text")
        #expect(root.trimmingCharacters(in: .whitespacesAndNewlines) == "\(accountID)\tarn:aws:iam::\(accountID):root\t\(accountID)")
        let user = try f.account.iam.createUser("erin", path: "/ops/", caller: .root)
        let key = try f.account.iam.createAccessKey(userName: "erin", caller: .root)
        let identity = try await f.aws("sts", "get-caller-identity", "--query", "[Arn,UserId]", "--output", "text",
                                       keys: (key.accessKeyID, key.secretAccessKey))
        #expect(identity.trimmingCharacters(in: .whitespacesAndNewlines) == "arn:aws:iam::\(accountID):user/ops/erin\t\(user.id)")
    }

    @Test("assume_role: the session's credentials act as the role (S3 allowed by its policy) and say so")
    func assumeRole() async throws {
        let f = try await EndpointFixture.start()
        let accountID = f.account.accountID
        let keys = try Self.userWhoMayAssumeRoles(f, name: "frank")
        try await f.aws("s3api", "create-bucket", "--bucket", "reports")
        let output = try await f.python("""
            import boto3, json
            iam = boto3.client("iam")
            trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Principal": {"AWS": "arn:aws:iam::\(accountID):user/frank"}, "Action": "sts:AssumeRole"}]}
            iam.create_role(RoleName="auditor", AssumeRolePolicyDocument=json.dumps(trust))
            iam.put_role_policy(RoleName="auditor", PolicyName="list", PolicyDocument=json.dumps({"Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports"}]}))
            """)
        #expect(output.isEmpty)
        let session = try await f.python("""
            import boto3, botocore.exceptions
            sts = boto3.client("sts")
            answer = sts.assume_role(RoleArn="arn:aws:iam::\(accountID):role/auditor", RoleSessionName="audit-1", DurationSeconds=900)
            creds = answer["Credentials"]
            print("key", creds["AccessKeyId"][:4], len(creds["SessionToken"]) > 100, type(creds["Expiration"]).__name__)
            print("user", answer["AssumedRoleUser"]["Arn"], answer["AssumedRoleUser"]["AssumedRoleId"].split(":")[1])
            temp = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                                 aws_session_token=creds["SessionToken"])
            print("whoami", temp.client("sts").get_caller_identity()["Arn"])
            print("listed", temp.client("s3").list_objects_v2(Bucket="reports")["KeyCount"])
            try:
                temp.client("s3").put_object(Bucket="reports", Key="x", Body=b"no")
            except botocore.exceptions.ClientError as e:
                print("put", e.response["Error"]["Code"])
            """, keys: keys)
        #expect(session.contains("key ASIA True datetime"))
        #expect(session.contains("user arn:aws:sts::\(accountID):assumed-role/auditor/audit-1 audit-1"))
        #expect(session.contains("whoami arn:aws:sts::\(accountID):assumed-role/auditor/audit-1"))
        #expect(session.contains("listed 0"))
        #expect(session.contains("put AccessDenied"))
    }

    @Test("AccessDenied when the trust policy refuses; ValidationError past the role's maximum; unsupported inputs refused")
    func refusals() async throws {
        let f = try await EndpointFixture.start()
        let accountID = f.account.accountID
        let keys = try Self.userWhoMayAssumeRoles(f, name: "gina")
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        try f.account.iam.createRole("fn", trustPolicy: trust, caller: .root)
        let selfTrust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(accountID):user/gina"},"Action":"sts:AssumeRole"}]}"#
        try f.account.iam.createRole("mine", trustPolicy: selfTrust, caller: .root)
        let output = try await f.python("""
            import boto3, botocore.exceptions
            sts = boto3.client("sts")
            def code(**kwargs):
                try:
                    sts.assume_role(**kwargs)
                    return "no error"
                except botocore.exceptions.ClientError as e:
                    return "%s %s" % (e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
            print("trust", code(RoleArn="arn:aws:iam::\(accountID):role/fn", RoleSessionName="s1"))
            print("duration", code(RoleArn="arn:aws:iam::\(accountID):role/mine", RoleSessionName="s1", DurationSeconds=7200))
            print("policy", code(RoleArn="arn:aws:iam::\(accountID):role/mine", RoleSessionName="s1", Policy='{"Version":"2012-10-17","Statement":[]}'))
            """, keys: keys)
        #expect(output.contains("trust AccessDenied 403"))
        #expect(output.contains("duration ValidationError 400"))
        #expect(output.contains("policy UnsupportedOperation 400"))
        let root = try await f.python("""
            import boto3, botocore.exceptions
            try:
                boto3.client("sts").assume_role(RoleArn="arn:aws:iam::\(accountID):role/mine", RoleSessionName="s1")
            except botocore.exceptions.ClientError as e:
                print("root", e.response["Error"]["Code"])
            """)
        #expect(root.contains("root AccessDenied"))
        let raw = try await f.python(IAMQueryTests.rawCall(service: "sts", body: "Action=Fly&Version=2011-06-15"))
        #expect(raw.contains("<Code>InvalidAction</Code>"))
        #expect(raw.contains(#"xmlns="https://sts.amazonaws.com/doc/2011-06-15/""#))
    }

    /// A user with a key whose own policy allows sts:AssumeRole on any role, made in-process as the root.
    static func userWhoMayAssumeRoles(_ f: EndpointFixture, name: String) throws -> (String, String) {
        try f.account.iam.createUser(name, caller: .root)
        try f.account.iam.putInlinePolicy("assume", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#,
                                          on: .user(name), caller: .root)
        let key = try f.account.iam.createAccessKey(userName: name, caller: .root)
        return (key.accessKeyID, key.secretAccessKey)
    }
}
