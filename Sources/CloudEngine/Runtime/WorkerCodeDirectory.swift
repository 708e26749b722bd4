import Foundation

/// Puts a function's files on disk the way Lambda lays out an execution environment:
/// the code in `<directory>/task` (`LAMBDA_TASK_ROOT`, `/var/task` on Lambda) and every layer,
/// in the function's order, into one `<directory>/opt` (`/opt`), where a later layer's file
/// replaces an earlier one's at the same path.
///
/// Use a directory per (function, version, revision): an existing complete extraction is reused,
/// and a new one is written beside it and renamed into place, so a worker never sees half a tree.
public enum WorkerCodeDirectory {
    public struct Layout: Sendable, Equatable {
        /// For `WorkerFunctionSpec.codeDirectory`.
        public var codeDirectory: String
        /// For `WorkerFunctionSpec.layerDirectories` (empty when the function has no layers).
        public var layerDirectories: [String]
    }

    /// Extracts `code` and `layers` (each a layer's files by relative path) under `directory`.
    /// Throws `InvalidZipFileException` for a path that is absolute or climbs out with `..`.
    /// With `pruning`, a new extraction also removes the stale siblings whose names start with it
    /// (see `pruneSiblings`); reusing an existing one prunes nothing.
    public static func extract(code: [String: Data], layers: [[String: Data]], into directory: String,
                               pruning prefix: String? = nil) throws -> Layout {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: directory + "/.complete") {
            markUsed(directory)
            return existing(directory)
        }

        let parent = (directory as NSString).deletingLastPathComponent
        try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = directory + ".staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? fileManager.removeItem(atPath: staging) }
        try fileManager.createDirectory(atPath: staging + "/task", withIntermediateDirectories: true)
        try write(code, under: staging + "/task")
        if !layers.isEmpty {
            try fileManager.createDirectory(atPath: staging + "/opt", withIntermediateDirectories: true)
            for layer in layers { try write(layer, under: staging + "/opt") }
        }
        try Data().write(to: URL(fileURLWithPath: staging + "/.complete"))
        if rename(staging, directory) != 0 {
            // Another process finished the same extraction first: theirs is as good as ours.
            if fileManager.fileExists(atPath: directory + "/.complete") { return existing(directory) }
            throw EngineError(code: "ServiceException", httpStatus: 500, message: "Could not prepare the function's code in \(directory).")
        }
        if let prefix { pruneSiblings(of: directory, prefix: prefix) }
        return existing(directory)
    }

    /// An extraction not used for this long is no longer needed by any worker: a retired worker finishes its
    /// last invocation within the longest timeout (900 s).
    public static let unusedLifetime: TimeInterval = 20 * 60

    /// Removes the other extractions beside `directory` whose names start with `prefix` (the same function
    /// version's older code) and that were last used more than `unusedLifetime` ago. Called after a new
    /// extraction, so code revisions do not pile up in the temporary folder.
    public static func pruneSiblings(of directory: String, prefix: String, now: Date = Date()) {
        let parent = (directory as NSString).deletingLastPathComponent
        let own = (directory as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name != own && name.hasPrefix(prefix) && !name.contains(".staging-") {
            let path = parent + "/" + name
            guard let used = lastUsed(path), now.timeIntervalSince(used) > unusedLifetime else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// When an extraction was last handed to a worker (its `.complete` marker's modification time).
    public static func lastUsed(_ directory: String) -> Date? {
        var info = stat()
        guard stat(directory + "/.complete", &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
    }

    /// Refreshes the marker at most every five minutes, so a busy function costs one stat per invocation.
    private static func markUsed(_ directory: String) {
        guard let used = lastUsed(directory), Date().timeIntervalSince(used) > 300 else { return }
        utimes(directory + "/.complete", nil)
    }

    private static func existing(_ directory: String) -> Layout {
        let opt = directory + "/opt"
        return Layout(codeDirectory: directory + "/task", layerDirectories: FileManager.default.fileExists(atPath: opt) ? [opt] : [])
    }

    private static func write(_ files: [String: Data], under root: String) throws {
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
                throw EngineError(
                    code: "InvalidZipFileException", httpStatus: 400,
                    message: "Could not unzip uploaded file. The path \(path) is absolute or leaves the package.")
            }
            if path.hasSuffix("/") { // a directory entry
                try FileManager.default.createDirectory(atPath: root + "/" + parts.joined(separator: "/"), withIntermediateDirectories: true)
                continue
            }
            let target = root + "/" + parts.joined(separator: "/")
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: target)
            try data.write(to: URL(fileURLWithPath: target))
        }
    }
}
