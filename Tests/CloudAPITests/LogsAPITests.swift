import CloudEngine
import Foundation
import Testing

/// CloudWatch Logs through the endpoint with real boto3 and the aws CLI.
@Suite("CloudWatch Logs with boto3 and the aws CLI", .serialized,
       .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct LogsAPITests {
    @Test("The aws CLI creates a group, puts events, filters them by JSON and term patterns, and reads them back")
    func cliJourney() async throws {
        let f = try await EndpointFixture.start()
        try await f.aws("logs", "create-log-group", "--log-group-name", "/app/web")
        try await f.aws("logs", "create-log-stream", "--log-group-name", "/app/web", "--log-stream-name", "a")
        try await f.aws("logs", "create-log-stream", "--log-group-name", "/app/web", "--log-stream-name", "b")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let eventsA = #"[{"timestamp":\#(now - 3000),"message":"{\"level\":\"ERROR\",\"ms\":120}"},"#
            + #"{"timestamp":\#(now - 1000),"message":"plain INFO line"}]"#
        try await f.aws("logs", "put-log-events", "--log-group-name", "/app/web", "--log-stream-name", "a",
                        "--log-events", eventsA)
        try await f.aws("logs", "put-log-events", "--log-group-name", "/app/web", "--log-stream-name", "b",
                        "--log-events", #"[{"timestamp":\#(now - 2000),"message":"ERROR disk full"}]"#)
        let json = try await f.aws("logs", "filter-log-events", "--log-group-name", "/app/web",
                                   "--filter-pattern", #"{ $.level = "ERROR" }"#, "--query", "events[].[logStreamName,message]",
                                   "--output", "text")
        #expect(json.trimmingCharacters(in: .whitespacesAndNewlines) == "a\t" + #"{"level":"ERROR","ms":120}"#)
        let term = try await f.aws("logs", "filter-log-events", "--log-group-name", "/app/web", "--filter-pattern", "ERROR",
                                   "--query", "events[].message", "--output", "text")
        #expect(term.trimmingCharacters(in: .whitespacesAndNewlines) == "{\"level\":\"ERROR\",\"ms\":120}\tERROR disk full")
        let got = try await f.aws("logs", "get-log-events", "--log-group-name", "/app/web", "--log-stream-name", "a",
                                  "--start-from-head", "--query", "events[].message", "--output", "text")
        #expect(got.contains("plain INFO line"))
        let groups = try await f.aws("logs", "describe-log-groups", "--log-group-name-prefix", "/app",
                                     "--query", "logGroups[].[logGroupName,arn]", "--output", "text")
        #expect(groups.contains("/app/web\tarn:aws:logs:us-east-1:"))
        #expect(groups.contains(":log-group:/app/web:*"))
    }

    @Test("aws logs start-query runs a Logs Insights query; get-query-results gives its rows and statistics")
    func insightsQuery() async throws {
        let f = try await EndpointFixture.start()
        try await f.aws("logs", "create-log-group", "--log-group-name", "/app/api")
        try await f.aws("logs", "create-log-stream", "--log-group-name", "/app/api", "--log-stream-name", "s")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let events = (0..<6).map { index in
            #"{"timestamp":\#(now - 5000 + Int64(index) * 100),"message":"{\"level\":\"\#(index % 3 == 0 ? "ERROR" : "INFO")\",\"ms\":\#(index * 10)}"}"#
        }
        try await f.aws("logs", "put-log-events", "--log-group-name", "/app/api", "--log-stream-name", "s",
                        "--log-events", "[" + events.joined(separator: ",") + "]")
        let started = try await f.aws("logs", "start-query", "--log-group-name", "/app/api",
                                      "--start-time", String(now / 1000 - 60), "--end-time", String(now / 1000 + 60),
                                      "--query-string", "stats count(*) as n, max(ms) as slowest by level | sort level",
                                      "--query", "queryId", "--output", "text")
        let id = started.trimmingCharacters(in: .whitespacesAndNewlines)
        let results = try await f.aws("logs", "get-query-results", "--query-id", id, "--output", "json")
        #expect(results.contains(#""status": "Complete""#))
        #expect(results.contains(#""recordsMatched": 6,"#))
        let rows = try await f.aws("logs", "get-query-results", "--query-id", id,
                                   "--query", "results[*].[[?field=='level'].value|[0], [?field=='n'].value|[0], [?field=='slowest'].value|[0]]",
                                   "--output", "text")
        #expect(rows.trimmingCharacters(in: .whitespacesAndNewlines) == "ERROR\t2\t30\nINFO\t4\t50")
        let described = try await f.aws("logs", "describe-queries", "--query", "queries[0].[queryId,status]", "--output", "text")
        #expect(described.contains(id + "\tComplete"))
        await #expect(throws: FixtureError.self) { try await f.aws("logs", "get-query-results", "--query-id", "no-such-query") }
    }

    @Test("boto3: errors carry CloudWatch Logs' codes; paging with a small limit walks every event once")
    func errorsAndPaging() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, time, json
            logs = boto3.client("logs")
            def code(call, **kwargs):
                try:
                    call(**kwargs)
                    return "ok"
                except logs.exceptions.ClientError as e:
                    return e.response["Error"]["Code"] + " " + str(e.response["ResponseMetadata"]["HTTPStatusCode"])
            logs.create_log_group(logGroupName="g")
            print("again", code(logs.create_log_group, logGroupName="g"))
            print("retention", code(logs.put_retention_policy, logGroupName="g", retentionInDays=2))
            print("missing", code(logs.describe_log_streams, logGroupName="nope"))
            print("missing-put", code(logs.put_log_events, logGroupName="g", logStreamName="s",
                                      logEvents=[{"timestamp": 1, "message": "x"}]))
            print("bad-pattern", code(logs.filter_log_events, logGroupName="g", filterPattern='{ $.a = }'))
            logs.put_retention_policy(logGroupName="g", retentionInDays=7)
            print("days", logs.describe_log_groups(logGroupNamePrefix="g")["logGroups"][0]["retentionInDays"])
            logs.create_log_group(logGroupName="/Service/Web-Errors")
            print("pattern", [g["logGroupName"] for g in logs.describe_log_groups(logGroupNamePattern="web-err")["logGroups"]])
            logs.create_log_stream(logGroupName="g", logStreamName="s")
            now = int(time.time() * 1000)
            old = logs.put_log_events(logGroupName="g", logStreamName="s",
                                      logEvents=[{"timestamp": now - 30 * 86400000, "message": "ancient"}])
            print("rejected", old["rejectedLogEventsInfo"])
            logs.put_log_events(logGroupName="g", logStreamName="s",
                                logEvents=[{"timestamp": now + i, "message": "event %d" % i} for i in range(7)])
            seen, pages, token = [], 0, None
            while True:
                kwargs = {"nextToken": token} if token else {}
                page = logs.filter_log_events(logGroupName="g", limit=3, **kwargs)
                pages += 1
                seen += [e["message"] for e in page["events"]]
                token = page.get("nextToken")
                if not token:
                    break
            print("paged", pages, seen == ["event %d" % i for i in range(7)])
            streams = logs.describe_log_streams(logGroupName="g", orderBy="LastEventTime", descending=True)["logStreams"]
            print("streams", [s["logStreamName"] for s in streams])
            first = logs.get_log_events(logGroupName="g", logStreamName="s", limit=2, startFromHead=True)
            print("tokens", first["nextForwardToken"][:2], first["nextBackwardToken"][:2], [e["message"] for e in first["events"]])
            following = logs.get_log_events(logGroupName="g", logStreamName="s", limit=2, nextToken=first["nextForwardToken"])
            print("next", [e["message"] for e in following["events"]])
            logs.tag_log_group(logGroupName="g", tags={"team": "web"})
            arn = logs.describe_log_groups(logGroupNamePrefix="g")["logGroups"][0]["logGroupArn"]
            logs.tag_resource(resourceArn=arn, tags={"env": "dev"})
            logs.untag_resource(resourceArn=arn, tagKeys=["team"])
            print("tags", logs.list_tags_log_group(logGroupName="g")["tags"], logs.list_tags_for_resource(resourceArn=arn)["tags"])
            logs.delete_retention_policy(logGroupName="g")
            logs.delete_log_stream(logGroupName="g", logStreamName="s")
            logs.delete_log_group(logGroupName="g")
            print("gone", code(logs.delete_log_group, logGroupName="g"))
            """)
        #expect(output.contains("again ResourceAlreadyExistsException 400"))
        #expect(output.contains("retention InvalidParameterException 400"))
        #expect(output.contains("missing ResourceNotFoundException 400"))
        #expect(output.contains("missing-put ResourceNotFoundException 400"))
        #expect(output.contains("bad-pattern InvalidParameterException 400"))
        #expect(output.contains("days 7"))
        #expect(output.contains("pattern ['/Service/Web-Errors']"))
        #expect(output.contains("rejected {'expiredLogEventEndIndex': 1}") || output.contains("rejected {'tooOldLogEventEndIndex': 1}"))
        #expect(output.contains("paged 3 True"))
        #expect(output.contains("streams ['s']"))
        #expect(output.contains("tokens f/ b/ ['event 0', 'event 1']"))
        #expect(output.contains("next ['event 2', 'event 3']"))
        #expect(output.contains("tags {'env': 'dev'} {'env': 'dev'}"))
        #expect(output.contains("gone ResourceNotFoundException 400"))
    }

    @Test("An unknown target is UnknownOperationException; a body that is not JSON is SerializationException")
    func protocolErrors() async throws {
        let f = try await EndpointFixture.start()
        let output = try await f.python("""
            import boto3, botocore.awsrequest, botocore.auth, botocore.session, urllib.request, urllib.error, json, os
            session = botocore.session.get_session()
            credentials = session.get_credentials()
            def send(target, body):
                request = botocore.awsrequest.AWSRequest(method="POST", url=os.environ["AWS_ENDPOINT_URL"] + "/", data=body,
                    headers={"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"})
                botocore.auth.SigV4Auth(credentials, "logs", "us-east-1").add_auth(request)
                prepared = request.prepare()
                try:
                    urllib.request.urlopen(urllib.request.Request(prepared.url, data=body, headers=dict(prepared.headers), method="POST"))
                    return "ok"
                except urllib.error.HTTPError as e:
                    return str(e.code) + " " + json.loads(e.read())["__type"]
            print("unknown", send("Logs_20140328.MakeCoffee", b"{}"))
            print("malformed", send("Logs_20140328.CreateLogGroup", b"{not json"))
            print("wrong-type", send("Logs_20140328.CreateLogGroup", b'{"logGroupName": 5}'))
            print("missing", send("Logs_20140328.CreateLogGroup", b'{}'))
            """)
        #expect(output.contains("unknown 400 UnknownOperationException"))
        #expect(output.contains("malformed 400 SerializationException"))
        #expect(output.contains("wrong-type 400 SerializationException"))
        #expect(output.contains("missing 400 InvalidParameterException"))
    }
}
