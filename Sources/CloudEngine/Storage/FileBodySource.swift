import Foundation

/// A body read from a local file, a piece at a time.
public final class FileBodySource: ObjectBodySource {
    private let handle: FileHandle
    public let path: String
    /// The file's size when it was opened, for progress bars.
    public let size: Int64
    /// Checked before each read; when it returns true the put is abandoned with `CancellationError`.
    public var isCancelled: () -> Bool = { false }

    /// Opens `path` for reading; a missing, unreadable or special file is a `LocalFileError`.
    public init(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw LocalFileError.fromErrno(path: path)
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw LocalFileError.isDirectory(path: path) }
        guard kind == S_IFREG else { throw LocalFileError.specialFile(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LocalFileError.unreadable(path: path)
        }
        self.handle = handle
        self.path = path
        self.size = Int64(info.st_size)
    }

    deinit { try? handle.close() }

    public func read(maxCount: Int) throws -> Data {
        if isCancelled() { throw CancellationError() }
        do {
            return try handle.read(upToCount: maxCount) ?? Data()
        } catch {
            throw LocalFileError.readFailed(path: path, reason: error.localizedDescription)
        }
    }
}
