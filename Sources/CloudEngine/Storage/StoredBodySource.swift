import Foundation

/// Reads spans of stored bodies one after another, a stored chunk at a time (each read its own short read
/// transaction), so completing an upload or copying a part moves gigabytes with about one chunk in memory.
struct StoredBodySource: ObjectBodySource {
    /// `length` bytes of a body from `start`; a nil body is empty.
    struct Span {
        var bodyID: Int64?
        var start: Int64 = 0
        var length: Int64
    }

    let storage: StorageService
    let spans: [Span]
    /// Thrown when a chunk is gone: the body was freed meanwhile (an upload aborted, an object overwritten).
    let whenGone: EngineError
    private var index = 0
    /// The next byte of the current span to read, from the body's start.
    private var position: Int64 = 0
    private var buffer = Data()
    private var offset = 0

    init(storage: StorageService, spans: [Span], whenGone: EngineError) {
        self.storage = storage
        self.spans = spans
        self.whenGone = whenGone
        position = spans.first?.start ?? 0
    }

    mutating func read(maxCount: Int) throws -> Data {
        while offset == buffer.count {
            guard index < spans.count else { return Data() }
            let span = spans[index]
            guard let bodyID = span.bodyID, position < span.start + span.length else {
                index += 1
                position = index < spans.count ? spans[index].start : 0
                continue
            }
            let chunkSize = Int64(StorageService.chunkSize)
            let seq = position / chunkSize
            guard let data = try storage.chunk(bodyID: bodyID, seq: seq) else { throw whenGone }
            let from = Int(position - seq * chunkSize)
            let to = Int(min(Int64(data.count), span.start + span.length - seq * chunkSize))
            guard from < to else { throw whenGone }
            buffer = from == 0 && to == data.count ? data : data.subdata(in: from..<to)
            offset = 0
            position += Int64(to - from)
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
