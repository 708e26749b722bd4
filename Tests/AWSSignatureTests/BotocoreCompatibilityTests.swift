import AWSSignature
import Foundation
import Testing

/// Requests signed by botocore 1.43.11 (boto3's signer), with awkward paths, queries and header spacing;
/// the signatures are botocore's output for the example key at 2013-05-24T00:00:00Z.
@Suite struct BotocoreCompatibilityTests {
    func authorization(_ service: String, _ signedHeaders: String, _ signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/\(service)/aws4_request, "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    @Test func s3EncodedKeyAndQuery() throws {
        let request = SignedRequest(
            method: "GET", path: "/my-bucket/a%20b%2Bc~%21%C3%BC.txt", query: "x=a%20b&y=%C3%BC&z",
            headers: [
                ("Host", "localhost:4566"), ("X-Amz-Meta-Note", "  a   b  "), ("X-Amz-Date", "20130524T000000Z"),
                ("X-Amz-Content-SHA256", Fixtures.emptySHA256),
                ("Authorization", authorization("s3", "host;x-amz-content-sha256;x-amz-date;x-amz-meta-note",
                                                "1be6d0d0c58953ce7c407035963127a2c51da00b2aa9bbe35830a4006e468b3d")),
            ])
        _ = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
    }

    @Test(arguments: ["/000000000000/my%20queue/./x/../", "/000000000000/my%20queue/"])
    func otherServiceDoubleEncodesAndNormalises(_ path: String) throws {
        let request = SignedRequest(
            method: "GET", path: path, query: "Action=ListQueues&QueueNamePrefix=a%2Fb",
            headers: [
                ("Host", "localhost:4566"), ("X-Amz-Meta-Note", "  a   b  "), ("X-Amz-Date", "20130524T000000Z"),
                ("Authorization", authorization("sqs", "host;x-amz-date;x-amz-meta-note",
                                                "0afcc0ebd400a4f1d67db20d8468e8b0c288b4f28ed7202055aba850df53e5b8")),
            ])
        let verified = try SigV4Verifier.verify(request, service: .other, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        #expect(verified.service == "sqs")
    }
}
