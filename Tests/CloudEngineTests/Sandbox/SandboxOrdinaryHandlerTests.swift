import Foundation
import Testing
@testable import CloudEngine

/// What ordinary handlers do still works in the sandbox: their own /tmp (kept while the worker is warm,
/// capped by the ephemeral storage), subprocesses, and the limits Lambda documents.
@Suite("Sandbox: ordinary handlers still work", .enabled(if: WorkerSandbox.status.isAvailable))
struct SandboxOrdinaryHandlerTests {
    @Test("/tmp is the worker's own: written, read back on the next warm invocation, and empty for a new worker")
    func ownTmp() throws {
        let fx = try RuntimeFixture()
        try fx.write(["app.py": """
            import os

            def handler(event, context):
                path = "/tmp/kept.txt"
                seen = open(path).read() if os.path.exists(path) else None
                with open(path, "w") as f:
                    f.write(context.aws_request_id)
                return {"seen": seen, "listing": sorted(os.listdir("/tmp"))}
            """])
        let pool = fx.pool()
        defer { pool.shutdown() }
        let first = try pool.invoke(fx.spec(), fx.invocation())
        let second = try pool.invoke(fx.spec(), fx.invocation())
        #expect(first.status == .succeeded, "\(first.text)")
        let firstJSON = try #require(first.json as? [String: Any])
        let secondJSON = try #require(second.json as? [String: Any])
        #expect(firstJSON["seen"] is NSNull, "a new worker starts with an empty /tmp: \(first.text)")
        #expect(secondJSON["seen"] as? String == first.requestId)
        pool.retire(functionName: "fn")
        let fresh = try pool.invoke(fx.spec(), fx.invocation())
        #expect((fresh.json as? [String: Any])?["seen"] is NSNull, "a new worker must not see the last one's /tmp")
    }

    @Test("A handler can start a subprocess, Python included")
    func subprocesses() throws {
        let fx = try RuntimeFixture()
        try fx.write(["app.py": """
            import subprocess, sys

            def handler(event, context):
                echo = subprocess.run(["echo", "hi"], capture_output=True, text=True).stdout.strip()
                python = subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True).stdout.strip()
                return [echo, python]
            """])
        let pool = fx.pool()
        defer { pool.shutdown() }
        let result = try pool.invoke(fx.spec(), fx.invocation())
        #expect(result.json as? [String] == ["hi", "42"], "\(result.text)")
    }

    @Test("Writing past the ephemeral storage fails with an error the handler can catch")
    func ephemeralCap() throws {
        let fx = try RuntimeFixture()
        try fx.write(["app.py": """
            def handler(event, context):
                try:
                    with open("/tmp/big", "wb") as f:
                        for _ in range(4):
                            f.write(b"x" * (1024 * 1024))
                    return "wrote 4 MB"
                except OSError as error:
                    return "refused: " + error.__class__.__name__
            """])
        var spec = fx.spec()
        spec.ephemeralStorageMB = 2
        let pool = fx.pool()
        defer { pool.shutdown() }
        let result = try pool.invoke(spec, fx.invocation())
        #expect(result.text.hasPrefix("\"refused"), "\(result.text)")
    }

    @Test("The worker runs with no new privileges, no capabilities, and Lambda's limits on processes and file size")
    func limits() throws {
        let fx = try RuntimeFixture()
        try fx.write(["app.py": """
            import resource

            def handler(event, context):
                status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
                return {
                    "noNewPrivs": status["NoNewPrivs"].strip(),
                    "capEff": status["CapEff"].strip(),
                    "fsize": resource.getrlimit(resource.RLIMIT_FSIZE)[1],
                    "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[1],
                }
            """])
        let pool = fx.pool()
        defer { pool.shutdown() }
        let result = try pool.invoke(fx.spec(), fx.invocation())
        let json = try #require(result.json as? [String: Any], "\(result.text)")
        #expect(json["noNewPrivs"] as? String == "1")
        #expect(json["capEff"] as? String == "0000000000000000")
        #expect(json["fsize"] as? Int == 512 * 1_048_576)
        if WorkerSandbox.tryNamespace {
            #expect(json["nproc"] as? Int == Int(WorkerSandbox.processLimit))
        }
    }

    @Test("Unsandboxed, the same handler reaches what the user can (the comparison the benchmark makes)")
    func unsandboxedIsPlain() throws {
        let fx = try RuntimeFixture()
        try fx.write(["app.py": """
            def handler(event, context):
                return open("/proc/self/status").read().count("NoNewPrivs:\\t1")
            """])
        let pool = fx.pool(WorkerPoolSettings(isolation: .unsandboxed))
        defer { pool.shutdown() }
        let result = try pool.invoke(fx.spec(), fx.invocation())
        #expect(result.text == "0")
    }
}
