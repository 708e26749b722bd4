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

/// boto3 1.43.11's own put_object requests, captured before sending (Host added as its HTTP client adds it).
extension BotocoreCompatibilityTests {
    static let putTime = Date(timeIntervalSince1970: 1_796_176_907)  // 2026-12-02T02:01:47Z

    static let unsignedHeaders: [(name: String, value: String)] = [
        ("User-Agent", "Boto3/1.43.11 md/Botocore#1.43.11 ua/2.1"), ("Expect", "100-continue"),
        ("amz-sdk-invocation-id", "108dd4e8-2cf5-4992-aa83-684445df86c8"), ("amz-sdk-request", "attempt=1"),
    ]

    /// Over http boto3 sends the whole body with its SHA-256 and a CRC32 header.
    @Test func boto3PutObjectOverHTTP() throws {
        let request = SignedRequest(method: "PUT", path: "/b/k", headers: Self.unsignedHeaders + [
            ("Host", "localhost:4566"),
            ("x-amz-checksum-crc32", "DUoRhQ=="), ("x-amz-sdk-checksum-algorithm", "CRC32"),
            ("X-Amz-Date", "20261202T020147Z"),
            ("X-Amz-Content-SHA256", "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261202/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-checksum-crc32;x-amz-content-sha256;x-amz-date;x-amz-sdk-checksum-algorithm, "
                + "Signature=fe3e4b986e8762662e1f2b4e5790329cc756d17fd3d5343d52133e19c5d46604"),
            ("Content-Length", "11"),
        ])
        let verified = try SigV4Verifier.verify(request, service: .s3, now: Self.putTime, lookup: Fixtures.lookup)
        var hash = PayloadHashCheck(payload: verified.payload)
        var crc = PayloadChecksum(.crc32)
        hash.update(Array("hello world".utf8))
        crc.update(Array("hello world".utf8))
        try hash.finish()
        #expect(crc.base64 == "DUoRhQ==")
    }

    /// Over https boto3 streams the body as aws-chunked with STREAMING-UNSIGNED-PAYLOAD-TRAILER and a CRC32 trailer.
    @Test func boto3PutObjectOverHTTPS() throws {
        let request = SignedRequest(method: "PUT", path: "/b/k", headers: Self.unsignedHeaders + [
            ("Host", "localhost:4566"),
            ("Transfer-Encoding", "chunked"), ("Content-Encoding", "aws-chunked"),
            ("X-Amz-Trailer", "x-amz-checksum-crc32"), ("X-Amz-Decoded-Content-Length", "11"),
            ("x-amz-sdk-checksum-algorithm", "CRC32"), ("X-Amz-Date", "20261202T020147Z"),
            ("X-Amz-Content-SHA256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261202/us-east-1/s3/aws4_request, "
                + "SignedHeaders=content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;"
                + "x-amz-sdk-checksum-algorithm;x-amz-trailer, "
                + "Signature=67ef6c4d39eda1b53f26a4eec54b465f3a58a7bb627fbc373c7efbf5fb1f9128"),
        ])
        let verified = try SigV4Verifier.verify(request, service: .s3, now: Self.putTime, lookup: Fixtures.lookup)
        #expect(verified.payload == .streamingUnsignedTrailer)
        #expect(verified.decodedContentLength == 11)
        #expect(verified.trailer == "x-amz-checksum-crc32")

        let body = Array("b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n".utf8)
        var decoder = AWSChunkedDecoder(for: verified)
        var decoded: [UInt8] = []
        for byte in body { decoded += try decoder.feed(CollectionOfOne(byte)) }
        #expect(try decoder.finish() == ["x-amz-checksum-crc32": "DUoRhQ=="])
        #expect(decoded == Array("hello world".utf8))
    }
}
