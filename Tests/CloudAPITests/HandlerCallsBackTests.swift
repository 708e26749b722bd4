import CloudEngine
import Foundation
import Testing

/// The heart of the journey: a handler's own `boto3.client("s3")` reaches the account through the endpoint,
/// as its execution role, allowed by the role's policy and refused when the policy changes.
@Suite("A handler's boto3 calls the account", .serialized,
       .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct HandlerCallsBackTests {
    static let handler = """
        import json
        import boto3

        s3 = boto3.client("s3")

        def lambda_handler(event, context):
            body = s3.get_object(Bucket="incoming-data", Key="sales.csv")["Body"].read().decode()
            summary = {"rows": len(body.splitlines()) - 1}
            s3.put_object(Bucket="summaries", Key="sales.json", Body=json.dumps(summary))
            return summary

        """

    @Test("Allowed by its role, the handler reads the upload and writes its summary; without s3:PutObject it is AccessDenied")
    func readsAndWrites() async throws {
        guard let python = EndpointFixture.python else { return }
        let f = try await EndpointFixture.start()
        // The worker runs in this process (it invokes); its boto3 is the venv's, as Lambda's runtimes bundle boto3.
        f.account.functionRuntime.configurePool(WorkerPoolSettings(python: python.path))
        let storage = f.account.storage
        try storage.createBucket("incoming-data", caller: .root)
        try storage.createBucket("summaries", caller: .root)
        try storage.putObject(bucket: "incoming-data", key: "sales.csv", body: DataBodySource(Data("region,total\nnorth,1\nsouth,2\n".utf8)),
                              caller: .root)
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        try f.account.iam.createRole("summarizer", trustPolicy: trust, attaching: [], caller: .root)
        try f.account.iam.putInlinePolicy("read", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::incoming-data/*"}]}"#,
                                          on: .role("summarizer"), caller: .root)
        try f.account.iam.putInlinePolicy("write", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::summaries/*"}]}"#,
                                          on: .role("summarizer"), caller: .root)
        _ = try f.account.functions.createFunction(
            "summarize", runtime: "python3.12", handler: "lambda_function.lambda_handler",
            role: "arn:aws:iam::\(f.account.accountID):role/summarizer",
            code: .files(["lambda_function.py": Data(Self.handler.utf8)]), timeout: 30, caller: .root)

        let account = f.account
        let first = try await EndpointFixture.blocking { try account.functions.invoke("summarize", payload: Data("{}".utf8), caller: .root) }
        #expect(first.functionError == nil, "\(String(decoding: first.payload, as: UTF8.self))")
        #expect(String(decoding: first.payload, as: UTF8.self) == #"{"rows": 2}"#)
        #expect(try storage.getObjectData(bucket: "summaries", key: "sales.json", caller: .root) == Data(#"{"rows": 2}"#.utf8))

        try f.account.iam.deleteInlinePolicy("write", from: .role("summarizer"), caller: .root)
        let second = try await EndpointFixture.blocking { try account.functions.invoke("summarize", payload: Data("{}".utf8), caller: .root) }
        let error = String(decoding: second.payload, as: UTF8.self)
        #expect(second.functionError == "Unhandled")
        #expect(error.contains("AccessDenied"))
        #expect(error.contains("assumed-role/summarizer/summarize"))
        #expect(error.contains("s3:PutObject"))
    }
}
