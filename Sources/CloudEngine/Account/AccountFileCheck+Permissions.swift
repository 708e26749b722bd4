import Foundation

/// Permission problems, found before SQLite reports them as "unable to open database file".
///
/// Each message says who "you" are, which permission is missing on which file
/// or folder, and what would grant it.
extension AccountFileCheck {
    /// Throws unless the user may read the account file and, to write to it, write it too.
    ///
    /// `readingWorks` says whether SQLite could still open it read-only (its
    /// `-wal` and `-shm` exist or may be created), so that `overcast info` is
    /// suggested only when it would work.
    static func requireFileAccess(_ path: String, status: FileStatus, access mode: AccountFileAccess,
                                  readingWorks: Bool) throws {
        let owned = status.owner == geteuid()
        let user = currentUser
        let owner = userName(status.owner)
        if access(path, R_OK) != 0 {
            let chmod = mode == .readWrite ? "u+rw" : "u+r"
            let fix = owned
                ? "Run `chmod \(chmod) \(path)`."
                : "Ask \(owner) to give you access (or run `sudo chown \(user) \(path)`), or choose another file with --db."
            throw AccountFileError.permissionDenied(path: path, reason:
                "you (\(user)) may not read it: it is \(status.modeString) and belongs to \(owner). \(fix)")
        }
        guard mode == .readWrite, access(path, W_OK) != 0 else { return }
        let reading = readingWorks ? " (`overcast info` only reads, and works)" : ""
        if errno == EROFS {
            throw AccountFileError.permissionDenied(path: path, reason:
                "it is on a read-only file system, and Overcast writes to the account as you work\(reading). Copy it somewhere writable and open the copy with --db.")
        }
        let fix = owned
            ? "Run `chmod u+w \(path)`."
            : "Ask \(owner) to let you write it (or run `sudo chown \(user) \(path)`), or choose another file with --db."
        throw AccountFileError.permissionDenied(path: path, reason:
            "you (\(user)) may read it but not write to it: it is \(status.modeString) and belongs to \(owner). Overcast writes to the account as you work\(reading). \(fix)")
    }

    /// Throws unless the user may create `-wal` and `-shm` files in the folder that holds the account file.
    static func requireCompanionFolder(_ folder: String, path: String) throws {
        guard access(folder, W_OK | X_OK) != 0 else { return }
        if errno == EROFS {
            throw AccountFileError.permissionDenied(path: path, reason:
                "its folder \(folder) is on a read-only file system, and SQLite must create \(path)-wal and \(path)-shm beside it to open it. Copy the account somewhere writable and open the copy with --db.")
        }
        let status = FileStatus.existing(folder)
        let owner = status.map { userName($0.owner) } ?? "its owner"
        let fix = status?.owner == geteuid()
            ? "Run `chmod u+wx \(folder)`."
            : "Ask \(owner) for write access to the folder, or copy the account into a folder of yours and open the copy with --db."
        throw AccountFileError.permissionDenied(path: path, reason:
            "you (\(currentUser)) may not create files in its folder \(folder)\(describe(status, owner)), and SQLite keeps \(path)-wal and \(path)-shm there while the account is open. \(fix)")
    }

    /// Throws unless the user may create the account file (and the folders it needs) under `path`'s nearest existing folder.
    static func requireCreatable(_ path: String) throws {
        guard let folder = ancestors(of: path).last(where: { FileStatus.existing($0) != nil }) else { return }
        guard let status = FileStatus.existing(folder), status.isDirectory else {
            throw AccountFileError.unreachable(path: path, reason:
                "\(folder) is a file, not a folder. Choose a path whose folders are folders with --db.")
        }
        guard access(folder, W_OK | X_OK) != 0 else { return }
        if errno == EROFS {
            throw AccountFileError.permissionDenied(path: path, reason:
                "the folder \(folder) is on a read-only file system, so the account cannot be created there. Choose a path on a writable disk with --db.")
        }
        throw AccountFileError.permissionDenied(path: path, reason:
            "you (\(currentUser)) may not create files in the folder \(folder)\(describe(status, userName(status.owner))), so the account cannot be created there. Choose a path in a folder of yours with --db.")
    }

    /// Explains a failed `lstat`/`stat` of `path`: which folder on the way is unreadable or not a folder.
    static func pathError(_ path: String, errno code: Int32) -> AccountFileError {
        switch code {
        case EACCES:
            if let folder = ancestors(of: path).first(where: { access($0, X_OK) != 0 }) {
                let status = FileStatus.existing(folder)
                let owner = status.map { userName($0.owner) } ?? "its owner"
                let fix = status?.owner == geteuid()
                    ? "Run `chmod u+x \(folder)`."
                    : "Ask \(owner) for access, or choose another path with --db."
                return .permissionDenied(path: path, reason:
                    "you (\(currentUser)) may not look inside the folder \(folder)\(describe(status, owner)): it lacks the x permission for you. \(fix)")
            }
            return .permissionDenied(path: path, reason: "permission denied while looking it up. Check the permissions of the folders on its path.")
        case ENOTDIR:
            let file = ancestors(of: path).first { FileStatus.existing($0).map { !$0.isDirectory } ?? false }
            return .unreachable(path: path, reason:
                "\(file ?? "part of its path") is a file, not a folder. Choose a path whose folders are folders with --db.")
        case ELOOP:
            return .unreachable(path: path, reason:
                "it is a symbolic link that leads back to itself (a loop). Fix the link, or choose another path with --db.")
        default:
            return .unreachable(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// " (drwxr-xr-x, belongs to root)", or nothing when the folder could not be looked at.
    private static func describe(_ status: FileStatus?, _ owner: String) -> String {
        status.map { " (\($0.modeString), belongs to \(owner))" } ?? ""
    }

    /// The folders leading to `path`, outermost first (relative paths start in the current folder).
    static func ancestors(of path: String) -> [String] {
        var folders: [String] = []
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            folders.append(folder)
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        if !path.hasPrefix("/") { folders.append(".") }
        return folders.reversed()
    }

    /// The user this process runs as, by name.
    static var currentUser: String { userName(geteuid()) }

    static func userName(_ uid: UInt32) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
