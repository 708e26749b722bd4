import AWSSignature
import Foundation
import Testing

/// Requests signed by our signer verify, and harmless changes in transit do not break a signature.
@Suite struct SignerAndVariationTests {
    @Test(arguments: [SigningService.s3, .other])
    func signedRequestVerifies(_ service: SigningService) throws {
        let path = "/my-bucket/a%20b/c%2Bd.txt"
        let query = "list-type=2&prefix=a%20b&delimiter=%2F&empty"
        let headers: [(name: String, value: String)] = [
            ("Host", "localhost:4566"), ("Content-Type", "text/plain"), ("X-Amz-Meta-Note", "  two   spaces  "),
        ]
        let body = Array("hello".utf8)
        let hash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        let signed = SigV4Signer.sign(method: "PUT", path: path, query: query, headers: headers, payloadSHA256: hash,
                                      credentials: Fixtures.s3Key, region: "eu-west-1", service: "s3",
                                      signingService: service, date: Fixtures.s3Time)
        let request = SignedRequest(method: "PUT", path: path, query: query, headers: headers + signed,
                                    bodySHA256: service == .other ? hash : nil)
        let verified = try SigV4Verifier.verify(request, service: service, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        #expect(verified.region == "eu-west-1")
        var check = PayloadHashCheck(payload: verified.payload)
        check.update(body)
        try check.finish()
    }

    @Test func signedPresignVerifies() throws {
        let session = SigV4Credentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "s", sessionToken: "tok/en+=")
        let query = SigV4Signer.presign(method: "GET", path: "/b/k%20ey", query: "versionId=3", host: "localhost",
                                        credentials: session, region: "us-east-1", service: "s3",
                                        signingService: .s3, date: Fixtures.s3Time, expires: 60)
        let request = SignedRequest(method: "GET", path: "/b/k%20ey", query: query, headers: [("host", "localhost")])
        let verified = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time.addingTimeInterval(59),
                                                lookup: { _ in session })
        #expect(verified.isPresigned)
        #expect(throws: SigV4Failure.expired("20130524T000100Z")) {
            try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time.addingTimeInterval(61), lookup: { _ in session })
        }
    }

    @Test func headerOrderCaseAndSpacing() throws {
        var request = Fixtures.getObject
        request.headers.reverse()
        request.headers = request.headers.map { header in
            switch header.name.lowercased() {
            case "host": ("HOST", "  examplebucket.s3.amazonaws.com ")
            case "range": ("rAnGe", "\tbytes=0-9  ")
            case "x-amz-date": ("X-AMZ-DATE", "20130524T000000Z")
            default: header
            }
        }
        request.headers.append(("User-Agent", "an unsigned header"))
        _ = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
    }

    @Test func internalSpacesCollapseAndRepeatedHeadersJoin() throws {
        let headers: [(name: String, value: String)] = [
            ("host", "localhost"), ("x-amz-meta-a", "one   two"), ("X-Amz-Meta-A", "three"),
        ]
        let signed = SigV4Signer.sign(method: "GET", path: "/", headers: headers, payloadSHA256: Fixtures.emptySHA256,
                                      credentials: Fixtures.s3Key, region: "us-east-1", service: "s3",
                                      signingService: .s3, date: Fixtures.s3Time)
        // The same values with other spacing still verify; other order of the repeated values does not.
        let respaced: [(name: String, value: String)] = [("host", "localhost"), ("x-amz-meta-a", " one two "), ("x-amz-meta-a", "three")]
        let request = SignedRequest(method: "GET", path: "/", headers: respaced + signed)
        _ = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        let swapped: [(name: String, value: String)] = [("host", "localhost"), ("x-amz-meta-a", "three"), ("x-amz-meta-a", "one two")]
        #expect(throws: (any Error).self) {
            try SigV4Verifier.verify(SignedRequest(method: "GET", path: "/", headers: swapped + signed),
                                     service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        }
    }

    @Test func queryOrderAndEncodingDoNotMatter() throws {
        let signed = SigV4Signer.sign(method: "GET", path: "/", query: "b=2&a=1&c", headers: [("host", "h")],
                                      payloadSHA256: Fixtures.emptySHA256, credentials: Fixtures.s3Key,
                                      region: "us-east-1", service: "s3", signingService: .s3, date: Fixtures.s3Time)
        for query in ["a=1&c=&b=2", "c&%61=1&b=%32"] {
            let request = SignedRequest(method: "GET", path: "/", query: query, headers: [("host", "h")] + signed)
            _ = try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        }
    }

    /// Other services normalise the path before signing: dot segments and double slashes do not change it.
    @Test func otherServicesNormaliseThePath() throws {
        let signed = SigV4Signer.sign(method: "GET", path: "/a/b%20c/", headers: [("host", "h")],
                                      payloadSHA256: Fixtures.emptySHA256, credentials: Fixtures.generalKey,
                                      region: "us-east-1", service: "service", signingService: .other, date: Fixtures.s3Time)
        let request = SignedRequest(method: "GET", path: "/a/./x/..//b%20c/", headers: [("host", "h")] + signed)
        _ = try SigV4Verifier.verify(request, service: .other, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        // S3 takes the path as sent, so the same path fails there.
        let s3Signed = SigV4Signer.sign(method: "GET", path: "/a/b%20c/", headers: [("host", "h")],
                                        payloadSHA256: Fixtures.emptySHA256, credentials: Fixtures.s3Key,
                                        region: "us-east-1", service: "s3", signingService: .s3, date: Fixtures.s3Time)
        #expect(throws: (any Error).self) {
            try SigV4Verifier.verify(SignedRequest(method: "GET", path: "/a/./b%20c/", headers: [("host", "h")] + s3Signed),
                                     service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        }
    }

    /// With x-amz-date signed, a Date header cannot stand in for it.
    @Test func dateHeaderInsteadOfXAmzDate() throws {
        let signed = SigV4Signer.sign(method: "GET", path: "/", headers: [("host", "h")],
                                      payloadSHA256: Fixtures.emptySHA256, credentials: Fixtures.s3Key,
                                      region: "us-east-1", service: "s3", signingService: .s3, date: Fixtures.s3Time)
        // Re-sign the same request with Date only, as old clients do.
        var request = SignedRequest(method: "GET", path: "/", headers: [("host", "h")] + signed)
        #expect(throws: Never.self) {
            try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        }
        request.headers.removeAll { $0.name == "x-amz-date" }
        request.headers.append(("Date", "Fri, 24 May 2013 00:00:00 GMT"))
        #expect {
            try SigV4Verifier.verify(request, service: .s3, now: Fixtures.s3Time, lookup: Fixtures.lookup)
        } throws: { error in
            // x-amz-date was signed and is now missing, so the signature no longer matches.
            if case .signatureDoesNotMatch = error as? SigV4Failure { true } else { false }
        }
    }
}
