import Foundation

/// The local python3 and the bootstrap file it runs: found and written once, shared by workers.
public struct PythonRuntime: Sendable, Equatable {
    /// The interpreter's real path (`sys.executable`), so a pyenv shim is not run per worker.
    public var executable: String
    /// The directory holding `bootstrap.py` (`LAMBDA_RUNTIME_DIR`).
    public var runtimeDirectory: String
    public var bootstrapPath: String { runtimeDirectory + "/bootstrap.py" }

    public init(executable: String, runtimeDirectory: String) {
        self.executable = executable
        self.runtimeDirectory = runtimeDirectory
    }

    /// Finds `python` on PATH, asks it for its real path, and writes the bootstrap into
    /// `runtimeDirectory` (default: a per-user directory under the temporary directory).
    public static func locate(python: String = "python3", runtimeDirectory: String? = nil) throws(WorkerPoolError) -> PythonRuntime {
        let directory = runtimeDirectory
            ?? (FileManager.default.temporaryDirectory.path + "/overcast-runtime-\(getuid())/\(PythonBootstrap.digest)")
        try writeBootstrap(into: directory)
        let executable = try resolve(python)
        return PythonRuntime(executable: executable, runtimeDirectory: directory)
    }

    private static let cache = LockedCache()

    private final class LockedCache: @unchecked Sendable {
        let lock = NSLock()
        var executables: [String: String] = [:]
    }

    private static func resolve(_ python: String) throws(WorkerPoolError) -> String {
        if let known = cache.lock.withLock({ cache.executables[python] }) { return known }
        let candidate: String
        if python.contains("/") {
            candidate = python
        } else {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            guard let found = path.split(separator: ":").map({ "\($0)/\(python)" })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            else { throw .runtimeUnavailable("\(python) was not found on PATH") }
            candidate = found
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: candidate)
        process.arguments = ["-c", "import sys; print(sys.executable)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .runtimeUnavailable("\(candidate): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let real = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let executable = (process.terminationStatus == 0 && !real.isEmpty) ? real : candidate
        cache.lock.withLock { cache.executables[python] = executable }
        return executable
    }

    private static func writeBootstrap(into directory: String) throws(WorkerPoolError) {
        let path = directory + "/bootstrap.py"
        let contents = Data(PythonBootstrap.source.utf8)
        if FileManager.default.contents(atPath: path) == contents { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = directory + "/.bootstrap-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).py"
            try contents.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
                throw WorkerPoolError.runtimeUnavailable("could not write \(path)")
            }
        } catch let error as WorkerPoolError {
            throw error
        } catch {
            throw .runtimeUnavailable("could not write \(path): \(error)")
        }
    }
}
