import Foundation

/// The local python3 and the bootstrap file it runs: found and written once, shared by workers.
public struct PythonRuntime: Sendable, Equatable {
    /// The interpreter's real path (`sys.executable`), so a pyenv shim is not run per worker.
    public var executable: String
    /// The directory holding `bootstrap.py` (`LAMBDA_RUNTIME_DIR`).
    public var runtimeDirectory: String
    public var bootstrapPath: String { runtimeDirectory + "/bootstrap.py" }
    /// The interpreter's prefixes and its `sys.path` folders (standard library, site-packages): what a
    /// sandboxed worker may read and execute of the Python installation.
    public var installationPaths: [String]
    /// The interpreter's own version (`3.11.7`), which every `python3.x` runtime really runs on; nil when unknown.
    public var version: String?

    public init(executable: String, runtimeDirectory: String, installationPaths: [String]? = nil, version: String? = nil) {
        self.executable = executable
        self.runtimeDirectory = runtimeDirectory
        self.version = version
        // Without a probe, the folder above the interpreter's `bin` is the best guess at its prefix.
        self.installationPaths = installationPaths
            ?? [((executable as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent]
    }

    /// The interpreter functions run on: `$OVERCAST_PYTHON` (the project's venv, with boto3 as Lambda's runtimes
    /// have it, when started by `scripts/overcast`), else `python3` on PATH.
    public static var defaultPython: String {
        ProcessInfo.processInfo.environment["OVERCAST_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"
    }

    /// Finds `python` on PATH, asks it for its real path and installation folders, and writes the bootstrap
    /// into `runtimeDirectory` (default: `runtime/<digest>` in the user's private folder, see `PrivateDirectory`).
    public static func locate(python: String = defaultPython, runtimeDirectory: String? = nil) throws(WorkerPoolError) -> PythonRuntime {
        let directory: String
        if let runtimeDirectory {
            directory = runtimeDirectory
        } else {
            do {
                directory = try WorkerDirectories.prepare(root: PrivateDirectory.defaultRoot()).bootstrapDirectory()
            } catch {
                throw .wrapping(error)
            }
        }
        try writeBootstrap(into: directory)
        let probe = try resolve(python)
        return PythonRuntime(executable: probe.executable, runtimeDirectory: directory, installationPaths: probe.paths,
                             version: probe.version)
    }

    private static let cache = LockedCache()

    private struct Probe: Sendable {
        var executable: String
        var paths: [String]
        var version: String?
    }

    private final class LockedCache: @unchecked Sendable {
        let lock = NSLock()
        var probes: [String: Probe] = [:]
    }

    /// What the interpreter says of itself; `-E` so that the caller's PYTHONPATH (which a worker never gets)
    /// does not widen what workers may read.
    private static let probeScript = """
        import json, site, sys
        paths = {sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix}
        paths.update(p for p in sys.path if p)
        try:
            paths.update(site.getsitepackages())
            paths.add(site.getusersitepackages())
        except Exception:
            pass
        print(json.dumps({"executable": sys.executable, "paths": sorted(paths), "version": sys.version.split()[0]}))
        """

    private static func resolve(_ python: String) throws(WorkerPoolError) -> Probe {
        if let known = cache.lock.withLock({ cache.probes[python] }) { return known }
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
        process.arguments = ["-E", "-c", probeScript]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .runtimeUnavailable("\(candidate): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answer = process.terminationStatus == 0 ? (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] : nil
        let real = answer?["executable"] as? String ?? ""
        let executable = real.isEmpty ? candidate : real
        let fallback = PythonRuntime(executable: executable, runtimeDirectory: "").installationPaths
        let probe = Probe(executable: executable,
                          paths: (answer?["paths"] as? [String]).map { $0 + [(executable as NSString).deletingLastPathComponent] } ?? fallback,
                          version: answer?["version"] as? String)
        cache.lock.withLock { cache.probes[python] = probe }
        return probe
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
