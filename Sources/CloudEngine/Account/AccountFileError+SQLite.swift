import GRDB

extension AccountFileError {
    /// Runs `body`, turning SQLite's failures while opening the account into messages about the file.
    static func translating<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw AccountFileError(error, path: path)
        }
    }

    /// What a SQLite failure at open means for the account file, and what to do about it.
    init(_ error: DatabaseError, path: String) {
        let said = error.message ?? error.description
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .corrupt(path: path, detail: "SQLite reports: \(said)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .unreachable(path: path, reason:
                "another process kept it locked for 30 seconds (\(said)). Try again when that process is done writing.")
        case .SQLITE_READONLY:
            self = .permissionDenied(path: path, reason:
                "SQLite may not write to it (\(said)). Check that you may write the file, its -wal and -shm files, and its folder.")
        case .SQLITE_FULL:
            self = .unreachable(path: path, reason: "the disk is full (\(said)). Free some space and try again.")
        default:
            self = .unreachable(path: path, reason:
                "SQLite reports: \(said). Check the file, its folder and the disk, or choose another file with --db.")
        }
    }
}
