/// A string in which `*` stands for any run of characters, matched against bytes without building a String.
struct GlobPattern: Sendable {
    /// The literal pieces between stars.
    let parts: [[UInt8]]
    let leadingStar: Bool
    let trailingStar: Bool
    let hasStar: Bool

    init(_ text: String) {
        let bytes = Array(text.utf8)
        parts = bytes.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: true).map(Array.init)
        hasStar = bytes.contains(UInt8(ascii: "*"))
        leadingStar = bytes.first == UInt8(ascii: "*")
        trailingStar = bytes.last == UInt8(ascii: "*")
    }

    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hasStar else { return parts.isEmpty ? text.isEmpty : text.elementsEqual(parts[0]) }
        var low = 0
        var high = text.count
        var middle = parts[...]
        if !leadingStar, let first = middle.first {
            guard ByteSearch.hasPrefix(text, first, at: 0) else { return false }
            low = first.count
            middle = middle.dropFirst()
        }
        if !trailingStar, let last = middle.last {
            guard high - low >= last.count, ByteSearch.hasPrefix(text, last, at: high - last.count) else { return false }
            high -= last.count
            middle = middle.dropLast()
        }
        for part in middle {
            guard let found = ByteSearch.find(part, in: text, from: low, to: high) else { return false }
            low = found + part.count
        }
        return low <= high
    }
}
