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
