import Foundation
import Testing
@testable import CloudEngine

/// Deleting a user or a group with what it holds, as the console offers: one transaction, every step authorized.
@Suite("IAM delete with what it holds")
struct IAMDeleteHoldingsTests {
    /// alice: two access keys, in two groups, one managed and one inline policy.
    private func aliceHoldingEverything(_ test: TestAccount) throws {
        try test.user("alice", policies: [IAMDoc.allow("s3:ListAllMyBuckets")], attach: [IAMDoc.s3ReadOnly])
        try test.iam.createAccessKey(userName: "alice", caller: .root)
        try test.iam.createAccessKey(userName: "alice", caller: .root)
        for group in ["readers", "writers"] {
            try test.iam.createGroup(group, caller: .root)
            try test.iam.addUserToGroup(group: group, user: "alice", caller: .root)
        }
    }

    @Test("deleteUser detachingEverything deletes the keys, leaves the groups, detaches and deletes the policies, then the user")
    func deleteUserWithEverything() throws {
        let test = try TestAccount()
        try aliceHoldingEverything(test)
        try test.iam.deleteUser("alice", detachingEverything: true, caller: .root)
        expectEngineError("NoSuchEntity", 404, "alice") { try test.iam.user("alice", caller: .root) }
        #expect(try test.iam.listGroups(caller: .root).map(\.name) == ["readers", "writers"])
        #expect(try test.iam.group("readers", caller: .root).users.isEmpty)
        #expect(try test.iam.listAccessKeys(caller: .root).count == 1, "the root's own key stays")
    }

    @Test("without detachingEverything the user is still refused with IAM's DeleteConflict")
    func deleteUserRefused() throws {
        let test = try TestAccount()
        try aliceHoldingEverything(test)
        expectEngineError("DeleteConflict", 409, "must delete access keys first") {
            try test.iam.deleteUser("alice", detachingEverything: false, caller: .root)
        }
    }

    @Test("a step the caller may not take refuses the whole deletion and changes nothing")
    func deleteUserAllOrNothing() throws {
        let test = try TestAccount()
        try aliceHoldingEverything(test)
        let admin = try test.user("admin", policies: [
            IAMDoc.allow("iam:*"),
            IAMDoc.deny("iam:RemoveUserFromGroup", on: ["arn:aws:iam::\(IAMDoc.accountID):group/writers"]),
        ])
        expectEngineError("AccessDenied", 403, "iam:RemoveUserFromGroup") {
            try test.iam.deleteUser("alice", detachingEverything: true, caller: admin)
        }
        #expect(try test.iam.listAccessKeys(userName: "alice", caller: .root).count == 2)
        #expect(try test.iam.listGroupsForUser("alice", caller: .root).map(\.name) == ["readers", "writers"])
        #expect(try test.iam.attachedPolicies(of: .user("alice"), caller: .root).map(\.arn) == [IAMDoc.s3ReadOnly])
        #expect(try test.iam.inlinePolicyNames(of: .user("alice"), caller: .root) == ["inline-1"])
    }

    @Test("deleting the keys is authorized as iam:DeleteAccessKey")
    func deleteUserKeysAuthorized() throws {
        let test = try TestAccount()
        try aliceHoldingEverything(test)
        let admin = try test.user("admin", policies: [IAMDoc.allow("iam:*"), IAMDoc.deny("iam:DeleteAccessKey")])
        expectEngineError("AccessDenied", 403, "iam:DeleteAccessKey") {
            try test.iam.deleteUser("alice", detachingEverything: true, caller: admin)
        }
        #expect(try test.iam.listAccessKeys(userName: "alice", caller: .root).count == 2)
    }

    @Test("deleteGroup detachingEverything removes the members and the policies; the users stay")
    func deleteGroupWithEverything() throws {
        let test = try TestAccount()
        try aliceHoldingEverything(test)
        try test.iam.attachPolicy(IAMDoc.s3Full, to: .group("writers"), caller: .root)
        try test.iam.putInlinePolicy("write", document: IAMDoc.allow("s3:PutObject"), on: .group("writers"), caller: .root)
        expectEngineError("DeleteConflict", 409, "must remove users from group first") {
            try test.iam.deleteGroup("writers", caller: .root)
        }
        try test.iam.deleteGroup("writers", detachingEverything: true, caller: .root)
        #expect(try test.iam.listGroups(caller: .root).map(\.name) == ["readers"])
        #expect(try test.iam.listGroupsForUser("alice", caller: .root).map(\.name) == ["readers"])
        #expect(try test.iam.user("alice", caller: .root).name == "alice")
    }

    @Test("a group's policies the caller may not detach keep the group and its members")
    func deleteGroupAllOrNothing() throws {
        let test = try TestAccount()
        try aliceHoldingEverything(test)
        try test.iam.attachPolicy(IAMDoc.s3Full, to: .group("writers"), caller: .root)
        let admin = try test.user("admin", policies: [IAMDoc.allow("iam:*"), IAMDoc.deny("iam:DetachGroupPolicy")])
        expectEngineError("AccessDenied", 403, "iam:DetachGroupPolicy") {
            try test.iam.deleteGroup("writers", detachingEverything: true, caller: admin)
        }
        #expect(try test.iam.group("writers", caller: .root).users.map(\.name) == ["alice"])
    }
}
