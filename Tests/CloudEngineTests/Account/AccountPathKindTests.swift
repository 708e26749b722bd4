import Foundation
import Testing
@testable import CloudEngine

/// What is at the account path is named before anything opens it.
@Suite("What is at the account path")
final class AccountPathKindTests {
    let folder = ScratchFolder()

    func path(_ name: String) -> String { folder.path(name) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test("A directory is named as one, with the file path to give instead")
    func directory() throws {
        let dir = path("accounts")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let error = AccountFileError.notAFile(path: dir, kind: .directory, linkTarget: nil)
        #expect(throws: error) { try Account.open(path: dir) }
        #expect(throws: error) { try Account.openForReading(path: dir) }
        #expect(error.description == "\(dir) is a directory, not a file. Give --db the path of the account file itself, e.g. \(dir)/account.sqlite.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["accounts"])
    }

    @Test("A symbolic link to a directory says where it leads")
    func linkToDirectory() throws {
        try FileManager.default.createDirectory(atPath: path("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: "real")
        let error = AccountFileError.notAFile(path: path("link"), kind: .directory, linkTarget: "real")
        #expect(throws: error) { try Account.open(path: path("link")) }
        #expect(error.description.hasPrefix("\(path("link")) is a symbolic link to real, which is a directory, not a file."))
    }

    @Test("A dangling symbolic link is named, and nothing is created at its target")
    func danglingLink() throws {
        try FileManager.default.createSymbolicLink(atPath: path("link.sqlite"), withDestinationPath: "gone/account.sqlite")
        let error = AccountFileError.danglingSymlink(path: path("link.sqlite"), target: "gone/account.sqlite")
        #expect(throws: error) { try Account.open(path: path("link.sqlite")) }
        #expect(throws: error) { try Account.openForReading(path: path("link.sqlite")) }
        #expect(error.description == "\(path("link.sqlite")) is a symbolic link to gone/account.sqlite, which does not exist. Overcast does not create an account through a broken link: point the link at an account file, remove it, or choose another file with --db.")
        #expect(!exists(path("gone")))
    }

    @Test("A symbolic link to an account opens the account")
    func linkToAccount() throws {
        let made = try Account.open(path: path("real.sqlite"), options: AccountOptions(accountID: "123456789012"))
        try made.storage.createBucket("through-link", caller: .root)
        try FileManager.default.createSymbolicLink(atPath: path("link.sqlite"), withDestinationPath: "real.sqlite")
        let linked = try Account.open(path: path("link.sqlite"))
        #expect(linked.accountID == "123456789012")
        #expect(try Account.openForReading(path: path("link.sqlite")).storage.listBuckets(caller: .root).map(\.name)
                == ["through-link"])
    }

    @Test("A symbolic link that leads back to itself is named as a loop")
    func linkLoop() throws {
        try FileManager.default.createSymbolicLink(atPath: path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: path("b"), withDestinationPath: "a")
        let error = AccountFileError.unreachable(path: path("a"), reason:
            "it is a symbolic link that leads back to itself (a loop). Fix the link, or choose another path with --db.")
        #expect(throws: error) { try Account.open(path: path("a")) }
    }

    @Test("A FIFO is named and never opened (opening one would wait forever for a writer)")
    func fifo() throws {
        #expect(mkfifo(path("pipe"), 0o600) == 0)
        let error = AccountFileError.notAFile(path: path("pipe"), kind: .fifo, linkTarget: nil)
        #expect(throws: error) { try Account.open(path: path("pipe")) }
        #expect(throws: error) { try Account.openForReading(path: path("pipe")) }
        #expect(error.description == "\(path("pipe")) is a FIFO (named pipe), not a file. An account lives in a regular file: choose another path with --db.")
        #expect(UntouchedFile.companions(of: path("pipe")).isEmpty)
    }

    @Test("A socket is named")
    func socketFile() throws {
        let socketPath = path("s.sock")
        let descriptor = try bindUnixSocket(at: socketPath)
        defer { close(descriptor) }
        let error = AccountFileError.notAFile(path: socketPath, kind: .socket, linkTarget: nil)
        #expect(throws: error) { try Account.open(path: socketPath) }
        #expect(error.description.hasPrefix("\(socketPath) is a socket, not a file."))
    }

    @Test("A character device is named")
    func characterDevice() throws {
        try FileManager.default.createSymbolicLink(atPath: path("null"), withDestinationPath: "/dev/null")
        let error = AccountFileError.notAFile(path: path("null"), kind: .characterDevice, linkTarget: "/dev/null")
        #expect(throws: error) { try Account.open(path: path("null")) }
        #expect(error.description.hasPrefix("\(path("null")) is a symbolic link to /dev/null, which is a character device, not a file."))
    }

    @Test("A block device is named", .enabled(if: geteuid() == 0, "making a device node needs root"))
    func blockDevice() throws {
        // Loop device 7:255 is unlikely to exist; the node is only looked at, never opened.
        try #require(mknod(path("disk"), S_IFBLK | 0o600, dev_t(7 << 8 | 255)) == 0, "mknod is not permitted here")
        let error = AccountFileError.notAFile(path: path("disk"), kind: .blockDevice, linkTarget: nil)
        #expect(throws: error) { try Account.open(path: path("disk")) }
        #expect(error.description.hasPrefix("\(path("disk")) is a block device, not a file."))
    }

    @Test("A file where a folder should be is named")
    func fileAsFolder() throws {
        try Data("x".utf8).write(to: URL(fileURLWithPath: path("notes.txt")))
        let reason = "\(path("notes.txt")) is a file, not a folder. Choose a path whose folders are folders with --db."
        for target in [path("notes.txt") + "/account.sqlite", path("notes.txt") + "/deeper/account.sqlite"] {
            let error = AccountFileError.unreachable(path: target, reason: reason)
            #expect(throws: error) { try Account.open(path: target) }
            #expect(error.description == "Cannot open the account file \(target): \(reason)")
        }
    }

    /// Makes a Unix-domain socket file at `path` and returns its descriptor.
    func bindUnixSocket(at path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        return descriptor
    }
}
