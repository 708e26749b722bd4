import Crypto
import Foundation

/// Cuts a body source into fixed-size chunks while hashing it (MD5) and reporting progress.
struct ChunkReader<Source: ObjectBodySource> {
    private var source: Source
    private let chunkSize: Int
    private var hasher = Insecure.MD5()
    private var background: BackgroundHasher?
    private var ended = false
    private let progress: ((Int64) -> Void)?
    private(set) var totalBytes: Int64 = 0

    init(source: Source, chunkSize: Int, progress: ((Int64) -> Void)?) {
        self.source = source
        self.chunkSize = chunkSize
        self.progress = progress
    }

    /// The next chunk of exactly `chunkSize` bytes (the last may be shorter); nil at the end.
    mutating func next() throws -> Data? {
        guard !ended else { return nil }
        // No up-front reservation: a 1 KiB body must not cost a 1 MiB allocation.
        var chunk = Data()
        while chunk.count < chunkSize {
            let piece = try source.read(maxCount: chunkSize - chunk.count)
            if piece.isEmpty {
                ended = true
                break
            }
            if chunk.isEmpty { chunk = piece } else { chunk.append(piece) }
        }
        if chunk.isEmpty {
            if totalBytes == 0 { progress?(0) }
            return nil
        }
        if let background { background.update(chunk) } else { hasher.update(data: chunk) }
        totalBytes += Int64(chunk.count)
        progress?(totalBytes)
        return chunk
    }

    /// From now on, hash on another core (for bodies large enough to be worth it).
    mutating func hashInBackground() {
        guard background == nil else { return }
        background = BackgroundHasher(continuing: hasher)
    }

    /// The body's MD5 in lowercase hex; call once, after the last chunk.
    func md5Hex() -> String {
        let digest = background?.finish() ?? hasher.finalize()
        return Hex.lowercase(digest)
    }
}
