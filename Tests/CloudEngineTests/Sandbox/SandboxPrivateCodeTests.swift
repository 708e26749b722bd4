import Foundation
import Testing
@testable import CloudEngine

/// Extracted code lives in a folder only the user can reach, is read-only, and is checked before a new
/// worker runs it.
@Suite("Sandbox: private, read-only, verified code")
struct SandboxPrivateCodeTests {
    func scratchParent() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-private-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("A private folder made by someone else is refused, naming the path and the owner")
    func foreignOwner() throws {
        let parent = try scratchParent()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let root = parent + "/overcast"
        #expect(mkdir(root, 0o700) == 0)
        guard geteuid() == 0 else { return } // only root can give a folder away
        #expect(chown(root, 65_534, 65_534) == 0)
        let error = try #require(throws: EngineError.self) { try WorkerDirectories.prepare(root: root) }
        #expect(error.message.contains(root))
        #expect(error.message.contains("belongs to uid 65534"))
    }

    @Test("A symbolic link in the private folder's place is refused")
    func symlink() throws {
        let parent = try scratchParent()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let elsewhere = parent + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        chmod(elsewhere, 0o700)
        let root = parent + "/overcast"
        #expect(Glibc.symlink(elsewhere, root) == 0)
        let error = try #require(throws: EngineError.self) { try WorkerDirectories.prepare(root: root) }
        #expect(error.message == "Overcast's private folder \(root) is a symbolic link. Overcast keeps function code only in a real folder of its own; remove the link, or set XDG_RUNTIME_DIR to another folder.")
    }

    @Test("A private folder others can write to is refused; one they can only read is made private")
    func modes() throws {
        let parent = try scratchParent()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let open = parent + "/open"
        #expect(mkdir(open, 0o777) == 0)
        chmod(open, 0o777)
        let error = try #require(throws: EngineError.self) { try WorkerDirectories.prepare(root: open) }
        #expect(error.message.contains("can be written by other users (mode 777)"))
        let readable = parent + "/readable"
        #expect(mkdir(readable, 0o755) == 0)
        _ = try WorkerDirectories.prepare(root: readable)
        var info = stat()
        #expect(stat(readable, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test("An invocation on a refused private folder fails with the folder's reason")
    func invokeRefused() throws {
        let parent = try scratchParent()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let root = parent + "/overcast"
        #expect(Glibc.symlink("/tmp", root) == 0)
        let env = try TestAccount()
        env.account.functionRuntime.configurePool(WorkerPoolSettings(privateDirectory: root))
        try env.helloFunction("hello")
        let error = try #require(throws: EngineError.self) {
            try env.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        }
        #expect(error.code == "ServiceException")
        #expect(error.message.contains("\(root) is a symbolic link"))
    }

    @Test("Extracted code is read-only, in folders only the user can reach")
    func readOnly() throws {
        let env = try TestAccount()
        defer { env.removeCodeCache(); env.account.functionRuntime.shutdown() }
        try env.helloFunction("hello")
        _ = try env.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        let folder = env.functions.codeCacheDirectory + "/hello"
        let extraction = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        var info = stat()
        #expect(stat(folder + "/" + extraction + "/task/app.py", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o444)
        #expect(stat(folder + "/" + extraction + "/task", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o555)
        #expect(stat(env.account.functionRuntime.privateRoot, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
    }

    @Test("Code changed on disk, or a module added beside it, is extracted again before a new worker runs it")
    func tamperedCodeIsReplaced() throws {
        let env = try TestAccount()
        defer { env.removeCodeCache(); env.account.functionRuntime.shutdown() }
        let source = "def handler(event, context):\n    return 'stored'\n"
        try env.helloFunction("hello", code: .files(["app.py": Data(source.utf8)]))
        _ = try env.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        let folder = env.functions.codeCacheDirectory + "/hello"
        let extraction = folder + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first))
        let app = extraction + "/task/app.py"
        chmod(extraction + "/task", 0o755)
        chmod(app, 0o644)
        try Data("def handler(event, context):\n    return 'tampered'\n".utf8).write(to: URL(fileURLWithPath: app))
        try Data("raise SystemExit('planted')\n".utf8).write(to: URL(fileURLWithPath: extraction + "/task/json.py"))
        env.account.functionRuntime.existingPool?.retire(functionName: "hello")
        let response = try env.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        #expect(String(decoding: response.payload, as: UTF8.self) == "\"stored\"")
        #expect(!FileManager.default.fileExists(atPath: extraction + "/task/json.py"))
    }
}
