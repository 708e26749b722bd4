import Foundation

/// Whether the account is opened to work in it or only to look at it (`overcast info`).
enum AccountFileAccess {
    case readWrite
    case readOnly
}

/// What is at an account path, judged before SQLite opens anything there.
///
/// SQLite, asked to open a path, creates `-wal` and `-shm` files beside it
/// (even read-only), blocks forever on a FIFO, and reports a folder or a
/// missing permission as an I/O error. So the path is looked at first with
/// `lstat` and `stat`, and a file with a plain read of its header: a file that
/// is not ours, or that a newer Overcast wrote, is refused before SQLite sees it.
struct AccountFileCheck {
    enum State: Equatable {
        /// Nothing at the path: the account is created there, with its folders.
        case absent
        /// An empty file, or SQLite with no schema and no application id: made into an account.
        case blank
        /// An Overcast account, going by its header; SQLite still checks its schema.
        case account
        /// SQLite whose newest pages are in its `-wal`, so the header may be out of date: SQLite must judge it.
        case undecided
    }

    let state: State
    /// The `-wal` beside the file holds pages: another connection is using it, or one ended without checkpointing.
    let walHasPages: Bool

    /// A WAL file's own header; a longer file holds at least one page.
    private static let walHeaderLength: Int64 = 32

    /// Looks at `path` without opening it with SQLite; throws `AccountFileError` for anything that is not to be opened.
    static func run(path: String, access mode: AccountFileAccess) throws -> AccountFileCheck {
        let (found, error) = FileStatus.of(path, followingLinks: false)
        guard var status = found else {
            guard error == ENOENT else { throw pathError(path, errno: error) }
            try requireCreatable(path)
            return AccountFileCheck(state: .absent, walHasPages: false)
        }
        var linkTarget: String?
        if status.kind == .symbolicLink {
            let target = FileStatus.linkTarget(path) ?? "an unreadable target"
            let (followed, error) = FileStatus.of(path, followingLinks: true)
            guard let followed else {
                if error == ENOENT { throw AccountFileError.danglingSymlink(path: path, target: target) }
                throw pathError(path, errno: error)
            }
            status = followed
            linkTarget = target
        }
        switch status.kind {
        case .regular: break
        case let .other(kind): throw AccountFileError.notAFile(path: path, kind: kind, linkTarget: linkTarget)
        case .symbolicLink, .unknown:
            throw AccountFileError.unreachable(path: path, reason: "it is not a regular file. Choose another path with --db.")
        }
        // SQLite follows links and keeps its -wal and -shm beside the file itself.
        let file = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let folder = (file as NSString).deletingLastPathComponent.nonEmpty ?? "."
        let wal = FileStatus.existing(file + "-wal")
        let companionsExist = wal != nil && FileStatus.existing(file + "-shm") != nil
        try requireFileAccess(path, status: status, access: mode,
                              readingWorks: companionsExist || access(folder, W_OK | X_OK) == 0)

        let walHasPages = (wal?.size ?? 0) > walHeaderLength
        let (state, header) = try judge(path: path, file: file, size: status.size, walHasPages: walHasPages)
        let opensInWAL = mode == .readWrite || state == .undecided || (state == .account && header?.usesWAL == true)
        if opensInWAL && !companionsExist {
            try requireCompanionFolder(folder, path: path)
        }
        return AccountFileCheck(state: state, walHasPages: walHasPages)
    }

    /// Decides from the file's header what it is, when the header can be trusted.
    private static func judge(path: String, file: String, size: Int64,
                              walHasPages: Bool) throws -> (State, SQLiteFileHeader?) {
        // A file another Overcast has just made may still be empty, its pages all in the -wal.
        if size == 0 { return (walHasPages ? .undecided : .blank, nil) }
        let header = try readHeader(path: path, file: file)
        guard header.startsLikeSQLite else { throw AccountFileError.notADatabase(path: path) }
        // Committed pages not yet copied into the file (its header among them) are in the -wal.
        if walHasPages { return (.undecided, header) }
        guard header.isComplete else {
            throw AccountFileError.corrupt(path: path, detail: "it is only \(header.bytes.count) bytes long, too short for a SQLite database")
        }
        if header.applicationID == AccountSchema.applicationID {
            if Int(header.userVersion) > AccountSchema.version {
                throw AccountFileError.newerSchemaVersion(path: path, version: Int(header.userVersion), known: AccountSchema.version)
            }
            return (.account, header)
        }
        if header.applicationID == 0 && header.schemaIsEmpty { return (.blank, header) }
        throw AccountFileError.notAnAccount(path: path)
    }

    /// Reads the first bytes of the file with `open(2)` and `pread(2)`: never blocks, never writes.
    private static func readHeader(path: String, file: String) throws -> SQLiteFileHeader {
        // O_NONBLOCK: should a FIFO have replaced the file since it was looked at, open does not wait for a writer.
        let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            throw AccountFileError.unreachable(path: path, reason: "it cannot be read (\(String(cString: strerror(errno)))).")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, UInt32(info.st_mode) & 0o170000 == 0o100000 else {
            throw AccountFileError.unreachable(path: path, reason: "it changed into something other than a file while Overcast looked at it. Try again.")
        }
        var bytes = [UInt8](repeating: 0, count: SQLiteFileHeader.length)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return pread(descriptor, base + count, buffer.count - count, off_t(count))
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else {
                throw AccountFileError.unreachable(path: path, reason: "reading it failed (\(String(cString: strerror(errno)))).")
            }
            if got == 0 { break }
            count += got
        }
        return SQLiteFileHeader(bytes: Array(bytes.prefix(count)))
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
