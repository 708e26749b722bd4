import Foundation

/// An IPv4 or IPv6 CIDR block, for the `IpAddress` and `NotIpAddress` operators.
///
/// Written here rather than with a networking library because the engine
/// needs nothing but parsing and a prefix comparison.
struct IPAddressRange: Sendable, Equatable {
    /// The network address, 4 bytes for IPv4 and 16 for IPv6.
    var bytes: [UInt8]
    /// The number of leading bits that must match.
    var prefixLength: Int

    /// Reads `203.0.113.0/24`, `2001:db8::/32`, or a bare address (a block of one).
    init?(cidr: String) {
        let parts = cidr.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = Self.parseAddress(String(parts[0])) else { return nil }
        let maximum = address.count * 8
        var prefix = maximum
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...maximum).contains(parsed), parts[1].allSatisfy(\.isASCII) else {
                return nil
            }
            prefix = parsed
        }
        bytes = address
        prefixLength = prefix
    }

    /// Whether `address` (an IPv4 or IPv6 address in text) falls in this block.
    func contains(_ address: String) -> Bool {
        guard let candidate = Self.parseAddress(address) else { return false }
        return contains(address: candidate)
    }

    /// Whether an address already parsed by `parseAddress` falls in this block; lets the
    /// evaluator parse a request's address once for all of a condition's blocks.
    func contains(address candidate: [UInt8]) -> Bool {
        guard candidate.count == bytes.count else { return false }
        var remaining = prefixLength
        for (network, probe) in zip(bytes, candidate) where remaining > 0 {
            let bits = min(remaining, 8)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if network & mask != probe & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// The bytes of an IPv4 or IPv6 address, or nil when it is neither.
    static func parseAddress(_ text: String) -> [UInt8]? {
        // A byte test, not Foundation's substring search: this runs for every `IpAddress` test.
        // (Either way a non-ASCII address fails to parse, so the two cannot disagree.)
        if text.utf8.contains(UInt8(ascii: ":")) { return parseIPv6(text) }
        return parseIPv4(text)
    }

    /// Four dot-separated decimal octets of one to three ASCII digits each.
    ///
    /// Read byte by byte because the evaluator parses the request's address for every
    /// `IpAddress` condition it tests; splitting into substrings cost more than the test.
    private static func parseIPv4(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(4)
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                guard digits <= 3, value <= 255 else { return nil }
            case UInt8(ascii: "."):
                guard digits > 0, result.count < 3 else { return nil }
                result.append(UInt8(value))
                value = 0
                digits = 0
            default:
                return nil
            }
        }
        guard digits > 0, result.count == 3 else { return nil }
        result.append(UInt8(value))
        return result
    }

    private static func parseIPv6(_ text: String) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (offset, piece) in pieces.enumerated() {
                if offset == pieces.count - 1, piece.contains("."), let tail = parseIPv4(String(piece)) {
                    bytes += tail
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 16 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
