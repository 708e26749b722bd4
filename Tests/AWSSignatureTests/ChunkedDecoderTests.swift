import AWSSignature
import Foundation
import Testing

@Suite struct ChunkedDecoderTests {
    func examplePayload() throws -> VerifiedRequest {
        try SigV4Verifier.verify(Fixtures.chunkedPut, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
    }

    @Test func oneByteAtATimeGivesTheSameResult() throws {
        let verified = try examplePayload()
        var decoder = AWSChunkedDecoder(payload: verified.payload, decodedContentLength: 66560)
        var decoded: [UInt8] = []
        for byte in Fixtures.chunkedBody { decoded += try decoder.feed([byte]) }
        #expect(try decoder.finish().isEmpty)
        #expect(decoded == [UInt8](repeating: UInt8(ascii: "a"), count: 66560))
    }

    @Test(arguments: [100, 65_600, 66_000, 66_800])
    func tamperedChunkFails(_ offset: Int) throws {
        let verified = try examplePayload()
        var body = Fixtures.chunkedBody
        // Offsets inside the first and second chunks' data: a changed byte breaks that chunk's signature.
        body[offset] = UInt8(ascii: "b")
        var decoder = AWSChunkedDecoder(payload: verified.payload)
        #expect {
            _ = try decoder.feed(body)
            _ = try decoder.finish()
        } throws: { error in
            switch error as? SigV4Failure {
            case .signatureDoesNotMatch?, .incompleteBody?: true
            default: false
            }
        }
    }

    @Test func chunksOutOfOrderFail() throws {
        let verified = try examplePayload()
        let body = SigV4Signer.awsChunked(Array("hello world".utf8), chunkSize: 4, payload: verified.payload)
        // Swap the first two chunks (each "4;chunk-signature=<64>\r\n" + 4 bytes + "\r\n" = 90 bytes).
        let swapped = Array(body[90..<180] + body[0..<90] + body[180...])
        var decoder = AWSChunkedDecoder(payload: verified.payload)
        #expect(throws: (any Error).self) { _ = try decoder.feed(swapped) }
    }

    @Test func truncatedBodyFails() throws {
        let verified = try examplePayload()
        var decoder = AWSChunkedDecoder(payload: verified.payload)
        _ = try decoder.feed(Fixtures.chunkedBody.dropLast(10))
        #expect {
            _ = try decoder.finish()
        } throws: { error in
            if case .incompleteBody = error as? SigV4Failure { true } else { false }
        }
    }

    @Test func wrongDecodedLengthFails() throws {
        let verified = try examplePayload()
        var decoder = AWSChunkedDecoder(payload: verified.payload, decodedContentLength: 66561)
        _ = try decoder.feed(Fixtures.chunkedBody)
        #expect(throws: (any Error).self) { _ = try decoder.finish() }
    }

    @Test func unsignedPayloadWithTrailer() throws {
        let data = Array(repeating: UInt8(ascii: "z"), count: 70_000)
        let body = SigV4Signer.awsChunked(data, chunkSize: 65536, payload: .streamingUnsignedTrailer,
                                          trailers: [("x-amz-checksum-crc32", "sOO8/Q==")])
        #expect(body.suffix(36).elementsEqual("0\r\nx-amz-checksum-crc32:sOO8/Q==\r\n\r\n".utf8))
        for step in [1, 7, body.count] {
            var decoder = AWSChunkedDecoder(payload: .streamingUnsignedTrailer, decodedContentLength: data.count)
            var decoded: [UInt8] = []
            var start = 0
            while start < body.count {
                decoded += try decoder.feed(body[start..<min(start + step, body.count)])
                start += step
            }
            #expect(try decoder.finish() == ["x-amz-checksum-crc32": "sOO8/Q=="])
            #expect(decoded == data)
        }
    }

    @Test func signedPayloadWithTrailer() throws {
        let date = Fixtures.s3Time
        let headers: [(name: String, value: String)] = [
            ("host", "localhost"), ("content-encoding", "aws-chunked"), ("x-amz-trailer", "x-amz-checksum-crc32"),
            ("x-amz-decoded-content-length", "20000"),
        ]
        let signed = SigV4Signer.sign(method: "PUT", path: "/b/k", headers: headers,
                                      payloadSHA256: "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                                      credentials: Fixtures.s3Key, region: "us-east-1", service: "s3",
                                      signingService: .s3, date: date)
        let verified = try SigV4Verifier.verify(SignedRequest(method: "PUT", path: "/b/k", headers: headers + signed),
                                                service: .s3, now: date, lookup: Fixtures.lookup)
        guard case .streamingSigned(let seed, _, true) = verified.payload else {
            Issue.record("expected a signed streaming payload with a trailer, got \(verified.payload)")
            return
        }
        // The client side builds the same chunk-signing state from the Authorization header's signature.
        let clientPayload = SigV4Signer.streamingPayload(seedSignature: seed, credentials: Fixtures.s3Key,
                                                         region: "us-east-1", service: "s3", date: date, hasTrailer: true)
        #expect(clientPayload == verified.payload)
        let data = [UInt8](repeating: 7, count: 20000)
        let body = SigV4Signer.awsChunked(data, chunkSize: 8192, payload: clientPayload,
                                          trailers: [("x-amz-checksum-crc32", "AAAAAA==")])
        var decoder = AWSChunkedDecoder(payload: verified.payload, decodedContentLength: verified.decodedContentLength)
        var decoded: [UInt8] = []
        for byte in body { decoded += try decoder.feed(CollectionOfOne(byte)) }
        #expect(try decoder.finish() == ["x-amz-checksum-crc32": "AAAAAA=="])
        #expect(decoded == data)

        // A changed trailer breaks the trailer signature.
        let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "AAAAAA==", with: "BBBBBB==")
        var tampered = AWSChunkedDecoder(payload: verified.payload)
        #expect {
            _ = try tampered.feed(Array(text.utf8))
        } throws: { error in
            if case .signatureDoesNotMatch = error as? SigV4Failure { true } else { false }
        }
    }
}
