/// Object keys in S3's order (UTF-8 bytes, which is Unicode scalar order), and points between them.
///
/// The engine lists only forwards (ListObjectsV2), so the object browser
/// finds "the page before this key" by bisecting the key space: it needs to
/// compare keys as S3 does and to name a key strictly between two others.
enum KeyOrder {
    /// Whether `a` sorts before `b` in S3's byte order (Swift's `<` on String does not).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The largest scalar; a prefix followed by it sorts after every real key under the prefix.
    static let maxScalar: Character = "\u{10FFFF}"

    /// A string strictly between `low` and `high` (nil `high`: no upper bound), or nil when none exists.
    ///
    /// Biased towards ASCII, where nearly all keys live, so a bisection over
    /// real keys converges in a few probes per character.
    static func midpoint(_ low: String, _ high: String?) -> String? {
        let lo = low.unicodeScalars.map(\.value)
        let hi = high.map { $0.unicodeScalars.map(\.value) }
        guard let digits = midpoint(lo[...], hi.map { $0[...] }) else { return nil }
        var result = String.UnicodeScalarView()
        for value in digits {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            result.append(scalar)
        }
        return String(result)
    }

    private static func midpoint(_ lo: ArraySlice<UInt32>, _ hi: ArraySlice<UInt32>?) -> [UInt32]? {
        var i = 0
        if let hi {
            while i < lo.count, i < hi.count, lo[lo.startIndex + i] == hi[hi.startIndex + i] { i += 1 }
        }
        let common = Array(lo.prefix(i))
        let a = i < lo.count ? Int(lo[lo.startIndex + i]) : -1
        let b: Int = hi.map { i < $0.count ? Int($0[$0.startIndex + i]) : -1 } ?? 0x110000
        guard b > a else { return nil }
        if let digit = pick(above: a, below: b) { return common + [digit] }
        if a >= 0 {
            guard let tail = midpoint(lo.dropFirst(i + 1), nil) else { return nil }
            return common + [UInt32(a)] + tail
        }
        guard let hi, let tail = midpoint([], hi.dropFirst(i + 1)) else { return nil }
        return common + [UInt32(b)] + tail
    }

    /// A scalar value strictly between `a` and `b`, preferring ASCII; nil when there is none.
    private static func pick(above a: Int, below b: Int) -> UInt32? {
        let low = a + 1
        var high = b - 1
        guard low <= high else { return nil }
        if low <= 0x7F, high > 0x80 { high = 0x80 }
        var m = (low + high) / 2
        if (0xD800...0xDFFF).contains(m) {
            if 0xE000 <= b - 1 { m = 0xE000 } else if 0xD7FF >= low { m = 0xD7FF } else { return nil }
        }
        return UInt32(m)
    }
}
