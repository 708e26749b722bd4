import CloudEngine
import Foundation
import Testing

/// CloudTrail's LookupEvents over the activity trail, with real boto3 and the aws CLI.
@Suite("CloudTrail LookupEvents with boto3 and the aws CLI", .serialized,
       .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct CloudTrailAPITests {
    @Test("A user's denied call is in the event history with its error, address, agent and the decision")
    func deniedCallIsLookedUp() async throws {
        let f = try await EndpointFixture.start()
        try await f.aws("s3api", "create-bucket", "--bucket", "reports")
        try await f.aws("iam", "create-user", "--user-name", "alice")
        let key = try await f.aws("iam", "create-access-key", "--user-name", "alice",
                                  "--query", "AccessKey.[AccessKeyId,SecretAccessKey]", "--output", "text")
        let parts = key.split(whereSeparator: \.isWhitespace).map(String.init)
        try #require(parts.count == 2)
        let denied = try await f.python("""
            import boto3
            s3 = boto3.client("s3", endpoint_url="\(f.url)", region_name="us-east-1")
            print(code(lambda: s3.put_object(Bucket="reports", Key="a.csv", Body=b"x")))
            """, keys: (parts[0], parts[1]))
        #expect(denied.contains("('AccessDenied', 403)"))

        let output = try await f.python("""
            import boto3, json
            trail = boto3.client("cloudtrail", endpoint_url="\(f.url)", region_name="us-east-1")
            page = trail.lookup_events(LookupAttributes=[{"AttributeKey": "Username", "AttributeValue": "alice"}])
            event = [e for e in page["Events"] if e["EventName"] == "PutObject"][0]
            record = json.loads(event["CloudTrailEvent"])
            print(event["EventSource"], event["ReadOnly"], event["AccessKeyId"] == "\(parts[0])")
            print(event["Resources"][0]["ResourceType"], event["Resources"][0]["ResourceName"])
            print(record["errorCode"], record["userIdentity"]["type"], record["userIdentity"]["userName"])
            print(record["sourceIPAddress"], record["userAgent"].startswith("Boto3/"), record["overcastDecision"]["decision"])
            print(type(event["EventTime"]).__name__)
            """)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "s3.amazonaws.com false True")
        #expect(lines.dropFirst().first == "AWS::S3::Object arn:aws:s3:::reports/a.csv")
        #expect(lines.dropFirst(2).first == "AccessDenied IAMUser alice")
        #expect(lines.dropFirst(3).first == "127.0.0.1 True implicitDeny")
        #expect(lines.dropFirst(4).first == "datetime")
    }

    @Test("The aws CLI pages the history newest first; bad attributes, sizes and ranges get CloudTrail's errors")
    func pagingAndErrors() async throws {
        let f = try await EndpointFixture.start()
        for name in ["alpha-1", "alpha-2", "alpha-3", "alpha-4", "alpha-5"] {
            try await f.aws("s3api", "create-bucket", "--bucket", name)
        }
        let names = try await f.aws("cloudtrail", "lookup-events", "--lookup-attributes",
                                    "AttributeKey=EventName,AttributeValue=CreateBucket", "--page-size", "2",
                                    "--query", "Events[].Resources[0].ResourceName", "--output", "text")
        #expect(names.split(whereSeparator: \.isWhitespace).map(String.init) == ["5", "4", "3", "2", "1"].map { "arn:aws:s3:::alpha-\($0)" })
        let errors = try await f.python("""
            import boto3
            trail = boto3.client("cloudtrail", endpoint_url="\(f.url)", region_name="us-east-1")
            two = [{"AttributeKey": "Username", "AttributeValue": "a"}, {"AttributeKey": "EventName", "AttributeValue": "b"}]
            print(code(lambda: trail.lookup_events(LookupAttributes=two)))
            print(code(lambda: trail.lookup_events(LookupAttributes=[{"AttributeKey": "ReadOnly", "AttributeValue": "maybe"}])))
            print(code(lambda: trail.lookup_events(MaxResults=51)))
            print(code(lambda: trail.lookup_events(StartTime=200000, EndTime=100000)))
            print(code(lambda: trail.lookup_events(NextToken="nonsense")))
            print(code(lambda: trail.describe_trails()))
            reads = trail.lookup_events(LookupAttributes=[{"AttributeKey": "ReadOnly", "AttributeValue": "true"}])["Events"]
            print(all(e["ReadOnly"] == "true" for e in reads) and len(reads) > 0)
            """)
        #expect(errors.split(separator: "\n").map(String.init) == [
            "('InvalidLookupAttributesException', 400)",
            "('InvalidLookupAttributesException', 400)",
            "('InvalidMaxResultsException', 400)",
            "('InvalidTimeRangeException', 400)",
            "('InvalidNextTokenException', 400)",
            "('UnsupportedOperationException', 400)",
            "True",
        ])
    }
}
