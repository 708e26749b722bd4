import Foundation

/// Where an object's bytes come from while it is stored: read in pieces, so memory stays bounded.
public protocol ObjectBodySource {
    /// Returns up to `maxCount` bytes; an empty result means the end. Throw (e.g. `CancellationError`) to abort the put.
    mutating func read(maxCount: Int) throws -> Data
}

/// A body held in memory.
public struct DataBodySource: ObjectBodySource {
    private let data: Data
    private var offset = 0

    public init(_ data: Data) { self.data = data }

    public mutating func read(maxCount: Int) throws -> Data {
        let end = min(data.count, offset + maxCount)
        defer { offset = end }
        return data.subdata(in: data.startIndex + offset ..< data.startIndex + end)
    }
}
