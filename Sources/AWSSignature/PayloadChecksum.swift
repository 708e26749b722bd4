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
        switch algorithm {
        case .crc32: crc = Self.update(crc, bytes, table: Self.crc32Table)
        case .crc32c: crc = Self.update(crc, bytes, table: Self.crc32cTable)
        case .sha1: sha1.update(data: Array(bytes))
        case .sha256: sha256.update(data: Array(bytes))
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

    private static func update(_ start: UInt32, _ bytes: some Collection<UInt8>, table: [UInt32]) -> UInt32 {
        var crc = start
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc
    }

    private static func table(polynomial: UInt32) -> [UInt32] {
        (0..<256).map { index in
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ polynomial : value >> 1 }
            return value
        }
    }

    private static let crc32Table = table(polynomial: 0xEDB8_8320)
    private static let crc32cTable = table(polynomial: 0x82F6_3B78)
}
