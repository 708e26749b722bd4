import Foundation
import Testing
@testable import CloudEngine

/// Old code extractions of a function version are removed once no worker can still be using them.
@Suite("Runtime: pruning old code extractions")
struct RuntimeCodePruningTests {
    func extraction(_ folder: URL, _ name: String, usedSecondsAgo: TimeInterval) throws -> String {
        let path = folder.appendingPathComponent(name).path
        _ = try WorkerCodeDirectory.extract(code: ["app.py": Data("x = 1\n".utf8)], layers: [], into: path)
        let when = Date().addingTimeInterval(-usedSecondsAgo).timeIntervalSince1970
        var times = [timeval(tv_sec: Int(when), tv_usec: 0), timeval(tv_sec: Int(when), tv_usec: 0)]
        #expect(utimes(path + "/.complete", &times) == 0)
        return path
    }

    @Test("A new extraction removes the same version's extractions unused for 20 minutes, and only those")
    func prunes() throws {
        let folder = TestAccount.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stale = try extraction(folder, "LATEST-aaaa", usedSecondsAgo: 3_600)
        let recent = try extraction(folder, "LATEST-bbbb", usedSecondsAgo: 60)
        let otherVersion = try extraction(folder, "1-cccc", usedSecondsAgo: 3_600)
        let current = folder.appendingPathComponent("LATEST-dddd").path
        _ = try WorkerCodeDirectory.extract(code: ["app.py": Data("x = 2\n".utf8)], layers: [], into: current)
        WorkerCodeDirectory.pruneSiblings(of: current, prefix: "LATEST-")
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: stale), "unused for an hour: removed")
        #expect(fm.fileExists(atPath: recent), "used a minute ago: a retired worker may still run it")
        #expect(fm.fileExists(atPath: otherVersion), "another version's code is not this version's to prune")
        #expect(fm.fileExists(atPath: current + "/task/app.py"))
    }

    @Test("Reusing an extraction refreshes when it was last used, so a busy function's code is never pruned")
    func reuseRefreshes() throws {
        let folder = TestAccount.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try extraction(folder, "LATEST-aaaa", usedSecondsAgo: 3_600)
        _ = try WorkerCodeDirectory.extract(code: ["app.py": Data("x = 1\n".utf8)], layers: [], into: path)
        let used = try #require(WorkerCodeDirectory.lastUsed(path))
        #expect(Date().timeIntervalSince(used) < WorkerCodeDirectory.unusedLifetime)
    }

    @Test("Invoking new code prunes the function's stale extraction")
    func throughInvoke() throws {
        let env = try TestAccount()
        defer { try? FileManager.default.removeItem(atPath: env.functions.codeCacheDirectory) }
        try env.helloFunction("pruned")
        _ = try env.functions.invoke("pruned", payload: Data("{}".utf8), caller: .root)
        let folder = env.functions.codeCacheDirectory + "/pruned"
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        let when = Date().addingTimeInterval(-3_600).timeIntervalSince1970
        var times = [timeval(tv_sec: Int(when), tv_usec: 0), timeval(tv_sec: Int(when), tv_usec: 0)]
        #expect(utimes(folder + "/" + first + "/.complete", &times) == 0)
        _ = try env.functions.updateFunctionCode("pruned", code: .files(["app.py": Data("def handler(e, c):\n    return 2\n".utf8)]),
                                                 caller: .root)
        _ = try env.functions.invoke("pruned", payload: Data("{}".utf8), caller: .root)
        let now = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(now.count == 1)
        #expect(!now.contains(first))
        env.account.functionRuntime.shutdown()
    }
}
