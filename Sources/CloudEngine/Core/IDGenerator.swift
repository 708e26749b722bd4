import Foundation

/// Where the engine gets randomness for ids, keys and tokens, injected so tests are deterministic.
public protocol IDGenerator: Sendable {
    func randomBytes(_ count: Int) -> [UInt8]
}

extension IDGenerator {
    /// Lowercase hex, `count` characters long.
    public func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String(randomBytes(count).map { digits[Int($0 & 0x0f)] })
    }

    /// Characters from `alphabet`, `count` of them.
    public func string(_ count: Int, alphabet: String) -> String {
        let symbols = Array(alphabet)
        guard !symbols.isEmpty else { return "" }
        return String(randomBytes(count).map { symbols[Int($0) % symbols.count] })
    }

    /// Uppercase letters and digits, as in IAM unique ids and access key ids.
    public func upperAlphanumeric(_ count: Int) -> String {
        string(count, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    }

    /// A lowercase UUID, as Lambda request ids are.
    public func uuid() -> String {
        var bytes = randomBytes(16)
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let chars = Array(Hex.lowercase(bytes))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    }
}

/// Cryptographically random ids for real use.
public struct SystemIDGenerator: IDGenerator {
    public init() {}
    public func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// A repeatable sequence of ids from a seed (SplitMix64), for tests.
public final class SeededIDGenerator: IDGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    public init(seed: UInt64 = 42) { state = seed }

    public func randomBytes(_ count: Int) -> [UInt8] {
        lock.withLock {
            (0..<count).map { _ in
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return UInt8(truncatingIfNeeded: z ^ (z >> 31))
            }
        }
    }
}
