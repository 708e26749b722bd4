import Foundation

/// Puts a function's files on disk the way Lambda lays out an execution environment:
/// the code in `<directory>/task` (`LAMBDA_TASK_ROOT`, `/var/task` on Lambda) and every layer,
/// in the function's order, into one `<directory>/opt` (`/opt`), where a later layer's file
/// replaces an earlier one's at the same path.
///
/// Use a directory per (function, version, revision): an existing complete extraction is reused,
/// and a new one is written beside it and renamed into place, so a worker never sees half a tree.
/// Extractions are read-only (files 0444, folders 0555) and live in the user's private folder; before a
/// new worker starts, `verify` checks that the tree on disk is still exactly the stored code.
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
        defer { if fileManager.fileExists(atPath: staging) { PrivateDirectory.removeTree(staging) } }
        try fileManager.createDirectory(atPath: staging + "/task", withIntermediateDirectories: true)
        try write(code, under: staging + "/task")
        if !layers.isEmpty {
            try fileManager.createDirectory(atPath: staging + "/opt", withIntermediateDirectories: true)
            for layer in layers { try write(layer, under: staging + "/opt") }
        }
        try Data().write(to: URL(fileURLWithPath: staging + "/.complete"))
        makeReadOnly(staging)
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
            PrivateDirectory.removeTree(path)
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

    // MARK: - Read-only, and checked before use

    /// Files 0444 and folders 0555, so nothing (a worker of the user's outside the sandbox included) changes
    /// the code by accident; `verify` catches what is changed on purpose.
    private static func makeReadOnly(_ root: String) {
        for entry in walk(root) {
            chmod(root + "/" + entry.path, entry.kind == .folder ? 0o555 : 0o444)
        }
        chmod(root, 0o555)
    }

    /// What a tree holds, by path relative to its root.
    struct Entry: Hashable {
        enum Kind: Hashable { case file, folder, other }
        var path: String
        var kind: Kind
        /// Identity and change time: a write, a chmod or a rename changes `ctime`, which no one can set back.
        var inode: UInt64
        var size: Int64
        var changed: Int
        var changedNanos: Int
    }

    /// Every entry beneath `root`, depth first, without following symbolic links.
    static func walk(_ root: String) -> [Entry] {
        var entries: [Entry] = []
        func visit(_ relative: String) {
            let base = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                let kind: Entry.Kind = type == S_IFDIR ? .folder : (type == S_IFREG ? .file : .other)
                entries.append(Entry(path: path, kind: kind, inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                     changed: Int(info.st_ctim.tv_sec), changedNanos: Int(info.st_ctim.tv_nsec)))
                if kind == .folder { visit(path) }
            }
        }
        visit("")
        return entries
    }

    /// The files an extraction of `code` and `layers` must hold, by path relative to the extraction.
    static func expectedFiles(code: [String: Data], layers: [[String: Data]]) -> (files: [String: Data], folders: Set<String>) {
        var files: [String: Data] = [".complete": Data()]
        var folders: Set<String> = ["task"]
        func add(_ tree: [String: Data], under top: String) {
            for (path, data) in tree {
                let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
                let isFolder = path.hasSuffix("/")
                for depth in stride(from: 1, to: parts.count + (isFolder ? 1 : 0), by: 1) {
                    folders.insert(([top] + parts.prefix(depth)).joined(separator: "/"))
                }
                if !isFolder { files[([top] + parts).joined(separator: "/")] = data }
            }
        }
        add(code, under: "task")
        if !layers.isEmpty {
            folders.insert("opt")
            for layer in layers { add(layer, under: "opt") }
        }
        return (files, folders)
    }

    /// Whether the extraction in `directory` holds exactly `code` and `layers`: the same files with the same
    /// bytes, the same folders, and nothing else (no extra module, no symbolic link, no `__pycache__`).
    static func matches(_ directory: String, code: [String: Data], layers: [[String: Data]]) -> Bool {
        let expected = expectedFiles(code: code, layers: layers)
        var files = 0
        for entry in walk(directory) {
            switch entry.kind {
            case .other:
                return false
            case .folder:
                guard expected.folders.contains(entry.path) else { return false }
            case .file:
                guard let data = expected.files[entry.path], Int64(data.count) == entry.size,
                      FileManager.default.contents(atPath: directory + "/" + entry.path) == data else { return false }
                files += 1
            }
        }
        return files == expected.files.count
    }

    private static let verified = VerifiedTrees()

    /// Remembers the trees found intact, by their entries' identities and change times, so a later cold start
    /// re-reads nothing unless something changed.
    private final class VerifiedTrees: @unchecked Sendable {
        private let lock = NSLock()
        private var trees: [String: [Entry]] = [:]
        func isKnown(_ directory: String, _ entries: [Entry]) -> Bool { lock.withLock { trees[directory] == entries } }
        func remember(_ directory: String, _ entries: [Entry]) { lock.withLock { trees[directory] = entries } }
    }

    /// Checks, before a new worker starts, that the extraction is still exactly the stored code; if anything
    /// differs it is removed and extracted again. So a new worker never runs code that differs from the stored
    /// digest, whoever changed the files.
    public static func verify(_ layout: Layout, code: [String: Data], layers: [[String: Data]]) throws {
        let directory = (layout.codeDirectory as NSString).deletingLastPathComponent
        let entries = walk(directory)
        if verified.isKnown(directory, entries) { return }
        if matches(directory, code: code, layers: layers) {
            verified.remember(directory, entries)
            return
        }
        PrivateDirectory.removeTree(directory)
        _ = try extract(code: code, layers: layers, into: directory)
        verified.remember(directory, walk(directory))
    }
}
