import Foundation
import Testing
@testable import CloudEngine

/// Missing permissions are named: which one, on which file or folder, and how to get it.
///
/// Root may read and write anything, so these run only as another user; the
/// command-line tests cover the same messages as `nobody` when run as root.
@Suite("Permissions on the account file", .disabled(if: geteuid() == 0, "root may read and write any file"))
final class AccountPermissionTests {
    let folder = ScratchFolder()
    let user = AccountFileCheck.currentUser

    func path(_ name: String = "account.sqlite") -> String { folder.path(name) }

    func makeAccount() throws -> String {
        _ = try Account.open(path: path())
        return path()
    }

    @Test("A file the user may not read")
    func unreadable() throws {
        let account = try makeAccount()
        chmod(account, 0o200)
        let reason = "you (\(user)) may not read it: it is --w------- and belongs to \(user). Run `chmod u+rw \(account)`."
        #expect(throws: AccountFileError.permissionDenied(path: account, reason: reason)) { try Account.open(path: account) }
    }

    @Test("A file the user may read but not write: refused for work, fine for reading")
    func readOnlyFile() throws {
        let account = try makeAccount()
        chmod(account, 0o400)
        let reason = "you (\(user)) may read it but not write to it: it is -r-------- and belongs to \(user). Overcast writes to the account as you work (`overcast info` only reads, and works). Run `chmod u+w \(account)`."
        #expect(throws: AccountFileError.permissionDenied(path: account, reason: reason)) { try Account.open(path: account) }
        #expect(try Account.openForReading(path: account).storage.listBuckets(caller: .root).isEmpty)
    }

    @Test("A folder the user may not create files in, for a new account")
    func unwritableFolderForNewAccount() throws {
        chmod(folder.url.path, 0o555)
        let reason = "you (\(user)) may not create files in the folder \(folder.url.path) (dr-xr-xr-x, belongs to \(user)), so the account cannot be created there. Choose a path in a folder of yours with --db."
        #expect(throws: AccountFileError.permissionDenied(path: path(), reason: reason)) { try Account.open(path: path()) }
    }

    @Test("A folder the user may not create the -wal and -shm files in")
    func unwritableFolderForCompanions() throws {
        let account = try makeAccount()
        chmod(folder.url.path, 0o555)
        let reason = "you (\(user)) may not create files in its folder \(folder.url.path) (dr-xr-xr-x, belongs to \(user)), and SQLite keeps \(account)-wal and \(account)-shm there while the account is open. Run `chmod u+wx \(folder.url.path)`."
        #expect(throws: AccountFileError.permissionDenied(path: account, reason: reason)) { try Account.open(path: account) }
    }

    @Test("A folder on the way the user may not look inside")
    func unsearchableFolder() throws {
        let inner = folder.url.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        chmod(inner.path, 0o600)
        defer { chmod(inner.path, 0o755) }
        let target = inner.appendingPathComponent("account.sqlite").path
        let reason = "you (\(user)) may not look inside the folder \(inner.path) (drw-------, belongs to \(user)): it lacks the x permission for you. Run `chmod u+x \(inner.path)`."
        #expect(throws: AccountFileError.permissionDenied(path: target, reason: reason)) { try Account.open(path: target) }
    }
}
