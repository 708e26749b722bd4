import Foundation

/// Why an account file could not be opened; the file is left as it was in every case.
public enum AccountFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a SQLite database.
    case notADatabase(path: String)
    /// The file is a SQLite database made by something other than Overcast.
    case notAnAccount(path: String)
    /// The file was written by a newer Overcast, which this one cannot read safely.
    case newerVersion(path: String, unknownMigrations: [String])
    /// The file or its folder cannot be read or created.
    case unreachable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notADatabase(path):
            return "\(path) is not an Overcast account: it is not a SQLite database. Choose another file with --db, or move this one away."
        case let .notAnAccount(path):
            return "\(path) is a SQLite database but not an Overcast account. Overcast left it untouched; choose another file with --db."
        case let .newerVersion(path, unknown):
            return "\(path) was written by a newer version of Overcast (it has changes this version does not know: \(unknown.joined(separator: ", "))). Upgrade Overcast to open it; the file was left untouched."
        case let .unreachable(path, reason):
            return "Cannot open the account file \(path): \(reason)"
        }
    }
}

extension AccountFileError: LocalizedError {
    public var errorDescription: String? { description }
}
