import Foundation
import IAMPolicy

/// Why an account file could not be opened; the file is left as it was in every case.
///
/// Each message names what was found at the path and what the user can do about it.
public enum AccountFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a SQLite database.
    case notADatabase(path: String)
    /// The file is a SQLite database made by something other than Overcast.
    case notAnAccount(path: String)
    /// The file records changes (migrations) this Overcast does not know: a newer Overcast wrote it.
    case newerVersion(path: String, unknownMigrations: [String])
    /// The file's header carries a schema version above the one this Overcast writes: a newer Overcast wrote it.
    case newerSchemaVersion(path: String, version: Int, known: Int)
    /// Something other than a regular file is at the path, itself or behind the symbolic link `linkTarget`.
    case notAFile(path: String, kind: AccountPathKind, linkTarget: String?)
    /// The path is a symbolic link to `target`, which does not exist.
    case danglingSymlink(path: String, target: String)
    /// The user lacks a permission the account needs; `reason` says which one and how to get it.
    case permissionDenied(path: String, reason: String)
    /// An Overcast account whose schema lacks tables or indexes its applied migrations created.
    case damaged(path: String, missing: [String])
    /// SQLite cannot read the file's structure; `detail` says what is wrong (usually SQLite's own words).
    case corrupt(path: String, detail: String)
    /// The file or its folder cannot be read or created.
    case unreachable(path: String, reason: String)

    /// What the user reads, with control characters in the path (or anything else quoted) escaped.
    public var description: String { JSONString.escapingControlCharacters(wording) }

    private var wording: String {
        switch self {
        case let .notADatabase(path):
            return "\(path) is not an Overcast account: it is not a SQLite database. Choose another file with --db, or move this one away."
        case let .notAnAccount(path):
            return "\(path) is a SQLite database but not an Overcast account. Overcast left it untouched; choose another file with --db."
        case let .newerVersion(path, unknown):
            return "\(path) was written by a newer version of Overcast (it has changes this version does not know: \(unknown.joined(separator: ", "))). Upgrade Overcast to open it; the file was left untouched."
        case let .newerSchemaVersion(path, version, known):
            return "\(path) was written by a newer version of Overcast (its schema version is \(version); this version knows up to \(known)). Upgrade Overcast to open it; the file was left untouched."
        case let .notAFile(path, kind, nil):
            return "\(path) is \(kind.phrase), not a file. \(Self.advice(for: kind, path: path))"
        case let .notAFile(path, kind, target?):
            return "\(path) is a symbolic link to \(target), which is \(kind.phrase), not a file. \(Self.advice(for: kind, path: path))"
        case let .danglingSymlink(path, target):
            return "\(path) is a symbolic link to \(target), which does not exist. Overcast does not create an account through a broken link: point the link at an account file, remove it, or choose another file with --db."
        case let .permissionDenied(path, reason):
            return "Cannot open the account file \(path): \(reason)"
        case let .damaged(path, missing):
            return "\(path) is an Overcast account, but it is damaged: it is missing \(missing.joined(separator: ", ")). Overcast left it untouched rather than guess how to repair it. Restore it from a backup, or move it away and start a new account."
        case let .corrupt(path, detail):
            return "\(path) is damaged (\(detail)). Overcast left it untouched. Restore it from a backup (`sqlite3 \(path) .recover` may rescue part of it), or move it away and start a new account."
        case let .unreachable(path, reason):
            return "Cannot open the account file \(path): \(reason)"
        }
    }

    /// What to do instead: a folder most likely means the user meant a file inside it.
    private static func advice(for kind: AccountPathKind, path: String) -> String {
        if kind == .directory {
            let inside = (path as NSString).appendingPathComponent("account.sqlite")
            return "Give --db the path of the account file itself, e.g. \(inside)."
        }
        return "An account lives in a regular file: choose another path with --db."
    }
}

extension AccountFileError: LocalizedError {
    public var errorDescription: String? { description }
}
