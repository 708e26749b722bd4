import CloudEngine
import Foundation

/// The figures of issue 5: a warm no-op invocation, a cold start beside `python3 -c pass`,
/// and 1,000 asynchronous invocations fired by S3 uploads.
enum FunctionBenchmarks {
    static func run() throws {
        try runtimeFigures()
        try s3EventBurst()
    }

    /// 1,000 PutObjects into a bucket whose notification invokes a Python function: time until every
    /// event has been delivered and every invocation has finished, and how many succeeded.
    static func s3EventBurst(count: Int = 1_000) throws {
        let folder = try Measurement.scratchFolder("events")
        defer { try? FileManager.default.removeItem(at: folder) }
        let account = try Account.open(path: folder.appendingPathComponent("events.sqlite").path)
        let trust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#
        let role = try account.iam.createRole("on-upload-role", trustPolicy: trust, caller: .root)
        try account.iam.attachPolicy("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", to: .role(role.name), caller: .root)
        let source = "def handler(event, context):\n    print(event['Records'][0]['s3']['object']['key'])\n"
        let function = try account.functions.createFunction("on-upload", runtime: "python3.12", handler: "app.handler", role: role.arn,
                                                            code: .files(["app.py": Data(source.utf8)]), caller: .root)
        try account.storage.createBucket("uploads", caller: .root)
        try account.functions.addPermission(function: "on-upload", FunctionPermission(
            statementID: "s3", principal: "s3.amazonaws.com", sourceARN: "arn:aws:s3:::uploads", sourceAccount: account.accountID),
            caller: .root)
        try account.storage.putNotificationConfiguration(bucket: "uploads", NotificationConfiguration(lambdaFunctionConfigurations: [
            LambdaFunctionConfiguration(id: "csv", functionARN: function.functionARN, events: ["s3:ObjectCreated:*"], suffix: ".csv"),
        ]), caller: .root)
        let body = Data("a,b\n1,2\n".utf8)
        let seconds = try Measurement.seconds {
            for index in 0..<count {
                try account.storage.putObject(bucket: "uploads", key: "in/\(index).csv", body: DataBodySource(body), caller: .root)
            }
            _ = try account.events.drainOnce()
            account.functionRuntime.drainAsyncInvocations()
        }
        let succeeded = try account.functions.invocations(function: "on-upload", limit: count * 3, caller: .root)
            .filter { $0.status == .success }.count
        Measurement.report("functions.s3_events_1000_delivered", Double(succeeded), "invocations")
        Measurement.report("functions.s3_events_1000_per_s", Double(count) / seconds, "events/s")
        account.functionRuntime.shutdown()
    }

    /// Warm and cold invocations of a no-op handler, with the sandbox and without it, in one run: the cold
    /// starts alternate between the two so that a change in the machine's load falls on both alike.
    static func runtimeFigures() throws {
        // The code lives in the private folder, as extracted code does: a sandboxed worker's /tmp is its own.
        let directories = try WorkerDirectories.prepare(root: PrivateDirectory.defaultRoot())
        let folder = URL(fileURLWithPath: directories.root).appendingPathComponent("bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = folder.appendingPathComponent("code")
        try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
        try "def handler(event, context):\n    return None\n".write(
            to: code.appendingPathComponent("noop.py"), atomically: true, encoding: .utf8)
        let sandboxed = Runner(isolation: .sandboxed, code: code.path)
        let plain = Runner(isolation: .unsandboxed, code: code.path)
        defer { sandboxed.pool.shutdown(); plain.pool.shutdown() }

        for (runner, suffix) in [(sandboxed, ""), (plain, "_unsandboxed")] {
            _ = try runner.invoke()
            // The handler does nothing (about a microsecond of Python), so the whole round trip is the overhead.
            var wall: [Double] = []
            for _ in 0..<1_000 { wall.append(try runner.invoke().wall) }
            Measurement.report("functions.warm_noop_invoke\(suffix)_median_ms", Measurement.percentile(wall, 0.5), "ms")
            Measurement.report("functions.warm_noop_invoke\(suffix)_p99_ms", Measurement.percentile(wall, 0.99), "ms")
        }

        // Pairs taken back to back: the median of their differences is the sandbox's cost, steadier than the
        // difference of two medians on a machine whose load drifts.
        var cold: [Double] = []
        var coldPlain: [Double] = []
        for _ in 0..<50 {
            cold.append(try sandboxed.coldStart())
            coldPlain.append(try plain.coldStart())
        }
        let python = try PythonRuntime.locate()
        var bare: [Double] = []
        // posix_spawn and waitpid, as a plain start of python: Foundation's Process adds tens of
        // milliseconds of its own on Linux, which would flatter the comparison.
        for _ in 0..<20 {
            bare.append(try Measurement.seconds { try spawnAndWait(python.executable, ["-c", "pass"]) } * 1000)
        }
        let coldMedian = Measurement.percentile(cold, 0.5)
        let plainMedian = Measurement.percentile(coldPlain, 0.5)
        let bareMedian = Measurement.percentile(bare, 0.5)
        Measurement.report("functions.cold_start_median_ms", coldMedian, "ms")
        Measurement.report("functions.cold_start_unsandboxed_median_ms", plainMedian, "ms")
        Measurement.report("functions.sandbox_cold_start_cost_median_ms",
                           Measurement.percentile(zip(cold, coldPlain).map { $0 - $1 }, 0.5), "ms")
        Measurement.report("functions.python_c_pass_median_ms", bareMedian, "ms")
        Measurement.report("functions.cold_start_over_python_median_ms", coldMedian - bareMedian, "ms")
        Measurement.report("functions.sandbox_landlock_abi", Double(WorkerSandbox.status.landlockABI), "abi")
    }

    /// One pool and its no-op function, sandboxed or not.
    final class Runner {
        let pool: WorkerPool
        let spec: WorkerFunctionSpec
        var counter = 0

        init(isolation: WorkerIsolation, code: String) {
            pool = WorkerPool(settings: WorkerPoolSettings(isolation: isolation), clock: SystemClock(), ids: SystemIDGenerator())
            spec = WorkerFunctionSpec(functionName: "noop", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:noop",
                                      revision: "bench", handler: "noop.handler", codeDirectory: code)
        }

        func invoke() throws -> (wall: Double, result: WorkerInvocationResult) {
            counter += 1
            let invocation = WorkerInvocation(requestId: "bench-\(counter)", payload: Data("{}".utf8))
            var result: WorkerInvocationResult?
            let wall = try Measurement.seconds { result = try pool.invoke(spec, invocation) } * 1000
            guard let result, result.status == .succeeded else {
                throw EngineError.internalError("the no-op handler did not succeed: \(String(describing: result?.status))")
            }
            return (wall, result)
        }

        /// A retired function's first invocation: spawn, sandbox, bootstrap, import, invoke.
        func coldStart() throws -> Double {
            pool.retire(functionName: "noop")
            let (ms, result) = try invoke()
            precondition(result.coldStart, "a retired function must start cold")
            return ms
        }
    }

    static func spawnAndWait(_ executable: String, _ arguments: [String]) throws {
        var cArguments: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, nil, nil, &cArguments, environ)
        guard spawned == 0 else { throw EngineError.internalError("could not start \(executable): \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }
}
