import Foundation
import Testing
@testable import CloudEngine

@Suite("IAM users")
struct IAMUserTests {
    @Test("a new user has an AIDA id, an ARN with its path, and the clock's time")
    func createUser() throws {
        let test = try TestAccount()
        let user = try test.iam.createUser("alice", path: "/eng/", caller: .root)
        #expect(user.id.hasPrefix("AIDA"))
        #expect(user.id.count == 21)
        #expect(user.arn == "arn:aws:iam::123456789012:user/eng/alice")
        #expect(user.createdAt == test.clock.now())
        #expect(try test.iam.user("alice", caller: .root) == user)
    }

    @Test("user names are unique without regard to case")
    func duplicateName() throws {
        let test = try TestAccount()
        try test.iam.createUser("Alice", caller: .root)
        expectEngineError("EntityAlreadyExists", 409, "User with name Alice already exists") {
            try test.iam.createUser("alice", caller: .root)
        }
    }

    @Test("a name with a space breaks IAM's pattern, in IAM's words")
    func badName() throws {
        let test = try TestAccount()
        expectEngineError("ValidationError", 400,
                          #"1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+"#) {
            try test.iam.createUser("bad name", caller: .root)
        }
    }

    @Test("a name of 65 characters is too long; 64 is fine")
    func nameLength() throws {
        let test = try TestAccount()
        try test.iam.createUser(String(repeating: "a", count: 64), caller: .root)
        expectEngineError("ValidationError", 400, "at 'userName'", "Member must have length less than or equal to 64") {
            try test.iam.createUser(String(repeating: "b", count: 65), caller: .root)
        }
    }

    @Test("an empty name is refused")
    func emptyName() throws {
        let test = try TestAccount()
        expectEngineError("ValidationError", 400, "Member must have length greater than or equal to 1") {
            try test.iam.createUser("", caller: .root)
        }
    }

    @Test("a path must start and end with a slash", arguments: ["eng", "/eng", "eng/", "//x y/"])
    func badPath(_ path: String) throws {
        let test = try TestAccount()
        expectEngineError("ValidationError", 400, "at 'path'", "regular expression pattern") {
            try test.iam.createUser("alice", path: path, caller: .root)
        }
    }

    @Test("ListUsers filters by path prefix and sorts by name")
    func listUsers() throws {
        let test = try TestAccount()
        try test.iam.createUser("zed", path: "/eng/", caller: .root)
        try test.iam.createUser("amy", path: "/eng/backend/", caller: .root)
        try test.iam.createUser("bob", caller: .root)
        #expect(try test.iam.listUsers(caller: .root).map(\.name) == ["amy", "bob", "zed"])
        #expect(try test.iam.listUsers(pathPrefix: "/eng/", caller: .root).map(\.name) == ["amy", "zed"])
    }

    @Test("GetUser of a missing user is NoSuchEntity")
    func missingUser() throws {
        let test = try TestAccount()
        expectEngineError("NoSuchEntity", 404, "The user with name ghost cannot be found") {
            try test.iam.user("ghost", caller: .root)
        }
    }

    @Test("GetUser without a name answers the calling user")
    func getSelf() throws {
        let test = try TestAccount()
        let alice = try test.user("alice", policies: [IAMDoc.allow("iam:GetUser")])
        #expect(try test.iam.user(caller: alice).name == "alice")
        expectEngineError("ValidationError", 400, "Must specify userName when calling with non-User credentials") {
            try test.iam.user(caller: .root)
        }
    }

    @Test("DeleteUser removes the user")
    func deleteUser() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        try test.iam.deleteUser("alice", caller: .root)
        #expect(try test.iam.listUsers(caller: .root).isEmpty)
        expectEngineError("NoSuchEntity", 404, "alice") { try test.iam.deleteUser("alice", caller: .root) }
    }

    @Test("DeleteUser refuses while the user has access keys")
    func deleteWithKeys() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        try test.iam.createAccessKey(userName: "alice", caller: .root)
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must delete access keys first.") {
            try test.iam.deleteUser("alice", caller: .root)
        }
    }

    @Test("DeleteUser refuses while the user has inline policies")
    func deleteWithInline() throws {
        let test = try TestAccount()
        try test.user("alice", policies: [IAMDoc.allow("s3:ListBucket")])
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must delete policies first.") {
            try test.iam.deleteUser("alice", caller: .root)
        }
    }

    @Test("DeleteUser refuses while managed policies are attached")
    func deleteWithAttached() throws {
        let test = try TestAccount()
        try test.user("alice", attach: [IAMDoc.s3ReadOnly])
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must detach all policies first.") {
            try test.iam.deleteUser("alice", caller: .root)
        }
    }

    @Test("DeleteUser refuses while the user is in a group")
    func deleteWithGroup() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        try test.iam.createGroup("devs", caller: .root)
        try test.iam.addUserToGroup(group: "devs", user: "alice", caller: .root)
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must remove user from all groups first.") {
            try test.iam.deleteUser("alice", caller: .root)
        }
    }

    @Test("a user created again under the same name is a new principal")
    func recreatedUserIsNew() throws {
        let test = try TestAccount()
        let first = try test.iam.createUser("alice", caller: .root)
        try test.iam.deleteUser("alice", caller: .root)
        let second = try test.iam.createUser("alice", caller: .root)
        #expect(first.id != second.id)
    }

    @Test("tags are added, replaced, listed by key and removed")
    func tags() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", tags: [IAMTag(key: "team", value: "blue")], caller: .root)
        try test.iam.tag(.user("alice"), tags: [IAMTag(key: "Team", value: "red"), IAMTag(key: "cost", value: "42")], caller: .root)
        #expect(try test.iam.tags(of: .user("alice"), caller: .root) == [IAMTag(key: "cost", value: "42"), IAMTag(key: "team", value: "red")])
        try test.iam.untag(.user("alice"), keys: ["TEAM"], caller: .root)
        #expect(try test.iam.tags(of: .user("alice"), caller: .root) == [IAMTag(key: "cost", value: "42")])
    }

    @Test("tag keys differing only in case in one call are refused")
    func duplicateTagKeys() throws {
        let test = try TestAccount()
        expectEngineError("InvalidInput", 400, "Duplicate tag keys found") {
            try test.iam.createUser("alice", tags: [IAMTag(key: "a", value: "1"), IAMTag(key: "A", value: "2")], caller: .root)
        }
    }

    @Test("more than 50 tags on a user is LimitExceeded")
    func tooManyTags() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", tags: (1...50).map { IAMTag(key: "k\($0)", value: "v") }, caller: .root)
        expectEngineError("LimitExceeded", 409, "Cannot exceed quota for TagsPerUser: 50") {
            try test.iam.tag(.user("alice"), tags: [IAMTag(key: "one-more", value: "v")], caller: .root)
        }
    }

    @Test("groups cannot be tagged")
    func groupTags() throws {
        let test = try TestAccount()
        try test.iam.createGroup("devs", caller: .root)
        expectEngineError("InvalidInput", 400, "groups cannot be tagged") {
            try test.iam.tag(.group("devs"), tags: [IAMTag(key: "a", value: "b")], caller: .root)
        }
    }

    @Test("a permissions boundary must name an existing managed policy")
    func boundary() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        try test.iam.putPermissionsBoundary(IAMDoc.s3ReadOnly, on: .user("alice"), caller: .root)
        #expect(try test.iam.user("alice", caller: .root).permissionsBoundary == IAMDoc.s3ReadOnly)
        expectEngineError("NoSuchEntity", 404, "does not exist or is not attachable") {
            try test.iam.putPermissionsBoundary(test.policyARN("nope"), on: .user("alice"), caller: .root)
        }
        try test.iam.deletePermissionsBoundary(from: .user("alice"), caller: .root)
        #expect(try test.iam.user("alice", caller: .root).permissionsBoundary == nil)
    }

    @Test("creating a user needs iam:CreateUser on the new user's ARN")
    func createNeedsPermission() throws {
        let test = try TestAccount()
        let bob = try test.user("bob")
        expectEngineError("AccessDenied", 403,
                          "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/eng/carol") {
            try test.iam.createUser("carol", path: "/eng/", caller: bob)
        }
    }
}
