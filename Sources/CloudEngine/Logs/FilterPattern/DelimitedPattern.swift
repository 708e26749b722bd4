/// A pattern for space-delimited events: `[ip, user, ..., status = 5*, size > 1000]`. Each field takes one
/// word of the message (text in `"..."` or `[...]` is one word, without its quotes or brackets); `...` takes
/// any number. A field's condition may name any field of the pattern.
struct DelimitedPattern: Sendable {
    enum Slot: Sendable {
        case ellipsis
        /// The field's number in the parser's table, and its condition.
        case field(Int, FilterCondition)
    }

    let slots: [Slot]

    init(tokens: [FilterToken]) throws {
        var parser = FilterConditionParser(tokens: tokens, mode: .delimited)
        try parser.expect(.leftBracket, "'['")
        var slots: [Slot] = []
        if parser.current.kind != .rightBracket {
            while true {
                if parser.current.kind == .ellipsis {
                    _ = parser.advance()
                    slots.append(.ellipsis)
                } else {
                    let name = parser.current
                    let condition = try parser.parseOr()
                    slots.append(.field(parser.fieldIndex(name.text), condition))
                }
                guard parser.current.kind == .comma else { break }
                _ = parser.advance()
            }
        }
        try parser.expect(.rightBracket, "',' or ']'")
        try parser.expect(.end, "the end of the pattern after ']'")
        self.slots = slots
    }

    func matches(_ message: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = Self.words(message)
        var source = Assignment(message: message, words: words)
        return place(slot: 0, word: 0, &source)
    }

    /// Gives slots their words left to right; an ellipsis tries every length, shortest first.
    private func place(slot: Int, word: Int, _ source: inout Assignment) -> Bool {
        guard slot < slots.count else { return word == source.words.count }
        switch slots[slot] {
        case .ellipsis:
            for taken in 0...(source.words.count - word) where place(slot: slot + 1, word: word + taken, &source) { return true }
            return false
        case .field(let field, let condition):
            guard word < source.words.count else { return false }
            source.assigned[field] = word
            defer { source.assigned[field] = nil }
            guard condition.evaluate(&source) else { return false }
            return place(slot: slot + 1, word: word + 1, &source)
        }
    }

    /// The words of a message as ranges of its bytes.
    static func words(_ message: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var index = 0
        let count = message.count
        while index < count {
            let byte = message[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1; continue }
            let closing: UInt8? = byte == UInt8(ascii: "\"") ? byte : byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : nil
            if let closing, let close = ByteSearch.find([closing], in: message, from: index + 1) {
                words.append((index + 1)..<close)
                index = close + 1
                continue
            }
            var end = index
            while end < count && message[end] != 0x20 && message[end] != 0x09 && message[end] != 0x0A && message[end] != 0x0D { end += 1 }
            words.append(index..<end)
            index = end
        }
        return words
    }

    /// Which word each field has taken so far.
    struct Assignment: FilterFieldSource {
        let message: UnsafeBufferPointer<UInt8>
        let words: [Range<Int>]
        var assigned: [Int: Int] = [:]

        mutating func value(_ field: Int) -> FilterFieldValue? {
            guard let word = assigned[field] else { return nil }
            return FilterFieldValue(kind: .string, bytes: UnsafeBufferPointer(rebasing: message[words[word]]))
        }
    }
}
