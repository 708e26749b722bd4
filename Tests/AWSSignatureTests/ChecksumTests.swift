import AWSSignature
import Foundation
import Testing

@Suite struct ChecksumTests {
    /// The standard check values of "123456789", and SHA digests of "abc".
    @Test(arguments: [
        (ChecksumAlgorithm.crc32, "123456789", "y/Q5Jg=="),
        (.crc32c, "123456789", "4waSgw=="),
        (.sha1, "abc", "qZk+NkcGgWq6PiVxeFDCbJzQ2J0="),
        (.sha256, "", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
    ])
    func knownValues(_ algorithm: ChecksumAlgorithm, _ input: String, _ expected: String) {
        var checksum = PayloadChecksum(algorithm)
        for byte in input.utf8 { checksum.update(CollectionOfOne(byte)) }
        #expect(checksum.base64 == expected)
        #expect(ChecksumAlgorithm(headerName: "X-Amz-Checksum-\(algorithm.rawValue.uppercased())") == algorithm)
    }

    @Test("CRC32 over 10 KiB, whole, in uneven pieces and through a non-contiguous collection, agrees with zlib")
    func longInputs() {
        let data = Data((0..<40).flatMap { _ in (0...255).map { UInt8($0) } })
        var whole = PayloadChecksum(.crc32)
        whole.update(data)
        #expect(whole.base64 == "u847nQ==")
        var pieces = PayloadChecksum(.crc32)
        var offset = 0
        var size = 1
        while offset < data.count {
            let end = min(data.count, offset + size)
            pieces.update(data[offset..<end])
            offset = end
            size = size % 13 + 1
        }
        #expect(pieces.base64 == "u847nQ==")
        var lazy = PayloadChecksum(.crc32)
        lazy.update(data.lazy.map { $0 })
        #expect(lazy.base64 == "u847nQ==")
    }

    func signedTrailerUpload(_ data: [UInt8], checksum: String) throws -> (VerifiedRequest, [UInt8]) {
        let headers: [(name: String, value: String)] = [
            ("host", "localhost"), ("content-encoding", "aws-chunked"), ("x-amz-trailer", "x-amz-checksum-crc32c"),
            ("x-amz-decoded-content-length", String(data.count)),
        ]
        let signed = SigV4Signer.sign(method: "PUT", path: "/b/k", headers: headers,
                                      payloadSHA256: "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                                      credentials: Fixtures.s3Key, region: "us-east-1", service: "s3",
                                      signingService: .s3, date: Fixtures.s3Time)
        let verified = try SigV4Verifier.verify(SignedRequest(method: "PUT", path: "/b/k", headers: headers + signed),
                                                service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        let body = SigV4Signer.awsChunked(data, chunkSize: 8192, payload: verified.payload,
                                          trailers: [("x-amz-checksum-crc32c", checksum)])
        return (verified, body)
    }

    @Test func trailingChecksumIsChecked() throws {
        let data = Array((0..<30_000).map { UInt8($0 % 251) })
        var crc = PayloadChecksum(.crc32c)
        crc.update(data)

        let (verified, body) = try signedTrailerUpload(data, checksum: crc.base64)
        #expect(verified.trailer == "x-amz-checksum-crc32c")
        var decoder = AWSChunkedDecoder(for: verified)
        #expect(try decoder.feed(body) == data)
        #expect(try decoder.finish() == ["x-amz-checksum-crc32c": crc.base64])

        let (badVerified, badBody) = try signedTrailerUpload(data, checksum: "AAAAAA==")
        var badDecoder = AWSChunkedDecoder(for: badVerified)
        _ = try badDecoder.feed(badBody)
        #expect(throws: SigV4Failure.checksumMismatch(.crc32c)) { _ = try badDecoder.finish() }
        #expect(SigV4Failure.checksumMismatch(.crc32c).code == "BadDigest")
        #expect(SigV4Failure.checksumMismatch(.crc32c).message == "The CRC32C you specified did not match the calculated checksum.")
    }

    @Test func announcedTrailerMissing() throws {
        let body = SigV4Signer.awsChunked(Array("abc".utf8), chunkSize: 10, payload: .streamingUnsignedTrailer)
        var decoder = AWSChunkedDecoder(payload: .streamingUnsignedTrailer, trailer: "x-amz-checksum-crc32")
        _ = try decoder.feed(body)
        #expect(throws: (any Error).self) { _ = try decoder.finish() }
    }
}
