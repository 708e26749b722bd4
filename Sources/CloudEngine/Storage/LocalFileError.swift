import Foundation

/// A local file that cannot be uploaded or written, and what to do about it.
public enum LocalFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String)
    case isDirectory(path: String)
    case specialFile(path: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    static func fromErrno(path: String) -> LocalFileError {
        switch errno {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EACCES: return .unreadable(path: path)
        default: return .readFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    public var description: String {
        switch self {
        case let .notFound(path): return "\(path) does not exist. Check the path and try again."
        case let .unreadable(path): return "\(path) cannot be read: permission denied."
        case let .isDirectory(path): return "\(path) is a directory; choose a file (or upload the directory recursively)."
        case let .specialFile(path): return "\(path) is not a regular file (a device, socket or pipe) and cannot be uploaded."
        case let .readFailed(path, reason): return "Reading \(path) failed: \(reason)"
        case let .writeFailed(path, reason): return "Writing \(path) failed: \(reason)"
        }
    }
}

extension LocalFileError: LocalizedError {
    public var errorDescription: String? { description }
}
