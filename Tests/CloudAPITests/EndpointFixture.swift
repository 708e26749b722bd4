import CloudEngine
import Foundation
import TestSupport

/// A fresh account served on a free loopback port, and real clients (boto3, the aws CLI from the project's
/// `.venv`, made by `scripts/setup`) pointed at it.
///
/// Everything that blocks (a client process, an engine call that waits for a function worker, which calls back
/// through the endpoint) runs on a dispatch thread via `blocking`, never on Swift concurrency's small pool, where
/// the endpoint's handlers run: blocking there could starve the server the client is waiting for.
final class EndpointFixture: @unchecked Sendable {
    let folder: URL
    /// The same account file, opened in the test's process (the server has it open too, as two consoles would).
    let account: Account
    let port: Int
    private let server: Process

    /// The project's venv python, with boto3 and awscli; nil when `scripts/setup` has not made it.
    static let python: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".venv/bin/python3")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    /// Starts `overcast serve` on a free port and waits (without blocking the pool) until it says where it listens.
    static func start(arguments: [String] = [], environment: [String: String] = [:]) async throws -> EndpointFixture {
        try await blocking { try EndpointFixture(arguments: arguments, environment: environment) }
    }

    /// Runs `body` on a dispatch thread and waits for it without holding a concurrency thread.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// What `overcast serve` printed before it served (the URL, the keys, a profile written).
    private(set) var banner = ""

    private init(arguments: [String], environment extra: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-endpoint-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("account.sqlite").path
        account = try Account.open(path: path)
        server = Process()
        server.executableURL = try BuiltProduct.url(named: "overcast")
        server.arguments = ["serve", "--db", path, "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        if let python = Self.python { environment["OVERCAST_PYTHON"] = python.path }
        server.environment = environment
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // The first lines name the URL; read until the port shows.
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        let waitFor = arguments.contains("--write-profile") ? "Wrote the profile" : "AWS_ACCESS_KEY_ID"
        while Date() < deadline, !text.contains(waitFor) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"AWS_ENDPOINT_URL=http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
              let port = Int(text[range].split(separator: ":").last ?? "") else {
            server.terminate()
            throw FixtureError(message: "overcast serve did not say where it listens: \(text)")
        }
        self.port = port
        banner = text
        // Function workers the test's process starts call back through the server.
        account.endpoint.url = "http://127.0.0.1:\(port)"
    }

    deinit {
        server.terminate()
        server.waitUntilExit()
        account.functionRuntime.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// The root user's keys, as `overcast serve` prints them.
    func rootKeys() throws -> (String, String) {
        guard let key = try account.iam.rootAccessKey() else { throw FixtureError(message: "the account has no root key") }
        return (key.accessKeyID, key.secretAccessKey)
    }

    /// What every script may use: `code(call)` is a refused call's error code and HTTP status (None when it worked).
    static let prelude = """
        import botocore.exceptions
        def code(call):
            try:
                call()
            except botocore.exceptions.ClientError as e:
                return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]

        """

    /// Runs a Python script with boto3 against the endpoint as `keys` (the root's by default); returns its output.
    @discardableResult
    func python(_ script: String, keys: (String, String)? = nil) async throws -> String {
        guard let python = Self.python else { throw FixtureError(message: "run scripts/setup first: .venv is missing") }
        let (id, secret) = try keys ?? rootKeys()
        return try await Self.blocking { [self] in
            try run(python, ["-c", Self.prelude + script], environment: ["AWS_ACCESS_KEY_ID": id, "AWS_SECRET_ACCESS_KEY": secret])
        }
    }

    /// Runs the aws CLI from the venv; returns its output, or throws with its stderr when it fails.
    @discardableResult
    func aws(_ arguments: String..., keys: (String, String)? = nil) async throws -> String {
        guard let python = Self.python else { throw FixtureError(message: "run scripts/setup first: .venv is missing") }
        let (id, secret) = try keys ?? rootKeys()
        let cli = python.deletingLastPathComponent().appendingPathComponent("aws")
        let all = ["--endpoint-url", url] + arguments
        return try await Self.blocking { [self] in
            try run(cli, all, environment: ["AWS_ACCESS_KEY_ID": id, "AWS_SECRET_ACCESS_KEY": secret])
        }
    }

    /// The aws CLI with only `--profile` (no endpoint or keys in the environment), reading the given files.
    func awsProfile(_ profile: String, config: String, credentials: String, _ arguments: String...) async throws -> String {
        guard let python = Self.python else { throw FixtureError(message: "run scripts/setup first: .venv is missing") }
        let cli = python.deletingLastPathComponent().appendingPathComponent("aws")
        let all = ["--profile", profile] + arguments
        return try await Self.blocking { [self] in
            try run(cli, all, environment: ["AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentials],
                    inherit: false)
        }
    }

    private func run(_ executable: URL, _ arguments: [String], environment: [String: String], inherit: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "AWS_EC2_METADATA_DISABLED": "true"]
        if inherit {
            env.merge(["AWS_ENDPOINT_URL": url, "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": "/dev/null",
                       "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"]) { _, new in new }
        }
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

