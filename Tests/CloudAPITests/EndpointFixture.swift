import CloudAPI
import CloudEngine
import Foundation

/// A fresh account served on a free loopback port, and real clients (boto3, the aws CLI from the project's
/// `.venv`, made by `scripts/setup`) pointed at it.
final class EndpointFixture: @unchecked Sendable {
    let folder: URL
    let account: Account
    let port: Int
    private let task: Task<Void, Never>

    /// The project's venv python, with boto3 and awscli; nil when `scripts/setup` has not made it.
    static let python: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".venv/bin/python3")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-endpoint-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        account = try Account.open(path: folder.appendingPathComponent("account.sqlite").path)
        let server = EndpointServer(account: account, port: 0)
        let ready = DispatchSemaphore(value: 0)
        let bound = PortBox()
        task = Task {
            try? await server.run { port in
                bound.set(port)
                ready.signal()
            }
        }
        guard ready.wait(timeout: .now() + 20) == .success, let port = bound.get() else {
            throw FixtureError(message: "the endpoint did not start within 20 s")
        }
        self.port = port
    }

    deinit {
        task.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// The root user's keys, as `overcast serve` prints them.
    func rootKeys() throws -> (String, String) {
        guard let key = try account.iam.rootAccessKey() else { throw FixtureError(message: "the account has no root key") }
        return (key.accessKeyID, key.secretAccessKey)
    }

    /// Runs a Python script with boto3 against the endpoint as `keys` (the root's by default); returns its output.
    @discardableResult
    func python(_ script: String, keys: (String, String)? = nil) throws -> String {
        guard let python = Self.python else { throw FixtureError(message: "run scripts/setup first: .venv is missing") }
        let (id, secret) = try keys ?? rootKeys()
        return try run(python, ["-c", script], environment: ["AWS_ACCESS_KEY_ID": id, "AWS_SECRET_ACCESS_KEY": secret])
    }

    /// Runs the aws CLI from the venv; returns its output, or throws with its stderr when it fails.
    @discardableResult
    func aws(_ arguments: String..., keys: (String, String)? = nil) throws -> String {
        guard let python = Self.python else { throw FixtureError(message: "run scripts/setup first: .venv is missing") }
        let (id, secret) = try keys ?? rootKeys()
        let cli = python.deletingLastPathComponent().appendingPathComponent("aws")
        return try run(cli, ["--endpoint-url", url] + arguments, environment: ["AWS_ACCESS_KEY_ID": id, "AWS_SECRET_ACCESS_KEY": secret])
    }

    private func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "AWS_ENDPOINT_URL": url, "AWS_DEFAULT_REGION": "us-east-1",
                   "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "\(executable.lastPathComponent) exited \(process.terminationStatus): "
                               + String(decoding: errors, as: UTF8.self) + text)
        }
        return text
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?
    func set(_ value: Int) { lock.withLock { port = value } }
    func get() -> Int? { lock.withLock { port } }
}
