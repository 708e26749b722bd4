import AWSSignature
import Foundation
import Testing

/// Every way verification can fail, with AWS's codes.
@Suite struct FailureTests {
    func verify(_ request: SignedRequest, service: SigningService = .s3, now: Date = Fixtures.s3Time,
                lookup: (String) -> SigV4Credentials? = Fixtures.lookup) throws(SigV4Failure) -> VerifiedRequest {
        try SigV4Verifier.verify(request, service: service, now: now, lookup: lookup)
    }

    func replacing(_ name: String, with value: String?, in request: SignedRequest) -> SignedRequest {
        var copy = request
        copy.headers.removeAll { $0.name.lowercased() == name }
        if let value { copy.headers.append((name, value)) }
        return copy
    }

    @Test func anonymousRequest() {
        let request = replacing("authorization", with: nil, in: Fixtures.getObject)
        #expect(throws: SigV4Failure.missingAuthentication) { try verify(request) }
        #expect(SigV4Failure.missingAuthentication.code == "AccessDenied")
    }

    @Test(arguments: [
        "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=range;x-amz-date, Signature=00",
        "AWS4-HMAC-SHA256 garbage",
    ])
    func malformedAuthorization(_ header: String) {
        let request = replacing("authorization", with: header, in: Fixtures.getObject)
        do {
            _ = try verify(request)
            Issue.record("verified a malformed header")
        } catch {
            guard case .malformedAuthorization = error else {
                Issue.record("expected malformedAuthorization, got \(error)")
                return
            }
            #expect(error.code == "AuthorizationHeaderMalformed")
            #expect(error.message.hasPrefix("The authorization header is malformed; "))
        }
    }

    @Test func unknownAccessKey() {
        #expect(throws: SigV4Failure.invalidAccessKeyID("AKIAIOSFODNN7EXAMPLE")) {
            try verify(Fixtures.getObject, lookup: { _ in nil })
        }
        #expect(SigV4Failure.invalidAccessKeyID("x").code == "InvalidAccessKeyId")
    }

    @Test func wrongSecret() {
        let other = SigV4Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "not the secret")
        do {
            _ = try verify(Fixtures.getObject, lookup: { _ in other })
            Issue.record("verified with the wrong secret")
        } catch {
            guard case .signatureDoesNotMatch(let stringToSign, let canonicalRequest) = error else {
                Issue.record("expected signatureDoesNotMatch, got \(error)")
                return
            }
            #expect(stringToSign.hasPrefix("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"))
            #expect(canonicalRequest == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
            #expect(error.code == "SignatureDoesNotMatch")
        }
    }

    @Test func tamperedHeaderOrPath() {
        let changedRange = replacing("range", with: "bytes=0-10", in: Fixtures.getObject)
        var changedPath = Fixtures.getObject
        changedPath.path = "/test2.txt"
        for request in [changedRange, changedPath] {
            #expect {
                try verify(request)
            } throws: { error in
                if case .signatureDoesNotMatch = error as? SigV4Failure { true } else { false }
            }
        }
    }

    @Test func clockSkew() {
        let now = Fixtures.s3Time.addingTimeInterval(15 * 60 + 1)
        #expect(throws: SigV4Failure.requestTimeTooSkewed(requestTime: "20130524T000000Z", serverTime: "20130524T001501Z")) {
            try verify(Fixtures.getObject, now: now)
        }
        // Just inside the window, either side.
        #expect(throws: Never.self) { try verify(Fixtures.getObject, now: Fixtures.s3Time.addingTimeInterval(900)) }
        #expect(throws: Never.self) { try verify(Fixtures.getObject, now: Fixtures.s3Time.addingTimeInterval(-900)) }
        #expect(SigV4Failure.requestTimeTooSkewed(requestTime: "", serverTime: "").code == "RequestTimeTooSkewed")
    }

    @Test func presignedExpired() {
        let request = SignedRequest(method: "GET", path: "/test.txt", query: DocumentedExampleTests.presignedQuery,
                                    headers: [("Host", "examplebucket.s3.amazonaws.com")])
        #expect(throws: SigV4Failure.expired("20130525T000000Z")) {
            try verify(request, now: Fixtures.s3Time.addingTimeInterval(86401))
        }
        #expect(SigV4Failure.expired("").code == "AccessDenied")
        #expect(SigV4Failure.expired("").message == "Request has expired")
    }

    @Test(arguments: ["0x10", "-1", "604801"])
    func presignedBadExpires(_ expires: String) {
        let query = DocumentedExampleTests.presignedQuery.replacingOccurrences(of: "X-Amz-Expires=86400", with: "X-Amz-Expires=\(expires)")
        let request = SignedRequest(method: "GET", path: "/test.txt", query: query,
                                    headers: [("Host", "examplebucket.s3.amazonaws.com")])
        #expect {
            try verify(request)
        } throws: { error in
            guard case .malformedQueryAuthorization = error as? SigV4Failure else { return false }
            return (error as? SigV4Failure)?.code == "AuthorizationQueryParametersError"
        }
    }

    @Test func presignedMissingParameter() {
        let query = DocumentedExampleTests.presignedQuery.replacingOccurrences(of: "&X-Amz-SignedHeaders=host", with: "")
        let request = SignedRequest(method: "GET", path: "/test.txt", query: query,
                                    headers: [("Host", "examplebucket.s3.amazonaws.com")])
        #expect {
            try verify(request)
        } throws: { error in
            if case .malformedQueryAuthorization = error as? SigV4Failure { true } else { false }
        }
    }

    @Test func sessionKeyNeedsItsToken() throws {
        let session = SigV4Credentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token-1")
        let signed = SigV4Signer.sign(method: "GET", path: "/b/k", headers: [("Host", "localhost")],
                                      payloadSHA256: Fixtures.emptySHA256, credentials: session, region: "us-east-1",
                                      service: "s3", signingService: .s3, date: Fixtures.s3Time)
        let good = SignedRequest(method: "GET", path: "/b/k", headers: [("Host", "localhost")] + signed)
        #expect(throws: Never.self) { try verify(good, lookup: { _ in session }) }

        let withoutToken = replacing("x-amz-security-token", with: nil, in: good)
        #expect(throws: SigV4Failure.missingSecurityToken) { try verify(withoutToken, lookup: { _ in session }) }
        let otherToken = replacing("x-amz-security-token", with: "token-2", in: good)
        #expect(throws: SigV4Failure.missingSecurityToken) { try verify(otherToken, lookup: { _ in session }) }
        #expect(SigV4Failure.missingSecurityToken.code == "InvalidToken")
    }

    @Test func bodyDoesNotMatchDeclaredHash() throws {
        let verified = try verify(Fixtures.getObject)
        var check = PayloadHashCheck(payload: verified.payload)
        check.update(Array("not empty".utf8))
        #expect(throws: SigV4Failure.invalidPayloadHash) { try check.finish() }
        #expect(SigV4Failure.invalidPayloadHash.code == "XAmzContentSHA256Mismatch")
    }

    @Test func invalidDeclaredHash() {
        let date = Fixtures.s3Time
        let signed = SigV4Signer.sign(method: "PUT", path: "/b/k", headers: [("Host", "localhost")],
                                      payloadSHA256: "not-a-hash", credentials: Fixtures.s3Key, region: "us-east-1",
                                      service: "s3", signingService: .s3, date: date)
        let request = SignedRequest(method: "PUT", path: "/b/k", headers: [("Host", "localhost")] + signed)
        #expect(throws: SigV4Failure.invalidPayloadHash) { try verify(request) }
    }

    @Test func everyFailureHasACodeAndMessage() {
        let all: [SigV4Failure] = [
            .missingAuthentication, .malformedAuthorization("x"), .malformedQueryAuthorization("x"),
            .invalidAccessKeyID("x"), .signatureDoesNotMatch(stringToSign: "", canonicalRequest: ""),
            .requestTimeTooSkewed(requestTime: "", serverTime: ""), .expired(""), .missingSecurityToken,
            .invalidPayloadHash, .incompleteBody("x"), .headersNotSigned(["x-amz-meta-a"]), .checksumMismatch(.sha1),
        ]
        for failure in all {
            for service in [SigningService.s3, .other] {
                #expect(!failure.code(for: service).isEmpty)
                #expect(!failure.message(for: service).isEmpty)
                #expect([400, 403].contains(failure.httpStatus(for: service)))
            }
        }
    }

    @Test func unsignedAmzHeaderIsRefusedByS3() {
        var request = Fixtures.getObject
        request.headers.append(("X-Amz-Meta-Extra", "added on the way"))
        #expect(throws: SigV4Failure.headersNotSigned(["x-amz-meta-extra"])) { try verify(request) }
        #expect(SigV4Failure.headersNotSigned([]).code == "AccessDenied")
    }

    @Test func otherServicesAnswerWithTheirOwnCodes() {
        #expect(SigV4Failure.missingAuthentication.code(for: .other) == "MissingAuthenticationToken")
        #expect(SigV4Failure.invalidAccessKeyID("x").code(for: .other) == "InvalidClientTokenId")
        #expect(SigV4Failure.malformedAuthorization("x").code(for: .other) == "IncompleteSignature")
        let skew = SigV4Failure.requestTimeTooSkewed(requestTime: "20130524T000000Z", serverTime: "20130524T001501Z")
        #expect(skew.code(for: .other) == "SignatureDoesNotMatch")
        #expect(skew.message(for: .other)
            == "Signature expired: 20130524T000000Z is now earlier than 20130524T000001Z (20130524T001501Z - 15 min.)")
    }
}

extension FailureTests {
    @Test func headerAndQuerySignatureTogether() {
        let request = SignedRequest(method: "GET", path: "/test.txt", query: DocumentedExampleTests.presignedQuery,
                                    headers: Fixtures.getObject.headers)
        #expect {
            try verify(request)
        } throws: { error in
            if case .malformedQueryAuthorization = error as? SigV4Failure { true } else { false }
        }
    }
}
