import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// The Users panel's screens, at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Users screens")
struct UsersScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]
    static let s3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"

    /// Builds the screen with `setup` at each size and compares it with `Snapshots/UsersScreenGoldenTests/<name>_<W>x<H>.txt`.
    func golden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (ConsoleFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try ConsoleFixture(size: size)
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    /// alice (a developer with two keys, one inactive, and two policies), bob (nothing yet), a long-named service
    /// user; groups developers (alice, with a policy) and auditors (empty).
    func sample(_ f: ConsoleFixture) throws {
        let iam = f.account.iam
        try iam.createUser("alice", tags: [IAMTag(key: "team", value: "data")], caller: .root)
        try iam.attachPolicy(Self.s3ReadOnly, to: .user("alice"), caller: .root)
        try iam.putInlinePolicy("read-uploads", document: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::uploads", "arn:aws:s3:::uploads/*"]}]}
            """, on: .user("alice"), caller: .root)
        f.clock.advance(by: 3600)
        let first = try iam.createAccessKey(userName: "alice", caller: .root)
        try iam.createAccessKey(userName: "alice", caller: .root)
        try iam.updateAccessKey(first.accessKeyID, status: .inactive, userName: "alice", caller: .root)
        try iam.recordAccessKeyUse(first.accessKeyID, service: "s3")
        f.clock.advance(by: 7200)
        try iam.createUser("bob", caller: .root)
        try iam.createUser("ingest-pipeline-service-account-for-nightly-batch-loads", path: "/service/", caller: .root)
        try iam.createGroup("developers", caller: .root)
        try iam.createGroup("auditors", caller: .root)
        try iam.addUserToGroup(group: "developers", user: "alice", caller: .root)
        try iam.attachPolicy("arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess", to: .group("developers"), caller: .root)
        f.harness.send(.serviceChosen(.users))
    }

    /// Opens the user named `name` from the list.
    func open(_ f: ConsoleFixture, _ name: String) {
        f.harness.press("g")
        while f.state.users.table.selectedID != name {
            let before = f.state.users.table.selectedID
            f.harness.press("j")
            if f.state.users.table.selectedID == before { break }
        }
        f.harness.press("enter")
    }

    @Test func emptyUsers() throws {
        try golden("emptyUsers") { $0.harness.send(.serviceChosen(.users)) }
    }

    @Test func userList() throws { try golden("userList") { try sample($0) } }

    @Test func userPermissions() throws {
        try golden("userPermissions") { f in
            try sample(f)
            open(f, "alice")
        }
    }

    @Test func userPermissionsEmpty() throws {
        try golden("userPermissionsEmpty") { f in
            try sample(f)
            open(f, "bob")
        }
    }

    @Test func userAccessKeys() throws {
        try golden("userAccessKeys") { f in
            try sample(f)
            open(f, "alice")
            f.harness.press("3")
        }
    }

    @Test func newKeyDialog() throws {
        try golden("newKeyDialog") { f in
            try sample(f)
            open(f, "bob")
            f.harness.press("3", "n")
        }
    }

    @Test func createUserForm() throws {
        try golden("createUserForm") { f in
            try sample(f)
            f.harness.press("n")
            f.harness.type("carol")
        }
    }

    @Test func deleteUserConfirmation() throws {
        try golden("deleteUserConfirmation") { f in
            try sample(f)
            open(f, "alice")
            f.harness.press("esc", "x")
        }
    }

    @Test func groupList() throws {
        try golden("groupList") { f in
            try sample(f)
            f.harness.press("]")
        }
    }

    @Test func groupMembers() throws {
        try golden("groupMembers") { f in
            try sample(f)
            f.harness.press("]")
            open(f, "developers")
            f.harness.press("2")
        }
    }

    @Test func emptyGroups() throws {
        try golden("emptyGroups") { f in
            f.harness.send(.serviceChosen(.users))
            f.harness.press("]")
        }
    }

    @Test func addToGroupChoice() throws {
        try golden("addToGroupChoice") { f in
            try sample(f)
            open(f, "alice")
            f.harness.press("2", "a")
        }
    }
}
