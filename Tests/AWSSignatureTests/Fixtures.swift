import AWSSignature
import Foundation

/// The key, times and helpers of AWS's documented examples.
enum Fixtures {
    static let s3Key = SigV4Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                                        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let generalKey = SigV4Credentials(accessKeyID: "AKIDEXAMPLE",
                                             secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 2013-05-24T00:00:00Z, the S3 examples' time.
    static let s3Time = Date(timeIntervalSince1970: 1_369_353_600)
    /// 2015-08-30T12:36:00Z, the general reference's time.
    static let generalTime = Date(timeIntervalSince1970: 1_440_938_160)
    static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func lookup(_ id: String) -> SigV4Credentials? {
        [s3Key, generalKey].first { $0.accessKeyID == id }
    }

    static func authorization(_ signedHeaders: String, _ signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + "SignedHeaders=\(signedHeaders),Signature=\(signature)"
    }

    /// The S3 guide's GET Object example (Range: bytes=0-9).
    static var getObject: SignedRequest {
        SignedRequest(method: "GET", path: "/test.txt", query: "", headers: [
            ("Host", "examplebucket.s3.amazonaws.com"),
            ("Authorization", authorization("host;range;x-amz-content-sha256;x-amz-date",
                                            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")),
            ("Range", "bytes=0-9"),
            ("x-amz-content-sha256", emptySHA256),
            ("x-amz-date", "20130524T000000Z"),
        ])
    }

    /// The chunked upload example's request (STREAMING-AWS4-HMAC-SHA256-PAYLOAD, 66560 bytes of "a").
    static var chunkedPut: SignedRequest {
        SignedRequest(method: "PUT", path: "/examplebucket/chunkObject.txt", query: "", headers: [
            ("Host", "s3.amazonaws.com"),
            ("x-amz-date", "20130524T000000Z"),
            ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ("Authorization", authorization(
                "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class",
                "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")),
            ("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
            ("Content-Encoding", "aws-chunked"),
            ("x-amz-decoded-content-length", "66560"),
            ("Content-Length", "66824"),
        ])
    }

    /// The chunked example's body, with the chunk signatures the guide gives.
    static var chunkedBody: [UInt8] {
        func chunk(_ size: Int, _ signature: String) -> [UInt8] {
            Array("\(String(size, radix: 16));chunk-signature=\(signature)\r\n".utf8)
                + [UInt8](repeating: UInt8(ascii: "a"), count: size) + Array("\r\n".utf8)
        }
        return chunk(65536, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648")
            + chunk(1024, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497")
            + chunk(0, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9")
    }
}
