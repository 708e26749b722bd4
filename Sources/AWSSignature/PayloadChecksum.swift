import Crypto
import Foundation

/// The flexible checksums S3 accepts (`x-amz-checksum-*`), computed incrementally.
public enum ChecksumAlgorithm: String, Sendable, Equatable, CaseIterable {
    case crc32, crc32c, sha1, sha256

    /// The algorithm a header or trailer name such as `x-amz-checksum-crc32` names; nil for other names.
    public init?(headerName: String) {
        let prefix = "x-amz-checksum-"
        let name = headerName.lowercased()
        guard name.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(name.dropFirst(prefix.count)))
    }

    /// The name S3 writes in its messages, e.g. "CRC32".
    public var displayName: String { rawValue.uppercased() }
}

/// A running checksum of a body; `base64` is the value as `x-amz-checksum-*` carries it.
public struct PayloadChecksum {
    public let algorithm: ChecksumAlgorithm
    private var crc: UInt32 = 0xFFFF_FFFF
    private var sha1 = Insecure.SHA1()
    private var sha256 = SHA256()

    public init(_ algorithm: ChecksumAlgorithm) {
        self.algorithm = algorithm
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        // Data and arrays are contiguous: checksum them in place, never byte by byte through an iterator.
        if bytes.withContiguousStorageIfAvailable({ update(raw: UnsafeRawBufferPointer($0)) }) != nil { return }
        Array(bytes).withUnsafeBytes { update(raw: $0) }
    }

    public mutating func update(raw bytes: UnsafeRawBufferPointer) {
        switch algorithm {
        case .crc32: crc = Self.crc32Tables.withUnsafeBufferPointer { Self.update(crc, bytes, tables: $0) }
        case .crc32c: crc = Self.crc32cTables.withUnsafeBufferPointer { Self.update(crc, bytes, tables: $0) }
        case .sha1: sha1.update(bufferPointer: bytes)
        case .sha256: sha256.update(bufferPointer: bytes)
        }
    }

    /// The checksum so far, base64 of its big-endian bytes.
    public var base64: String {
        switch algorithm {
        case .crc32, .crc32c:
            let value = ~crc
            return Data([UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
                .base64EncodedString()
        case .sha1: return Data(sha1.finalize()).base64EncodedString()
        case .sha256: return Data(sha256.finalize()).base64EncodedString()
        }
    }

    /// CRC by slicing-by-8: eight bytes a step through eight tables (about eight times the byte-at-a-time rate).
    private static func update(_ start: UInt32, _ bytes: UnsafeRawBufferPointer, tables t: UnsafeBufferPointer<UInt32>) -> UInt32 {
        var crc = start
        var index = 0
        let count = bytes.count
        while count - index >= 8 {
            let one = bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ crc
            let two = bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
            crc = t[7 * 256 + Int(one & 0xFF)] ^ t[6 * 256 + Int(one >> 8 & 0xFF)] ^ t[5 * 256 + Int(one >> 16 & 0xFF)]
                ^ t[4 * 256 + Int(one >> 24)] ^ t[3 * 256 + Int(two & 0xFF)] ^ t[2 * 256 + Int(two >> 8 & 0xFF)]
                ^ t[256 + Int(two >> 16 & 0xFF)] ^ t[Int(two >> 24)]
            index += 8
        }
        while index < count {
            crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
            index += 1
        }
        return crc
    }

    /// The byte table for `polynomial` followed by the seven tables slicing-by-8 derives from it.
    private static func tables(polynomial: UInt32) -> [UInt32] {
        var tables = (0..<256).map { index in
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ polynomial : value >> 1 }
            return value
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables.append((previous >> 8) ^ tables[Int(previous & 0xFF)])
            }
        }
        return tables
    }

    private static let crc32Tables = tables(polynomial: 0xEDB8_8320)
    private static let crc32cTables = tables(polynomial: 0x82F6_3B78)
}
