/// The first bytes of a SQLite file, read with a plain `read(2)`.
///
/// Judging a file this way means a file Overcast refuses is never opened by
/// SQLite, which would create `-wal` and `-shm` files beside it. The offsets
/// are SQLite's documented file format (https://www.sqlite.org/fileformat.html);
/// the integers are big-endian.
struct SQLiteFileHeader {
    /// "SQLite format 3" and a NUL: every SQLite 3 database starts with it.
    static let magic = Array("SQLite format 3\0".utf8)
    /// Enough to reach the cell count in page 1's b-tree header (the 100-byte file header, then 8 more).
    static let length = 108

    let bytes: [UInt8]

    /// Whether what was read starts like a SQLite file (a short file may hold only part of the magic).
    var startsLikeSQLite: Bool {
        bytes.count >= Self.magic.count ? bytes.starts(with: Self.magic) : Self.magic.starts(with: bytes)
    }

    /// Whether the header is all there: a real database is at least one 512-byte page.
    var isComplete: Bool { bytes.count >= Self.length }

    /// Read and write versions 2 mean the database uses a write-ahead log.
    var usesWAL: Bool { bytes[18] == 2 || bytes[19] == 2 }

    /// `PRAGMA user_version`: Overcast stamps its schema version here (see `AccountSchema.version`).
    var userVersion: Int32 { int32(at: 60) }

    /// `PRAGMA application_id`: Overcast's migrations set `AccountSchema.applicationID`.
    var applicationID: Int32 { int32(at: 68) }

    /// Page 1 holds `sqlite_master` as a table leaf (0x0D) with no cells: no tables, indexes, views or triggers.
    var schemaIsEmpty: Bool { bytes[100] == 0x0D && bytes[103] == 0 && bytes[104] == 0 }

    private func int32(at offset: Int) -> Int32 {
        let value = bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: value)
    }
}
