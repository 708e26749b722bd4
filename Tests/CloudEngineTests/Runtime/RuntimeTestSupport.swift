import Foundation
@testable import CloudEngine

/// A temporary directory of handler files and helpers to run them on real python3.
final class RuntimeFixture: @unchecked Sendable {
    let root: URL
    let clock = ManualClock()
    let ids = SeededIDGenerator(seed: 7)

    static let runtime: PythonRuntime = {
        do { return try PythonRuntime.locate() } catch { fatalError("python3 is needed for the runtime tests: \(error)") }
    }()

    /// Handler files live in the private folder, as extracted code does: a sandboxed worker's `/tmp` is its own
    /// tmpfs, so code under the system's temporary folder would be out of its sight.
    init() throws {
        let tests = try WorkerDirectories.prepare(root: PrivateDirectory.defaultRoot()).root + "/tests"
        try FileManager.default.createDirectory(atPath: tests, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: tests).appendingPathComponent("overcast-rt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `files` (relative path -> source) under `dir` and returns its path.
    @discardableResult
    func write(_ files: [String: String], in dir: String = "code") throws -> String {
        let base = root.appendingPathComponent(dir)
        for (path, source) in files {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(source.utf8).write(to: url)
        }
        return base.path
    }

    func spec(
        handler: String = "app.handler",
        code: String = "code",
        layers: [String] = [],
        memory: Int = 128,
        timeout: Int = 3,
        environment: [String: String] = [:],
        revision: String = "r1",
        reserved: Int? = nil,
        name: String = "fn"
    ) -> WorkerFunctionSpec {
        WorkerFunctionSpec(
            functionName: name,
            functionArn: "arn:aws:lambda:us-east-1:123456789012:function:\(name)",
            revision: revision,
            handler: handler,
            codeDirectory: root.appendingPathComponent(code).path,
            layerDirectories: layers.map { root.appendingPathComponent($0).path },
            memorySizeMB: memory,
            timeoutSeconds: timeout,
            environment: environment,
            credentials: WorkerCredentials(accessKeyId: "ASIATESTKEY", secretAccessKey: "secret", sessionToken: "token"),
            reservedConcurrency: reserved
        )
    }

    func worker(_ spec: WorkerFunctionSpec) throws -> PythonWorker {
        try PythonWorker(spec: spec, runtime: Self.runtime, clock: clock, ids: ids)
    }

    func pool(_ settings: WorkerPoolSettings = WorkerPoolSettings()) -> WorkerPool {
        WorkerPool(settings: settings, clock: clock, ids: ids, runtime: Self.runtime)
    }

    private var counter = 0
    func invocation(_ payload: String = "{}") -> WorkerInvocation {
        counter += 1
        return WorkerInvocation(requestId: String(format: "00000000-0000-4000-8000-%012d", counter), payload: Data(payload.utf8))
    }
}

extension WorkerInvocationResult {
    var text: String { String(decoding: payload, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: payload, options: [.fragmentsAllowed]) }
    var messages: [String] { logLines.map(\.message) }
    /// The lines the handler wrote (between START and END).
    var handlerLines: [String] {
        let messages = self.messages
        guard let start = messages.firstIndex(where: { $0.hasPrefix("START RequestId:") }),
              let end = messages.firstIndex(where: { $0.hasPrefix("END RequestId:") }) else { return [] }
        return Array(messages[(start + 1)..<end])
    }
}
