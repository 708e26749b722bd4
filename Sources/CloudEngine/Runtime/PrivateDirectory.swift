import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder only this user can reach, where function code, the bootstrap and workers' scratch
/// space live: `$XDG_RUNTIME_DIR/overcast`, else `$XDG_CACHE_HOME/overcast`, else `~/.cache/overcast`.
///
/// A shared temporary folder would let another local user create the folder first and swap the code
/// a worker runs; so the folder is made 0700 and, when it already exists, checked with `lstat`: a real
/// directory (not a symbolic link), owned by this user, writable by nobody else. Anything else is
/// refused with a message naming the path.
public enum PrivateDirectory {
    /// The default root for `environment`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { return runtime + "/overcast" }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/overcast" }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        return home + "/.cache/overcast"
    }

    /// Creates `path` (0700, and its missing parents) or checks the one that is there; returns `path`.
    @discardableResult
    public static func ensure(_ path: String) throws -> String {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw refusal(path, "cannot be inspected: \(String(cString: strerror(errno)))") }
            let parent = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw refusal(path, "its parent folder cannot be created: \(error.localizedDescription)")
            }
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw refusal(path, "cannot be created: \(String(cString: strerror(errno)))")
            }
            guard lstat(path, &info) == 0 else { throw refusal(path, "vanished while it was being created") }
        }
        try check(path, info)
        return path
    }

    /// Creates a directory inside a checked private folder (0700), or checks the one that is there.
    @discardableResult
    public static func ensureChild(_ path: String) throws -> String {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw refusal(path, "cannot be created: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw refusal(path, "cannot be inspected: \(String(cString: strerror(errno)))") }
        try check(path, info)
        return path
    }

    private static func check(_ path: String, _ info: stat) throws {
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK {
            throw refusal(path, "is a symbolic link. Overcast keeps function code only in a real folder of its own; remove the link")
        }
        guard type == S_IFDIR else { throw refusal(path, "is not a folder; remove it") }
        guard info.st_uid == geteuid() else {
            throw refusal(path, "belongs to uid \(info.st_uid), not to you (uid \(geteuid())); someone else may have made it. Remove it")
        }
        if info.st_mode & 0o022 != 0 {
            throw refusal(path, "can be written by other users (mode \(String(info.st_mode & 0o777, radix: 8))); remove it")
        }
        if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
            throw refusal(path, "cannot be made private (chmod 700): \(String(cString: strerror(errno)))")
        }
    }

    private static func refusal(_ path: String, _ reason: String) -> EngineError {
        EngineError(code: "ServiceException", httpStatus: 500,
                    message: "Overcast's private folder \(path) \(reason), or set XDG_RUNTIME_DIR to another folder.",
                    resource: path)
    }

    /// Removes a folder and everything in it, making read-only folders writable first (extracted code is
    /// read-only, and a handler may leave read-only folders in its scratch space).
    public static func removeTree(_ path: String) {
        if (try? FileManager.default.removeItem(atPath: path)) != nil { return }
        if let walker = FileManager.default.enumerator(atPath: path) {
            chmod(path, 0o700)
            while let relative = walker.nextObject() as? String {
                let full = path + "/" + relative
                var info = stat()
                if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { chmod(full, 0o700) }
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
