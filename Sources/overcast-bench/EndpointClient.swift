import Foundation

/// Runs `scripts/bench/endpoint_client.py` with the project's venv python and reads its JSON line.
struct EndpointClient {
    struct Result: Decodable {
        var seconds: Double
        var endedAt: Double?

        enum CodingKeys: String, CodingKey {
            case seconds
            case endedAt = "ended_at"
        }
    }

    let python: URL

    init() throws {
        let root = URL(fileURLWithPath: EndpointBenchmarks.scriptsFolder).deletingLastPathComponent().deletingLastPathComponent()
        let venv = root.appendingPathComponent(".venv/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: venv.path) else {
            throw BenchError("the endpoint suite needs the project's venv with boto3: run scripts/setup")
        }
        python = venv
    }

    func json(_ arguments: [String], url: String, keys: (String, String)) throws -> Result {
        try finish(try start(arguments, url: url, keys: keys))
    }

    func start(_ arguments: [String], url: String, keys: (String, String)) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = python
        process.arguments = ["\(EndpointBenchmarks.scriptsFolder)/endpoint_client.py", url] + arguments
        process.environment = environment(keys)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    func finish(_ started: (Process, Pipe)) throws -> Result {
        let data = started.1.fileHandleForReading.readDataToEndOfFile()
        started.0.waitUntilExit()
        guard started.0.terminationStatus == 0 else { throw BenchError("the benchmark client failed: \(String(decoding: data, as: UTF8.self))") }
        return try JSONDecoder().decode(Result.self, from: data)
    }

    /// Runs a helper script to its end.
    func run(_ arguments: [String], keys: (String, String)) throws {
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        process.environment = environment(keys)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(arguments[0]) failed") }
    }

    private func environment(_ keys: (String, String)) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "AWS_ACCESS_KEY_ID": keys.0, "AWS_SECRET_ACCESS_KEY": keys.1,
         "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true"]
    }
}

/// moto's server from the venv, when installed, on a free port.
struct MotoServer {
    let process: Process
    let url: String

    static func start(client: EndpointClient) throws -> MotoServer? {
        let binary = client.python.deletingLastPathComponent().appendingPathComponent("moto_server")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { return nil }
        let port = 47_000 + Int(getpid() % 1000)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let url = "http://127.0.0.1:\(port)"
        for _ in 0..<100 {
            if listening(port) { return MotoServer(process: process, url: url) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw BenchError("moto_server did not start on port \(port)")
    }

    /// Whether something accepts connections on the loopback port.
    static func listening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
