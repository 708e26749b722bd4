import Foundation
import Testing
@testable import CloudEngine

@Suite("Anonymous callers")
struct AnonymousAccessTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("site", caller: .root)
        try env.storage.put("site", "index.html", "<h1>hi</h1>")
    }

    func policy(_ principal: String, action: String = "s3:GetObject") -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":\#(principal),"Action":"\#(action)","Resource":"arn:aws:s3:::site/*"}]}"#
    }

    @Test("Without a bucket policy an anonymous caller reads nothing, and is told only \"Access Denied\"")
    func deniedByDefault() throws {
        expectEngineError("AccessDenied", 403) { try storage.getObjectData(bucket: "site", key: "index.html", caller: .anonymous) }
        let error = expectEngineError("AccessDenied", 403) { try storage.listBuckets(caller: .anonymous) }
        #expect(error?.message == "Access Denied")
    }

    @Test("A bucket policy granting \"*\" (or {\"AWS\": \"*\"}) lets them read, and only what it grants")
    func allowedByEveryonePolicy() throws {
        for principal in [#""*""#, #"{"AWS":"*"}"#] {
            try storage.putBucketPolicy(bucket: "site", policy: policy(principal), caller: .root)
            #expect(try storage.text("site", "index.html") == "<h1>hi</h1>")
            #expect(try storage.getObjectData(bucket: "site", key: "index.html", caller: .anonymous) == Data("<h1>hi</h1>".utf8))
            expectEngineError("AccessDenied", 403, "Access Denied") {
                try storage.putObject(bucket: "site", key: "x", body: DataBodySource(Data()), caller: .anonymous)
            }
            #expect(try storage.bucketPolicyIsPublic(bucket: "site", caller: .root))
        }
    }

    @Test("A policy naming the account does not cover an anonymous caller")
    func accountPrincipalIsNotEveryone() throws {
        try storage.putBucketPolicy(bucket: "site", policy: policy(#"{"AWS":"arn:aws:iam::123456789012:root"}"#), caller: .root)
        expectEngineError("AccessDenied", 403) { try storage.getObjectData(bucket: "site", key: "index.html", caller: .anonymous) }
        #expect(try storage.bucketPolicyIsPublic(bucket: "site", caller: .root) == false)
    }
}
