import Foundation
import Testing

/// A file as it was before Overcast looked at it: its bytes and modification time, to check that a refusal changed nothing.
struct UntouchedFile {
    let path: String
    let bytes: Data
    let modified: timespec

    init(_ path: String) throws {
        self.path = path
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        modified = try Self.modificationTime(path)
    }

    /// The files SQLite makes beside a database it opens.
    static func companions(of path: String) -> [String] {
        ["-wal", "-shm", "-journal"].map { path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Expects the file to hold the same bytes with the same modification time, and (unless told otherwise) nothing beside it.
    func expectUnchanged(companionsAllowed: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the bytes changed", sourceLocation: sourceLocation)
        let now = try Self.modificationTime(path)
        #expect(now.tv_sec == modified.tv_sec && now.tv_nsec == modified.tv_nsec, "the modification time changed",
                sourceLocation: sourceLocation)
        if !companionsAllowed {
            #expect(Self.companions(of: path).isEmpty, "SQLite files were left beside it", sourceLocation: sourceLocation)
        }
    }

    private static func modificationTime(_ path: String) throws -> timespec {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return info.st_mtim
    }
}
