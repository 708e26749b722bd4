import Foundation
import TestSupport

/// Runs the real `overcast` binary built beside the tests and collects what it printed.
struct OvercastProcess {
    let status: Int32
    let stdout: String
    let stderr: String

    static func binary() throws -> URL {
        try BuiltProduct.url(named: "overcast")
    }

    /// Runs `overcast arguments...` with `environment` added, waits for it, and returns its output.
    ///
    /// `launcher` runs it through another program first (e.g. `setpriv` to run as another user).
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    launcher: [String] = []) throws -> OvercastProcess {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [try binary().path] + arguments
        } else {
            process.executableURL = try binary()
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a chatty process never blocks on a full pipe.
        let errData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return OvercastProcess(status: process.terminationStatus,
                               stdout: String(decoding: outData, as: UTF8.self),
                               stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}

extension OvercastProcess {
    /// setpriv, which runs a program as another user; the tests need it only when they run as root.
    static let setpriv = "/usr/bin/setpriv"

    /// Whether a test can run overcast as a user without its own permissions (`nobody` when the tests run as root).
    static var canDropPrivileges: Bool {
        geteuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv)
    }

    /// Runs overcast as a user the test's chmod applies to: `nobody` when the tests run as root (root may read anything), else this user.
    static func runUnprivileged(_ arguments: [String]) throws -> OvercastProcess {
        guard geteuid() == 0 else { return try run(arguments) }
        return try run(arguments, launcher: [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"])
    }

    /// The user `runUnprivileged` runs as, by name.
    static var unprivilegedUser: String {
        let uid = geteuid() == 0 ? 65534 : geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}

/// Data handed from one thread to another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ contents: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
