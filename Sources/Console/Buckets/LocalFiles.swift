import CloudEngine
import Foundation

/// The local side of uploads and downloads: resolving what was typed, completing it, walking folders.
///
/// Everything here touches the file system, so only the effect runner calls it.
enum LocalFiles {
    /// `~/x` (against `$HOME`, as a shell reads it) and relative paths made absolute against `workingDirectory`.
    static func resolve(_ typed: String, workingDirectory: String,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var path = typed.trimmingCharacters(in: .whitespaces)
        if path == "~" || path.hasPrefix("~/") {
            let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
            path = home + path.dropFirst()
        }
        if !path.hasPrefix("/") { path = (workingDirectory as NSString).appendingPathComponent(path) }
        return path
    }

    /// Completes the last component of `typed`, as a shell's Tab does: the longest common
    /// start of the matching names, with `/` after a lone folder, and the matches themselves.
    static func complete(_ typed: String, workingDirectory: String) -> (completed: String, candidates: [String]) {
        let folderPart: String
        let namePart: String
        if let slash = typed.lastIndex(of: "/") {
            folderPart = String(typed[...slash])
            namePart = String(typed[typed.index(after: slash)...])
        } else {
            folderPart = ""
            namePart = typed
        }
        let folder = resolve(folderPart.isEmpty ? "." : folderPart, workingDirectory: workingDirectory)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
        guard !names.isEmpty else { return (typed, []) }
        func isFolder(_ name: String) -> Bool {
            var isDirectory: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if names.count == 1 {
            return (folderPart + names[0] + (isFolder(names[0]) ? "/" : ""), names)
        }
        var common = names[0]
        for name in names.dropFirst() {
            common = String(zip(common, name).prefix { $0 == $1 }.map(\.0))
        }
        return (folderPart + common, names.map { isFolder($0) ? $0 + "/" : $0 })
    }

    /// The files an upload of `path` sends, with their keys under `prefix`.
    ///
    /// A file uploads as `prefix + its name`; a folder uploads every regular
    /// file below it, keeping paths relative to it. A missing or unreadable
    /// path, or a device, socket or pipe, is a `LocalFileError`.
    static func planUpload(path: String, prefix: String) throws -> [TransferFile] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw LocalFileError.fromErrnoValue(errno, path: path) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG {
            guard access(path, R_OK) == 0 else { throw LocalFileError.unreadable(path: path) }
            let name = (path as NSString).lastPathComponent
            return [TransferFile(localPath: path, key: prefix + name, size: Int64(info.st_size))]
        }
        guard kind == S_IFDIR else { throw LocalFileError.specialFile(path: path) }
        guard access(path, R_OK | X_OK) == 0 else { throw LocalFileError.unreadable(path: path) }
        let base = URL(fileURLWithPath: path).standardizedFileURL
        let folderName = base.lastPathComponent
        var files: [TransferFile] = []
        guard let walker = FileManager.default.enumerator(atPath: base.path) else {
            throw LocalFileError.unreadable(path: path)
        }
        var relatives: [String] = []
        while let relative = walker.nextObject() as? String { relatives.append(relative) }
        for relative in relatives.sorted() {
            let full = base.path + "/" + relative
            var entry = stat()
            guard lstat(full, &entry) == 0, entry.st_mode & S_IFMT == S_IFREG else { continue }
            files.append(TransferFile(localPath: full, key: prefix + folderName + "/" + relative, size: Int64(entry.st_size)))
        }
        return files
    }
}

extension LocalFileError {
    /// The error for a failed `stat` (the engine's own mapping is internal).
    static func fromErrnoValue(_ code: Int32, path: String) -> LocalFileError {
        switch code {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EACCES: return .unreadable(path: path)
        default: return .readFailed(path: path, reason: String(cString: strerror(code)))
        }
    }
}
