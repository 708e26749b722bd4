import AWSSignature
@testable import CloudAPI
import Testing

/// The HTTP status of each SigV4 failure, as S3 answers it: the one `SigV4Failure.httpStatus` gives.
@Suite("SigV4 failure statuses")
struct AuthenticationFailureStatusTests {
    @Test("A trailing checksum that does not match is BadDigest 400, as S3 answers it; an unknown key 403")
    func statuses() {
        let badDigest = RequestAuthenticator.failure(.checksumMismatch(.crc32), refusal: nil)
        #expect(badDigest.code == "BadDigest")
        #expect(badDigest.status == 400)
        #expect(RequestAuthenticator.failure(.invalidAccessKeyID("AKIA0"), refusal: nil).status == 403)
        #expect(RequestAuthenticator.failure(.invalidPayloadHash, refusal: nil).status == 400)
    }
}
