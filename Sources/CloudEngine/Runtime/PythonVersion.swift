import Foundation

/// The version of the local python3 that serves every `python3.x` runtime, as the console shows it.
public enum PythonVersion {
    private static let cache = VersionCache()

    /// "Python 3.11.7", or nil when python3 cannot be found or run. Asked once per process.
    public static func local(python: String = "python3") -> String? {
        if let known = cache.value(for: python) { return known }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              text.hasPrefix("Python ") else { return nil }
        cache.store(text, for: python)
        return text
    }
}

private final class VersionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    func value(for key: String) -> String? { lock.withLock { values[key] } }
    func store(_ value: String, for key: String) { lock.withLock { values[key] = value } }
}
