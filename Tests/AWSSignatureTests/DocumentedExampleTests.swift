import AWSSignature
import Foundation
import Testing

/// AWS's documented examples, with the signatures the documentation gives.
@Suite struct DocumentedExampleTests {
    @Test func s3GetObjectWithRange() throws {
        let verified = try SigV4Verifier.verify(Fixtures.getObject, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        #expect(verified.accessKeyID == "AKIAIOSFODNN7EXAMPLE")
        #expect(verified.region == "us-east-1")
        #expect(verified.service == "s3")
        #expect(verified.payload == .sha256(hex: Fixtures.emptySHA256))
        #expect(!verified.isPresigned)
    }

    @Test func s3PutObject() throws {
        let request = SignedRequest(method: "PUT", path: "/test%24file.text", headers: [
            ("Host", "examplebucket.s3.amazonaws.com"),
            ("Date", "Fri, 24 May 2013 00:00:00 GMT"),
            ("Authorization", Fixtures.authorization(
                "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")),
            ("x-amz-date", "20130524T000000Z"),
            ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ("x-amz-content-sha256", "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"),
        ])
        let verified = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        #expect(verified.payload == .sha256(hex: "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"))
        var check = PayloadHashCheck(payload: verified.payload)
        check.update(Array("Welcome to Amazon S3.".utf8))
        try check.finish()
    }

    @Test func s3GetBucketLifecycle() throws {
        let request = SignedRequest(method: "GET", path: "/", query: "lifecycle", headers: [
            ("Host", "examplebucket.s3.amazonaws.com"),
            ("x-amz-date", "20130524T000000Z"),
            ("x-amz-content-sha256", Fixtures.emptySHA256),
            ("Authorization", Fixtures.authorization(
                "host;x-amz-content-sha256;x-amz-date",
                "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")),
        ])
        _ = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
    }

    @Test func s3GetBucketListObjects() throws {
        let request = SignedRequest(method: "GET", path: "/", query: "max-keys=2&prefix=J", headers: [
            ("Host", "examplebucket.s3.amazonaws.com"),
            ("x-amz-date", "20130524T000000Z"),
            ("x-amz-content-sha256", Fixtures.emptySHA256),
            ("Authorization", Fixtures.authorization(
                "host;x-amz-content-sha256;x-amz-date",
                "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")),
        ])
        _ = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
    }

    static let presignedQuery = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"

    @Test func s3PresignedURL() throws {
        let request = SignedRequest(method: "GET", path: "/test.txt", query: Self.presignedQuery,
                                    headers: [("Host", "examplebucket.s3.amazonaws.com")])
        let verified = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time.addingTimeInterval(3600),
                                                lookup: Fixtures.lookup)
        #expect(verified.isPresigned)
        #expect(verified.payload == .unsigned)
    }

    @Test func signerPresignsTheDocumentedURL() {
        let query = SigV4Signer.presign(method: "GET", path: "/test.txt", host: "examplebucket.s3.amazonaws.com",
                                        credentials: Fixtures.s3Key, region: "us-east-1", service: "s3",
                                        signingService: .s3, date: Fixtures.s3Time, expires: 86400)
        #expect(query == Self.presignedQuery)
    }

    /// The general reference's IAM ListUsers example.
    @Test func iamListUsers() throws {
        let request = SignedRequest(method: "GET", path: "/", query: "Action=ListUsers&Version=2010-05-08", headers: [
            ("Host", "iam.amazonaws.com"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"),
        ])
        let verified = try SigV4Verifier.verify(request, service: .other, now: Fixtures.generalTime, lookup: Fixtures.lookup)
        #expect(verified.service == "iam")
        #expect(verified.payload == .sha256(hex: Fixtures.emptySHA256))
    }

    @Test func chunkedUploadSeedAndChunkSignatures() throws {
        let verified = try SigV4Verifier.verify(Fixtures.chunkedPut, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        guard case .streamingSigned(let seed, _, let hasTrailer) = verified.payload else {
            Issue.record("expected a signed streaming payload, got \(verified.payload)")
            return
        }
        #expect(seed == "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")
        #expect(!hasTrailer)
        #expect(verified.decodedContentLength == 66560)
        #expect(Fixtures.chunkedBody.count == 66824)

        var decoder = AWSChunkedDecoder(payload: verified.payload, decodedContentLength: verified.decodedContentLength)
        let decoded = try decoder.feed(Fixtures.chunkedBody)
        #expect(try decoder.finish().isEmpty)
        #expect(decoded == [UInt8](repeating: UInt8(ascii: "a"), count: 66560))

        // The signer produces the same body, signatures and all.
        let encoded = SigV4Signer.awsChunked(decoded, chunkSize: 65536, payload: verified.payload)
        #expect(encoded == Fixtures.chunkedBody)
    }
}
