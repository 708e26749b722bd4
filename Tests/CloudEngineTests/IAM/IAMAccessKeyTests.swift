import Foundation
import Testing
@testable import CloudEngine

@Suite("IAM access keys")
struct IAMAccessKeyTests {
    @Test("a new key is AKIA plus 16 characters with a 40-character secret, Active")
    func createKey() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        let key = try test.iam.createAccessKey(userName: "alice", caller: .root)
        #expect(key.accessKeyID.hasPrefix("AKIA"))
        #expect(key.accessKeyID.count == 20)
        #expect(key.secretAccessKey.count == 40)
        #expect(key.status == .active)
        #expect(key.userName == "alice")
        let listed = try test.iam.listAccessKeys(userName: "alice", caller: .root)
        #expect(listed == [AccessKeyMetadata(userName: "alice", accessKeyID: key.accessKeyID, status: .active, createdAt: key.createdAt)])
    }

    @Test("a third key for one user is LimitExceeded")
    func keyQuota() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        try test.iam.createAccessKey(userName: "alice", caller: .root)
        try test.iam.createAccessKey(userName: "alice", caller: .root)
        expectEngineError("LimitExceeded", 409, "Cannot exceed quota for AccessKeysPerUser: 2") {
            try test.iam.createAccessKey(userName: "alice", caller: .root)
        }
    }

    @Test("a user without a name creates a key for itself")
    func ownKey() throws {
        let test = try TestAccount()
        let alice = try test.user("alice", policies: [IAMDoc.allow("iam:CreateAccessKey", "iam:ListAccessKeys",
                                                                   on: ["arn:aws:iam::123456789012:user/alice"])])
        let key = try test.iam.createAccessKey(caller: alice)
        #expect(key.userName == "alice")
        #expect(try test.iam.listAccessKeys(caller: alice).map(\.accessKeyID) == [key.accessKeyID])
    }

    @Test("the account root gets an access key when the account is created")
    func rootKey() throws {
        let test = try TestAccount()
        let keys = try test.iam.listAccessKeys(caller: .root)
        #expect(keys.count == 1)
        #expect(keys.first?.userName == nil)
        let root = try #require(try test.iam.rootAccessKey())
        #expect(root.accessKeyID == keys.first?.accessKeyID)
        #expect(try test.sts.credentials(forAccessKey: root.accessKeyID).caller.identity == .root)
    }

    @Test("an Inactive key no longer resolves; Active again, it does")
    func updateStatus() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        let key = try test.iam.createAccessKey(userName: "alice", caller: .root)
        try test.iam.updateAccessKey(key.accessKeyID, status: .inactive, userName: "alice", caller: .root)
        #expect(try test.iam.listAccessKeys(userName: "alice", caller: .root).first?.status == .inactive)
        expectEngineError("InvalidClientTokenId", 403, "inactive") {
            try test.sts.credentials(forAccessKey: key.accessKeyID)
        }
        try test.iam.updateAccessKey(key.accessKeyID, status: .active, userName: "alice", caller: .root)
        let resolved = try test.sts.credentials(forAccessKey: key.accessKeyID)
        #expect(resolved.secretAccessKey == key.secretAccessKey)
        #expect(resolved.caller.arn(accountID: TestAccount.accountID) == "arn:aws:iam::123456789012:user/alice")
    }

    @Test("a key of another user is NoSuchEntity for this one")
    func wrongOwner() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        try test.iam.createUser("bob", caller: .root)
        let key = try test.iam.createAccessKey(userName: "alice", caller: .root)
        expectEngineError("NoSuchEntity", 404, "The Access Key with id \(key.accessKeyID) cannot be found") {
            try test.iam.deleteAccessKey(key.accessKeyID, userName: "bob", caller: .root)
        }
    }

    @Test("DeleteAccessKey removes the key and frees the quota")
    func deleteKey() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        let first = try test.iam.createAccessKey(userName: "alice", caller: .root)
        try test.iam.createAccessKey(userName: "alice", caller: .root)
        try test.iam.deleteAccessKey(first.accessKeyID, userName: "alice", caller: .root)
        try test.iam.createAccessKey(userName: "alice", caller: .root)
        #expect(try test.iam.listAccessKeys(userName: "alice", caller: .root).count == 2)
    }

    @Test("last used is N/A until the key is used, then the service, region and time")
    func lastUsed() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        let key = try test.iam.createAccessKey(userName: "alice", caller: .root)
        let before = try test.iam.accessKeyLastUsed(key.accessKeyID, caller: .root)
        #expect(before == AccessKeyLastUsed(userName: "alice", lastUsedAt: nil, serviceName: "N/A", region: "N/A"))
        test.clock.advance(by: 90)
        try test.iam.recordAccessKeyUse(key.accessKeyID, service: "s3")
        let after = try test.iam.accessKeyLastUsed(key.accessKeyID, caller: .root)
        #expect(after == AccessKeyLastUsed(userName: "alice", lastUsedAt: test.clock.now(), serviceName: "s3", region: "us-east-1"))
    }

    @Test("a status other than Active or Inactive cannot be set: the type has no such value")
    func statusValues() {
        #expect(AccessKeyStatus.allCases.map(\.rawValue) == ["Active", "Inactive"])
    }

    @Test("an unknown access key id does not resolve")
    func unknownKey() throws {
        let test = try TestAccount()
        expectEngineError("InvalidClientTokenId", 403, "The security token included in the request is invalid") {
            try test.sts.credentials(forAccessKey: "AKIAXXXXXXXXXXXXXXXX")
        }
    }
}
