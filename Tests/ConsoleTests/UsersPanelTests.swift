import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// Key scripts for the Users panel, through the reducer with the real engine.
@Suite("Users panel")
struct UsersPanelTests {
    static let s3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"

    private func fixture(size: Size = Size(width: 120, height: 40)) throws -> ConsoleFixture {
        let f = try ConsoleFixture(size: size)
        f.harness.send(.serviceChosen(.users))
        return f
    }

    /// n, a name, Enter: the user is created and opened.
    private func createUser(_ f: ConsoleFixture, _ name: String) {
        f.harness.press("n")
        f.harness.type(name)
        f.harness.press("enter")
    }

    /// On the permissions tab: a, filter to the policy, Enter.
    private func attach(_ f: ConsoleFixture, _ filter: String) {
        f.harness.press("a")
        f.harness.type(filter)
        f.harness.press("enter")
    }

    // MARK: - Users

    @Test(":users shows the empty list with what to do, and the Users | Groups tabs")
    func emptyList() throws {
        let f = try fixture()
        #expect(f.screen.contains("No users yet. Press n to create one."))
        #expect(f.screen.contains("1 Users (0)"))
        #expect(f.screen.contains("2 Groups (0)"))
    }

    @Test("n, a name and Enter create the user and open it on its permissions")
    func createUserOpensIt() throws {
        let f = try fixture()
        createUser(f, "alice")
        #expect(try f.account.iam.user("alice", caller: .root).path == "/")
        #expect(f.state.users.detail?.entity == .user("alice"))
        #expect(f.state.users.modal == nil)
        #expect(f.lastToast == "Created user alice. Attach policies (a) or create an access key on Access keys (3).")
        #expect(f.screen.contains("arn:aws:iam::123456789012:user/alice"))
        #expect(f.screen.contains("No permissions: the user may do nothing."))
    }

    @Test("a name in use keeps the form, says why, and creates nothing")
    func createUserTaken() throws {
        let f = try fixture()
        try f.account.iam.createUser("alice", caller: .root)
        f.harness.send(.accountChanged([.iam], external: true))
        f.harness.press("n")
        f.harness.type("ALICE")
        f.harness.press("enter")
        guard case .createUser(let form)? = f.state.users.modal else { Issue.record("the form closed"); return }
        #expect(form.visibleError("name") == "A user named ALICE exists (names ignore case)")
        #expect(try f.account.iam.listUsers(caller: .root).map(\.name) == ["alice"])
    }

    @Test("a, a filter and Enter attach AmazonS3ReadOnlyAccess through the picker")
    func attachThroughPicker() throws {
        let f = try fixture()
        createUser(f, "alice")
        attach(f, "AmazonS3ReadOnly")
        #expect(try f.account.iam.attachedPolicies(of: .user("alice"), caller: .root).map(\.arn) == [Self.s3ReadOnly])
        #expect(f.lastToast == "Attached AmazonS3ReadOnlyAccess to alice.")
        #expect(f.state.users.modal == nil)
        #expect(f.screen.contains("AmazonS3ReadOnlyAccess"))
        #expect(f.screen.contains("AWS managed"))
        // Opened again, the picker shows it as attached and Enter on it does nothing.
        f.harness.press("a")
        f.harness.type("AmazonS3ReadOnly")
        #expect(f.screen.contains("attached"))
    }

    @Test("i, the form and Enter add an inline policy, selected when it arrives")
    func inlineThroughForm() throws {
        let f = try fixture()
        createUser(f, "alice")
        f.harness.press("i")
        f.harness.type("read-uploads")
        f.harness.press("tab", "tab", "tab")
        f.harness.type("GetObj")
        f.harness.press("tab")
        guard case .inlineForm(let form, _)? = f.state.users.modal else { Issue.record("no form"); return }
        #expect(form.values.text("actions") == "GetObject, ")
        f.harness.press("enter")
        let document = try f.account.iam.inlinePolicy("read-uploads", of: .user("alice"), caller: .root).document
        #expect(document.contains("\"s3:GetObject\""))
        #expect(f.lastToast == "Saved inline policy read-uploads of alice.")
        #expect(f.state.users.detail?.selectedPermission?.name == "read-uploads")
    }

    @Test("a malformed document from the editor is refused with IAM's words and can be edited again, text kept")
    func malformedFromEditor() throws {
        let script = FunctionsEditorScript()
        let f = try ConsoleFixture(editor: script.editor)
        f.harness.send(.serviceChosen(.users))
        createUser(f, "alice")
        try f.account.iam.putInlinePolicy("p", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}"#,
                                          on: .user("alice"), caller: .root)
        f.harness.settle()
        script.next { _, _ in Data(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}"#.utf8) }
        f.harness.press("e")
        guard case .documentRefused(let message, let edit)? = f.state.users.modal else { Issue.record("not refused"); return }
        #expect(message.hasPrefix("MalformedPolicyDocument"))
        #expect(edit.text.contains("\"Effect\": \"Allow\"}"))
        #expect(f.screen.contains("The document was refused"))
        script.next { _, data in
            #expect(String(decoding: data, as: UTF8.self).contains("[{\"Effect\": \"Allow\"}]"))
            return Data(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#.utf8)
        }
        f.harness.press("enter")
        #expect(try f.account.iam.inlinePolicy("p", of: .user("alice"), caller: .root).document.contains("s3:GetObject"))
        #expect(f.lastToast == "Saved inline policy p of alice.")
    }

    @Test("n on Access keys shows the secret once; closing the dialog forgets it")
    func createKeyShowsSecretOnce() throws {
        let f = try fixture()
        createUser(f, "alice")
        f.harness.press("3")
        #expect(f.screen.contains("No access keys. Press n to create one"))
        f.harness.press("n")
        guard case .newKey(let key)? = f.state.users.modal else { Issue.record("no new-key dialog"); return }
        #expect(key.userName == "alice")
        #expect(key.secretAccessKey.count == 40)
        #expect(f.screen.contains(key.secretAccessKey))
        #expect(f.screen.contains("Copy it now; it can't be shown again."))
        f.harness.press("enter")
        #expect(f.state.users.modal == nil)
        #expect(!f.screen.contains(key.secretAccessKey))
        #expect(f.screen.contains(key.accessKeyID))
        #expect(f.screen.contains("Active"))
        #expect(f.lastToast == "The secret of \(key.accessKeyID) is no longer shown anywhere.")
        #expect(!String(describing: f.state.users).contains(key.secretAccessKey))
    }

    @Test("a third access key is refused with IAM's LimitExceeded words")
    func thirdKeyRefused() throws {
        let f = try fixture()
        createUser(f, "alice")
        f.harness.press("3")
        for _ in 0..<2 {
            f.harness.press("n")
            f.harness.press("enter")
        }
        f.harness.press("n")
        #expect(f.state.users.modal == nil)
        #expect(f.lastToast.hasPrefix("LimitExceeded: Cannot exceed quota for AccessKeysPerUser: 2. User alice already has 2 access keys"))
        #expect(f.state.toasts.last?.kind == .error)
        #expect(try f.account.iam.listAccessKeys(userName: "alice", caller: .root).count == 2)
    }

    @Test("d deactivates the key under the cursor and activates it again")
    func toggleKey() throws {
        let f = try fixture()
        createUser(f, "alice")
        f.harness.press("3", "n", "enter")
        f.harness.press("d")
        #expect(try f.account.iam.listAccessKeys(userName: "alice", caller: .root).first?.status == .inactive)
        #expect(f.screen.contains("Inactive"))
        f.harness.press("d")
        #expect(try f.account.iam.listAccessKeys(userName: "alice", caller: .root).first?.status == .active)
    }

    @Test("x on a user lists what it holds; typing its name deletes it all in one step")
    func deleteUserWithEverything() throws {
        let f = try fixture()
        createUser(f, "alice")
        attach(f, "AmazonS3ReadOnly")
        try f.account.iam.putInlinePolicy("p", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}"#,
                                          on: .user("alice"), caller: .root)
        try f.account.iam.createGroup("readers", caller: .root)
        try f.account.iam.addUserToGroup(group: "readers", user: "alice", caller: .root)
        let key = try f.account.iam.createAccessKey(userName: "alice", caller: .root)
        f.harness.press("esc")
        #expect(f.state.users.detail == nil)
        f.harness.press("x")
        guard case .confirm(let confirmation, .deleteUser("alice"))? = f.state.users.modal else {
            Issue.record("no confirmation"); return
        }
        #expect(confirmation.message.contains("deletes 1 access key (\(key.accessKeyID))"))
        #expect(confirmation.message.contains("removes it from 1 group (readers)"))
        #expect(confirmation.message.contains("detaches 1 managed policy (AmazonS3ReadOnlyAccess)"))
        #expect(confirmation.message.contains("deletes 1 inline policy (p)"))
        #expect(confirmation.requireTypedName)
        f.harness.press("enter")
        #expect(try f.account.iam.listUsers(caller: .root).isEmpty == false, "Enter before the name is typed does nothing")
        f.harness.type("alice")
        f.harness.press("enter")
        #expect(try f.account.iam.listUsers(caller: .root).isEmpty)
        #expect(try f.account.iam.group("readers", caller: .root).users.isEmpty)
        #expect(f.lastToast == "Deleted user alice.")
        #expect(f.screen.contains("No users yet. Press n to create one."))
    }

    @Test("a step the console's identity may not take refuses the whole deletion with AccessDenied, and the user stays")
    func deleteRefusedWholly() throws {
        let f = try fixture()
        let iam = f.account.iam
        let admin = try iam.createUser("admin", caller: .root)
        try iam.putInlinePolicy("all-but-keys", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"},{"Effect":"Deny","Action":"iam:DeleteAccessKey","Resource":"*"}]}"#,
                                on: .user("admin"), caller: .root)
        try iam.createUser("alice", caller: .root)
        try iam.attachPolicy(Self.s3ReadOnly, to: .user("alice"), caller: .root)
        try iam.createAccessKey(userName: "alice", caller: .root)
        f.harness.update { $0.identity = ConsoleIdentity(caller: admin.caller, label: "user admin") }
        f.harness.send(.accountChanged([.iam], external: true))
        f.harness.press("g", "j", "x")
        f.harness.type("alice")
        f.harness.press("enter")
        #expect(f.state.users.modal == nil)
        #expect(f.lastToast.hasPrefix("AccessDenied: "))
        #expect(f.lastToast.contains("iam:DeleteAccessKey"))
        #expect(try iam.listAccessKeys(userName: "alice", caller: .root).count == 1)
        #expect(try iam.attachedPolicies(of: .user("alice"), caller: .root).map(\.arn) == [Self.s3ReadOnly])
    }

    @Test("the groups tab adds the user to a group from a list and removes it")
    func userGroupsTab() throws {
        let f = try fixture()
        try f.account.iam.createGroup("readers", caller: .root)
        createUser(f, "alice")
        f.harness.press("2")
        #expect(f.screen.contains("alice is in no group. Press a to add it to one"))
        f.harness.press("a", "enter")
        #expect(try f.account.iam.listGroupsForUser("alice", caller: .root).map(\.name) == ["readers"])
        #expect(f.lastToast == "Added alice to group readers.")
        f.harness.press("x", "y")
        #expect(try f.account.iam.listGroupsForUser("alice", caller: .root).isEmpty)
        #expect(f.lastToast == "Removed alice from group readers.")
    }

    @Test("/ filters the user list")
    func filter() throws {
        let f = try fixture()
        for name in ["alice", "bob", "alina"] { try f.account.iam.createUser(name, caller: .root) }
        f.harness.send(.accountChanged([.iam], external: true))
        f.harness.press("/")
        f.harness.type("ali")
        f.harness.press("enter")
        #expect(f.state.users.userTable.rows.map(\.id) == ["alice", "alina"])
        #expect(f.screen.contains("2 of 3"))
    }

    // MARK: - Groups

    @Test("] shows groups; n creates one; a on Members adds a user; D deletes it with its members after the name is typed")
    func groupJourney() throws {
        let f = try fixture()
        try f.account.iam.createUser("alice", caller: .root)
        f.harness.send(.accountChanged([.iam], external: true))
        f.harness.press("]")
        #expect(f.state.users.list == .groups)
        #expect(f.screen.contains("No groups yet. Press n to create one"))
        f.harness.press("n")
        f.harness.type("readers")
        f.harness.press("enter")
        #expect(try f.account.iam.listGroups(caller: .root).map(\.name) == ["readers"])
        #expect(f.state.users.detail?.entity == .group("readers"))
        f.harness.press("2")
        #expect(f.screen.contains("No members. Press a to add a user"))
        f.harness.press("a", "enter")
        #expect(try f.account.iam.group("readers", caller: .root).users.map(\.name) == ["alice"])
        attachFromTab(f)
        f.harness.press("D")
        guard case .confirm(let confirmation, .deleteGroup("readers", detachingEverything: true))? = f.state.users.modal else {
            Issue.record("no confirmation"); return
        }
        #expect(confirmation.message.contains("IAM refuses to delete a group that has members or policies (DeleteConflict)"))
        #expect(confirmation.message.contains("removes 1 member (alice)"))
        #expect(confirmation.message.contains("detaches 1 managed policy (AmazonS3ReadOnlyAccess)"))
        #expect(confirmation.message.contains("The users themselves stay."))
        f.harness.type("readers")
        f.harness.press("enter")
        #expect(try f.account.iam.listGroups(caller: .root).isEmpty)
        #expect(try f.account.iam.user("alice", caller: .root).name == "alice")
        #expect(f.lastToast == "Deleted group readers.")
        #expect(f.state.users.detail == nil)
        #expect(f.state.users.list == .groups)
    }

    /// From the members tab: back to permissions and attach AmazonS3ReadOnlyAccess.
    private func attachFromTab(_ f: ConsoleFixture) {
        f.harness.press("1")
        attach(f, "AmazonS3ReadOnly")
    }

    @Test("an empty group is deleted with a plain y/n confirmation")
    func deleteEmptyGroup() throws {
        let f = try fixture()
        try f.account.iam.createGroup("empty", caller: .root)
        f.harness.send(.accountChanged([.iam], external: true))
        f.harness.press("]", "x")
        guard case .confirm(let confirmation, .deleteGroup("empty", detachingEverything: false))? = f.state.users.modal else {
            Issue.record("no confirmation"); return
        }
        #expect(confirmation.message == "Delete group empty?")
        f.harness.press("y")
        #expect(try f.account.iam.listGroups(caller: .root).isEmpty)
    }

    @Test("the group list shows members and policy counts")
    func groupList() throws {
        let f = try fixture()
        try f.account.iam.createUser("alice", caller: .root)
        try f.account.iam.createGroup("readers", caller: .root)
        try f.account.iam.addUserToGroup(group: "readers", user: "alice", caller: .root)
        try f.account.iam.attachPolicy(Self.s3ReadOnly, to: .group("readers"), caller: .root)
        f.harness.send(.accountChanged([.iam], external: true))
        f.harness.press("]")
        let cells = try #require(f.state.users.groupTable.rows.first?.cells)
        #expect(Array(cells.prefix(4)) == ["readers", "alice", "1", "/"])
    }
}
