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

/// Substring search over UTF-8 bytes: what term patterns spend their time in.
enum ByteSearch {
    static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, _ part: [UInt8], at start: Int) -> Bool {
        guard start >= 0, text.count - start >= part.count else { return false }
        for (offset, byte) in part.enumerated() where text[start + offset] != byte { return false }
        return true
    }

    /// The first index in `from..<to` where `part` starts and ends before `to`.
    static func find(_ part: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> Int? {
        let end = to ?? text.count
        guard let first = part.first else { return from }
        var index = from
        let last = end - part.count
        while index <= last {
            if text[index] == first && hasPrefix(text, part, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Runs `body` on a string's UTF-8 bytes, copying only when the string is not stored contiguously.
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
