import Foundation
import Testing
@testable import CloudEngine

/// Handlers that try what an attacker would: each attempt must fail, because a function's only authority
/// is its role's credentials. The account lives outside the temporary folder here, so that the worker's own
/// `/tmp` does not hide it and only the sandbox stands in the way.
@Suite("Sandbox: hostile handlers are stopped", .serialized, .enabled(if: WorkerSandbox.status.isAvailable))
final class SandboxHostileHandlerTests {
    let env: TestAccount

    static let probes = """
        import json, os, pwd, sys

        def _read_parent_fd(event):
            parent = os.getppid()
            found = []
            for name in os.listdir("/proc/%d/fd" % parent):
                target = os.readlink("/proc/%d/fd/%s" % (parent, name))
                found.append(target)
                if target.endswith("account.sqlite"):
                    with open("/proc/%d/fd/%s" % (parent, name), "rb") as f:
                        return f.read(16)
            return found

        def _other_environments(event):
            readable = []
            for name in os.listdir("/proc"):
                if name.isdigit() and int(name) != os.getpid():
                    try:
                        with open("/proc/%s/environ" % name, "rb") as f:
                            readable.append((name, f.read(200)))
                    except OSError:
                        pass
            if readable:
                return readable
            raise PermissionError("no other process's environment is readable")

        def _write(path):
            with open(path, "a") as f:
                f.write("# changed by another function\\n")
            return "written"

        PROBES = {
            "read_account": lambda e: open(e["path"], "rb").read(16),
            "read_account_through_parent_fd": _read_parent_fd,
            "read_parent_environ": lambda e: open("/proc/%d/environ" % os.getppid(), "rb").read(),
            "read_other_environments": _other_environments,
            "write_other_function_code": lambda e: _write(e["path"]),
            "write_own_code": lambda e: _write(os.path.join(os.environ["LAMBDA_TASK_ROOT"], "app.py")),
            "write_beside_account": lambda e: _write(e["path"]),
            "list_home": lambda e: os.listdir(pwd.getpwuid(os.getuid()).pw_dir),
            "signal_parent": lambda e: os.kill(os.getppid(), 0),
        }

        def handler(event, context):
            try:
                detail = PROBES[event["probe"]](event)
                return {"outcome": "allowed", "detail": repr(detail)[:300]}
            except OSError as error:
                return {"outcome": "denied", "detail": repr(error)}
        """

    init() throws {
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".build/sandbox-tests/\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        env = try TestAccount(folder: folder)
        try env.helloFunction("victim")
        try env.helloFunction("attacker", code: .files(["app.py": Data(Self.probes.utf8)]))
        _ = try env.functions.invoke("victim", payload: Data("{}".utf8), caller: .root)
    }

    deinit {
        env.account.functionRuntime.shutdown()
        try? FileManager.default.removeItem(atPath: env.functions.codeCacheDirectory)
    }

    func probe(_ name: String, path: String = "") throws -> (outcome: String, detail: String) {
        let event = try JSONSerialization.data(withJSONObject: ["probe": name, "path": path])
        let response = try env.functions.invoke("attacker", payload: event, caller: .root)
        let json = try #require(response.json, "no JSON from the probe: \(String(decoding: response.payload, as: UTF8.self))")
        return (json["outcome"] as? String ?? "?", json["detail"] as? String ?? "")
    }

    func victimCode() throws -> String {
        let folder = env.functions.codeCacheDirectory + "/victim"
        let extraction = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        return folder + "/" + extraction + "/task/app.py"
    }

    @Test("A handler cannot read the account file by its path")
    func accountByPath() throws {
        let result = try probe("read_account", path: env.path)
        #expect(result.outcome == "denied", "\(result.detail)")
    }

    @Test("A handler cannot reach the account file through /proc/<parent>/fd")
    func accountThroughParentDescriptors() throws {
        let result = try probe("read_account_through_parent_fd")
        #expect(result.outcome == "denied", "\(result.detail)")
    }

    @Test("A handler cannot read /proc/<parent>/environ")
    func parentEnvironment() throws {
        let result = try probe("read_parent_environ")
        #expect(result.outcome == "denied", "\(result.detail)")
    }

    @Test("A handler cannot read any other process's environment, another function's worker included")
    func otherEnvironments() throws {
        let victimPool = try #require(env.account.functionRuntime.existingPool)
        #expect(victimPool.idleWorkerCount(functionName: "victim") == 1, "the victim's worker is alive while the probe runs")
        let result = try probe("read_other_environments")
        #expect(result.outcome == "denied", "\(result.detail)")
    }

    @Test("A handler cannot change another function's code, nor its own")
    func otherFunctionsCode() throws {
        let victim = try victimCode()
        let before = try Data(contentsOf: URL(fileURLWithPath: victim))
        let other = try probe("write_other_function_code", path: victim)
        #expect(other.outcome == "denied", "\(other.detail)")
        let own = try probe("write_own_code")
        #expect(own.outcome == "denied", "\(own.detail)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == before)
    }

    @Test("A handler cannot write outside its /tmp")
    func writeOutsideTmp() throws {
        let target = env.folder.appendingPathComponent("planted.py").path
        let result = try probe("write_beside_account", path: target)
        #expect(result.outcome == "denied", "\(result.detail)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("A handler cannot list the user's home")
    func home() throws {
        let result = try probe("list_home")
        #expect(result.outcome == "denied", "\(result.detail)")
    }

    @Test("A handler cannot signal the process that runs it")
    func signalParent() throws {
        guard WorkerSandbox.status.landlockABI >= 6 else { return }
        let result = try probe("signal_parent")
        #expect(result.outcome == "denied", "\(result.detail)")
    }
}
