import Foundation

/// Object keys as S3 treats them: UTF-8 bytes, compared and sorted as bytes.
enum ObjectKey {
    static let maxBytes = 1024

    static func validate(_ key: String) throws {
        if key.isEmpty { throw EngineError.invalidArgument("An object key must not be empty.") }
        if key.utf8.count > maxBytes { throw EngineError.keyTooLong(key) }
    }

    static func bytes(_ key: String) -> Data { Data(key.utf8) }

    static func string(_ bytes: Data) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The smallest byte string greater than every string that starts with `prefix`; nil when there is none.
    static func successor(ofPrefix prefix: Data) -> Data? {
        var bytes = [UInt8](prefix)
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return Data(bytes)
            }
            bytes.removeLast()
        }
        return nil
    }
}
