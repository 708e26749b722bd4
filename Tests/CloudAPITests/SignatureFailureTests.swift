@testable import CloudEngine
import Foundation
import GRDB
import Testing

/// Each SigV4 failure as real clients meet it, in the codes of the service they called: S3's own, and the
/// query services' (STS here) where they differ.
@Suite("SigV4 failures through clients", .serialized, .enabled(if: EndpointFixture.python != nil, "run scripts/setup: .venv is missing"))
struct SignatureFailureTests {
    /// One S3 and one STS call, printing each one's error code, status and message (or "ok").
    static let calls = """
        import boto3, botocore, os
        for name, call in [("s3", lambda: boto3.client("s3").list_buckets()),
                           ("sts", lambda: boto3.client("sts").get_caller_identity())]:
            try:
                call()
                print(name, "ok")
            except botocore.exceptions.ClientError as e:
                print(name, e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Message"])
        """

    /// The calls, from a client whose clock runs `minutes` behind.
    static func skewed(_ minutes: Int) -> String {
        """
        import botocore.auth, datetime
        real = botocore.auth.get_current_datetime
        botocore.auth.get_current_datetime = lambda *a, **k: real(*a, **k) - datetime.timedelta(minutes=\(minutes))

        """ + calls
    }

    @Test("A clock 20 minutes off is RequestTimeTooSkewed for S3 and 'Signature expired' for STS; 10 minutes is fine")
    func clockSkew() async throws {
        let f = try await EndpointFixture.start()
        let far = try await f.python(Self.skewed(20))
        #expect(far.contains("s3 RequestTimeTooSkewed 403"))
        #expect(far.contains("sts SignatureDoesNotMatch 403 Signature expired:"))
        let near = try await f.python(Self.skewed(10))
        #expect(near.contains("s3 ok"))
    }

    @Test("Unknown keys and wrong secrets: InvalidAccessKeyId and SignatureDoesNotMatch for S3, InvalidClientTokenId for STS")
    func unknownKeys() async throws {
        let f = try await EndpointFixture.start()
        let (id, _) = try f.rootKeys()
        let script = Self.skewed(0)
        let unknown = try await f.python(script, keys: ("AKIAUNKNOWNKEY000000", "secret"))
        #expect(unknown.contains("s3 InvalidAccessKeyId 403"))
        #expect(unknown.contains("sts InvalidClientTokenId 403 The security token included in the request is invalid."))
        let wrong = try await f.python(script, keys: (id, "not-the-secret"))
        #expect(wrong.contains("s3 SignatureDoesNotMatch 403"))
        #expect(wrong.contains("sts SignatureDoesNotMatch 403"))
    }

    @Test("An expired role session is ExpiredToken; a token from another session is refused")
    func expiredSession() async throws {
        let f = try await EndpointFixture.start()
        let user = try f.account.iam.createUser("ana", caller: .root)
        let trust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "\#(user.arn)"}, "Action": "sts:AssumeRole"}]}"#
        let role = try f.account.iam.createRole("reader", trustPolicy: trust, caller: .root)
        try f.account.iam.attachPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", to: .role("reader"), caller: .root)
        let ana = try f.account.sts.credentials(forAccessKey: f.account.iam.createAccessKey(userName: "ana", caller: .root).accessKeyID).caller
        let session = try f.account.sts.assumeRole(roleARN: role.arn, sessionName: "short", durationSeconds: 900, caller: ana)
        let credentials = session.credentials
        let script = Self.calls
        let token = credentials.sessionToken
        let live = try await f.python("import os\nos.environ['AWS_SESSION_TOKEN'] = '\(token)'\n" + script,
                                      keys: (credentials.accessKeyID, credentials.secretAccessKey))
        #expect(live.contains("s3 ok"))
        #expect(live.contains("sts ok"))
        let wrongToken = try await f.python("import os\nos.environ['AWS_SESSION_TOKEN'] = 'not-the-token'\n" + script,
                                            keys: (credentials.accessKeyID, credentials.secretAccessKey))
        #expect(wrongToken.contains("s3 InvalidToken 400"))
        #expect(wrongToken.contains("sts InvalidClientTokenId 403"))
        // The session's end passes (the server reads the same file).
        try f.account.write([]) { db in
            try db.execute(sql: "UPDATE sts_sessions SET expires_at = ? WHERE access_key_id = ?",
                           arguments: [Date().timeIntervalSince1970 - 60, credentials.accessKeyID])
        }
        let expired = try await f.python("import os\nos.environ['AWS_SESSION_TOKEN'] = '\(token)'\n" + script,
                                         keys: (credentials.accessKeyID, credentials.secretAccessKey))
        #expect(expired.contains("s3 ExpiredToken 400"))
        #expect(expired.contains("sts ExpiredToken 403"))
    }
}
