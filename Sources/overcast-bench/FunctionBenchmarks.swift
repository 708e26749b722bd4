import CloudEngine
import Foundation

/// The runtime figures of issue 5 that exist so far: a warm no-op invocation, and a cold start beside `python3 -c pass`.
enum FunctionBenchmarks {
    static func run() throws {
        let folder = try Measurement.scratchFolder("functions")
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = folder.appendingPathComponent("code")
        try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
        try "def handler(event, context):\n    return None\n".write(
            to: code.appendingPathComponent("noop.py"), atomically: true, encoding: .utf8)
        let pool = WorkerPool(clock: SystemClock(), ids: SystemIDGenerator())
        defer { pool.shutdown() }
        let spec = WorkerFunctionSpec(functionName: "noop", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:noop",
                                      revision: "bench", handler: "noop.handler", codeDirectory: code.path)
        var counter = 0
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
        _ = try invoke()
        // The handler does nothing (about a microsecond of Python), so the whole round trip is the overhead.
        var wall: [Double] = []
        for _ in 0..<1_000 {
            wall.append(try invoke().wall)
        }
        Measurement.report("functions.warm_noop_invoke_median_ms", Measurement.percentile(wall, 0.5), "ms")
        Measurement.report("functions.warm_noop_invoke_p99_ms", Measurement.percentile(wall, 0.99), "ms")

        var cold: [Double] = []
        for _ in 0..<20 {
            pool.retire(functionName: "noop")
            let (ms, result) = try invoke()
            precondition(result.coldStart, "a retired function must start cold")
            cold.append(ms)
        }
        let python = try PythonRuntime.locate()
        var bare: [Double] = []
        for _ in 0..<20 {
            bare.append(try Measurement.seconds {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: python.executable)
                process.arguments = ["-c", "pass"]
                try process.run()
                process.waitUntilExit()
            } * 1000)
        }
        let coldMedian = Measurement.percentile(cold, 0.5)
        let bareMedian = Measurement.percentile(bare, 0.5)
        Measurement.report("functions.cold_start_median_ms", coldMedian, "ms")
        Measurement.report("functions.python_c_pass_median_ms", bareMedian, "ms")
        Measurement.report("functions.cold_start_over_python_median_ms", coldMedian - bareMedian, "ms")
    }
}
