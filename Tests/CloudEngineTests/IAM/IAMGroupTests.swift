import Foundation
import Testing
@testable import CloudEngine

@Suite("IAM groups")
struct IAMGroupTests {
    @Test("a group has an AGPA id; GetGroup lists its members")
    func createAndGet() throws {
        let test = try TestAccount()
        let group = try test.iam.createGroup("devs", path: "/eng/", caller: .root)
        #expect(group.id.hasPrefix("AGPA"))
        #expect(group.arn == "arn:aws:iam::123456789012:group/eng/devs")
        try test.iam.createUser("bob", caller: .root)
        try test.iam.createUser("alice", caller: .root)
        try test.iam.addUserToGroup(group: "devs", user: "bob", caller: .root)
        try test.iam.addUserToGroup(group: "devs", user: "alice", caller: .root)
        try test.iam.addUserToGroup(group: "devs", user: "alice", caller: .root)
        #expect(try test.iam.group("devs", caller: .root).users.map(\.name) == ["alice", "bob"])
        #expect(try test.iam.listGroupsForUser("alice", caller: .root).map(\.name) == ["devs"])
        #expect(try test.iam.listGroups(caller: .root).map(\.name) == ["devs"])
    }

    @Test("group names are unique without regard to case")
    func duplicate() throws {
        let test = try TestAccount()
        try test.iam.createGroup("Devs", caller: .root)
        expectEngineError("EntityAlreadyExists", 409, "Group with name Devs already exists") {
            try test.iam.createGroup("DEVS", caller: .root)
        }
    }

    @Test("DeleteGroup refuses while it has members, then while it has policies")
    func deleteConflicts() throws {
        let test = try TestAccount()
        try test.iam.createGroup("devs", caller: .root)
        try test.iam.createUser("alice", caller: .root)
        try test.iam.addUserToGroup(group: "devs", user: "alice", caller: .root)
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must remove users from group first.") {
            try test.iam.deleteGroup("devs", caller: .root)
        }
        try test.iam.removeUserFromGroup(group: "devs", user: "alice", caller: .root)
        try test.iam.attachPolicy(IAMDoc.s3ReadOnly, to: .group("devs"), caller: .root)
        expectEngineError("DeleteConflict", 409, "Cannot delete entity, must detach all policies first.") {
            try test.iam.deleteGroup("devs", caller: .root)
        }
        try test.iam.detachPolicy(IAMDoc.s3ReadOnly, from: .group("devs"), caller: .root)
        try test.iam.deleteGroup("devs", caller: .root)
        #expect(try test.iam.listGroups(caller: .root).isEmpty)
    }

    @Test("removing a user who is not a member is NoSuchEntity")
    func removeNonMember() throws {
        let test = try TestAccount()
        try test.iam.createGroup("devs", caller: .root)
        try test.iam.createUser("alice", caller: .root)
        expectEngineError("NoSuchEntity", 404, "User alice is not a member of group devs") {
            try test.iam.removeUserFromGroup(group: "devs", user: "alice", caller: .root)
        }
    }

    @Test("adding a missing user or to a missing group is NoSuchEntity")
    func missing() throws {
        let test = try TestAccount()
        try test.iam.createGroup("devs", caller: .root)
        expectEngineError("NoSuchEntity", 404, "The user with name ghost cannot be found") {
            try test.iam.addUserToGroup(group: "devs", user: "ghost", caller: .root)
        }
        expectEngineError("NoSuchEntity", 404, "The group with name nope cannot be found") {
            try test.iam.addUserToGroup(group: "nope", user: "ghost", caller: .root)
        }
    }

    @Test("a user can be in at most 10 groups")
    func groupsPerUser() throws {
        let test = try TestAccount()
        try test.iam.createUser("alice", caller: .root)
        for index in 1...10 {
            try test.iam.createGroup("g\(index)", caller: .root)
            try test.iam.addUserToGroup(group: "g\(index)", user: "alice", caller: .root)
        }
        try test.iam.createGroup("g11", caller: .root)
        expectEngineError("LimitExceeded", 409, "Cannot exceed quota for GroupsPerUser: 10") {
            try test.iam.addUserToGroup(group: "g11", user: "alice", caller: .root)
        }
    }
}
