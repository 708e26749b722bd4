import Foundation
import IAMPolicy
import Testing
@testable import CloudEngine

/// A worker whose parent dies mid-invocation ends itself: nobody is left to enforce its timeout.
@Suite("Runtime: orphaned workers", .serialized)
struct RuntimeOrphanTests {
    @Test("Killing the invoking process stops a handler that never returns")
    func orphanEnds() throws {
        let env = try TestAccount()
        let source = """
            def handler(event, context):
                while True:
                    pass
            """
        try env.helloFunction("spinner", code: .files(["app.py": Data(source.utf8)]))
        try env.functions.updateFunctionConfiguration("spinner", settings: FunctionSettings(timeout: 900), caller: .root)
        let invoker = try FixtureProcess(["invoke", env.path, "spinner", "{}", "-"])
        #expect(invoker.waitForLine { $0 == "invoking" } != nil)
        // The sandboxed handler cannot write outside its own /tmp, so the worker is found as the invoker's child.
        var workerPID: pid_t = 0
        for _ in 0..<200 where workerPID == 0 {
            workerPID = Self.children(of: invoker.process.processIdentifier).first ?? 0
            if workerPID == 0 { usleep(50_000) }
        }
        try #require(workerPID > 0, "the handler never started")
        // Only the signal: Foundation's waitUntilExit would wait for the worker too (it inherits a descriptor).
        kill(invoker.process.processIdentifier, SIGKILL)
        defer { invoker.kill() }
        // The worker checks its parent every second; allow generously for a loaded machine.
        var alive = true
        for _ in 0..<200 where alive {
            alive = kill(workerPID, 0) == 0 && !Self.isZombie(workerPID)
            if alive { usleep(50_000) }
        }
        if alive { kill(workerPID, SIGKILL) }
        #expect(!alive, "the orphaned worker \(workerPID) was still running")
    }

    @Test("A worker inherits none of the invoking process's open files")
    func noInheritedDescriptors() throws {
        let env = try TestAccount()
        let marker = env.folder.appendingPathComponent("open-in-parent.txt").path
        FileManager.default.createFile(atPath: marker, contents: Data("x".utf8))
        let fd = open(marker, O_RDONLY) // deliberately without O_CLOEXEC
        try #require(fd >= 0)
        defer { close(fd) }
        let source = """
            import os, json

            def handler(event, context):
                seen = []
                for name in os.listdir("/proc/self/fd"):
                    try:
                        seen.append(os.readlink("/proc/self/fd/" + name))
                    except OSError:
                        pass
                return seen
            """
        try env.helloFunction("fds", code: .files(["app.py": Data(source.utf8)]))
        let response = try env.functions.invoke("fds", payload: Data("{}".utf8), caller: .root)
        let targets = try JSONSerialization.jsonObject(with: response.payload) as? [String] ?? []
        #expect(!targets.isEmpty)
        #expect(!targets.contains(marker), "the worker holds \(targets)")
        #expect(!targets.contains { $0.hasSuffix("account.sqlite") }, "the worker holds the account file: \(targets)")
    }

    /// The processes whose parent is `parent`, from /proc.
    static func children(of parent: pid_t) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { pid_t($0) }.filter { pid in
            guard let fields = ProcessIdentity.statFields(of: pid), fields.count > 1 else { return false }
            return pid_t(fields[1]) == parent
        }
    }

    /// An exited child of init can linger as a zombie for a moment; it is not running.
    static func isZombie(_ pid: pid_t) -> Bool {
        ProcessIdentity.statFields(of: pid)?.first == "Z"
    }
}
