import Foundation

/// Reads the bodies of an upload's parts one after another, a stored chunk at a time (each read its own short
/// read transaction), so completing an upload re-chunks gigabytes with about one chunk in memory.
struct PartsBodySource: ObjectBodySource {
    struct Piece {
        var bodyID: Int64?
        var size: Int64
    }

    let storage: StorageService
    let uploadID: String
    let pieces: [Piece]
    private var index = 0
    private var seq: Int64 = 0
    private var buffer = Data()
    private var offset = 0

    init(storage: StorageService, uploadID: String, pieces: [Piece]) {
        self.storage = storage
        self.uploadID = uploadID
        self.pieces = pieces
    }

    mutating func read(maxCount: Int) throws -> Data {
        while offset == buffer.count {
            guard index < pieces.count else { return Data() }
            let piece = pieces[index]
            let chunkCount = (piece.size + Int64(StorageService.chunkSize) - 1) / Int64(StorageService.chunkSize)
            guard let bodyID = piece.bodyID, seq < chunkCount else {
                index += 1
                seq = 0
                continue
            }
            // A chunk gone means the upload was aborted (or completed) meanwhile.
            guard let data = try storage.chunk(bodyID: bodyID, seq: seq) else { throw EngineError.noSuchUpload(uploadID) }
            buffer = data
            offset = 0
            seq += 1
        }
        let end = min(buffer.count, offset + maxCount)
        defer { offset = end }
        return offset == 0 && end == buffer.count ? buffer : buffer.subdata(in: offset..<end)
    }
}

extension StorageService {
    /// One stored chunk of a body, or nil when it is not there.
    func chunk(bodyID: Int64, seq: Int64) throws -> Data? {
        try account.read { db in
            try Data.fetchOne(db.cachedStatement(sql: "SELECT data FROM chunks WHERE body_id = ? AND seq = ?"),
                              arguments: [bodyID, seq])
        }
    }
}
