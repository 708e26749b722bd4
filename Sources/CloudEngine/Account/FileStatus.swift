import Foundation

/// One `lstat(2)`/`stat(2)` answer, reduced to what the account file checks need.
///
/// Foundation's `attributesOfItem` follows links and folds every failure into
/// one error; the checks need to tell a dangling link from a missing file and
/// EACCES from ENOTDIR, so they ask the system directly.
struct FileStatus {
    enum Kind: Equatable {
        case regular, symbolicLink
        case other(AccountPathKind)
        case unknown
    }

    let kind: Kind
    let mode: UInt32
    let owner: UInt32
    let size: Int64

    /// The status of `path`, or nil and the `errno` that explains why there is none.
    static func of(_ path: String, followingLinks: Bool) -> (status: FileStatus?, errno: Int32) {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return (nil, errno) }
        return (FileStatus(info), 0)
    }

    /// The status of `path` when something is there (following links), else nil.
    static func existing(_ path: String) -> FileStatus? {
        of(path, followingLinks: true).status
    }

    /// Where the symbolic link at `path` points, as written in the link.
    static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    private init(_ info: stat) {
        mode = UInt32(info.st_mode)
        owner = UInt32(info.st_uid)
        size = Int64(info.st_size)
        switch mode & 0o170000 {
        case 0o100000: kind = .regular
        case 0o120000: kind = .symbolicLink
        case 0o040000: kind = .other(.directory)
        case 0o010000: kind = .other(.fifo)
        case 0o140000: kind = .other(.socket)
        case 0o020000: kind = .other(.characterDevice)
        case 0o060000: kind = .other(.blockDevice)
        default: kind = .unknown
        }
    }

    var isDirectory: Bool { kind == .other(.directory) }

    /// The mode as `ls -l` shows it, e.g. `-rw-r--r--` or `drwx------`.
    var modeString: String {
        let type: Character = isDirectory ? "d" : "-"
        let letters: [Character] = ["r", "w", "x"]
        let bits = (0..<9).map { index -> Character in
            mode & (0o400 >> UInt32(index)) != 0 ? letters[index % 3] : "-"
        }
        return String([type] + bits)
    }
}
