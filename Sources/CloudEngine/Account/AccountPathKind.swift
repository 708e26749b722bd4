/// What is at an account path when it is not a regular file, named the way `ls -l` would.
///
/// SQLite reports most of these as "disk I/O error" or "not a database", and
/// opening a FIFO can block forever, so `AccountFileCheck` names them before
/// anything opens the path.
public enum AccountPathKind: String, Sendable, Equatable {
    case directory
    case fifo
    case socket
    case characterDevice
    case blockDevice

    /// The kind with its article, to finish "PATH is ...".
    var phrase: String {
        switch self {
        case .directory: return "a directory"
        case .fifo: return "a FIFO (named pipe)"
        case .socket: return "a socket"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        }
    }
}
