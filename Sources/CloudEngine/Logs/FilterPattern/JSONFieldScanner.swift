/// Finds the value at a JSON path by scanning a message's bytes, skipping what the path does not enter,
/// without building a tree: a JSON pattern then costs a pass over the message per selector, no allocation.
/// A message that is not well-formed where the path walks has no value there.
struct JSONFieldScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// Whether a message opens and closes as one JSON object or array: a cheap guard so that a truncated
    /// or plain-text event never matches a JSON pattern.
    static func looksWhole(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return false }
        return (bytes[first] == UInt8(ascii: "{") && bytes[last] == UInt8(ascii: "}"))
            || (bytes[first] == UInt8(ascii: "[") && bytes[last] == UInt8(ascii: "]"))
    }

    func value(at path: JSONPath) -> FilterFieldValue? {
        var index = skipSpace(0)
        for step in path.steps {
            guard let found = enter(step, at: index) else { return nil }
            index = found
        }
        return scalar(at: index)
    }

    /// The start of the member or element `step` names in the value at `index`.
    private func enter(_ step: JSONPath.Step, at start: Int) -> Int? {
        var index = start
        switch step {
        case .key(let name):
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
            index = skipSpace(index + 1)
            if index < bytes.count && bytes[index] == UInt8(ascii: "}") { return nil }
            while index < bytes.count, bytes[index] == Self.quote {
                guard let string = stringEnd(index) else { return nil }
                let key = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<string.end])
                let same = string.escaped ? Self.unescaped(key) == name : key.elementsEqual(name)
                index = skipSpace(string.end + 1)
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index = skipSpace(index + 1)
                if same { return index }
                guard let next = nextItem(index, closing: UInt8(ascii: "}")) else { return nil }
                index = next
            }
            return nil
        case .index(let wanted):
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
            index = skipSpace(index + 1)
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") { return nil }
            for _ in 0..<wanted {
                guard let next = nextItem(index, closing: UInt8(ascii: "]")) else { return nil }
                index = next
            }
            return index < bytes.count ? index : nil
        }
    }

    /// Skips the value at `index` and its comma: the start of the next item, or nil at the container's end.
    private func nextItem(_ index: Int, closing: UInt8) -> Int? {
        guard let end = valueEnd(index) else { return nil }
        let after = skipSpace(end)
        guard after < bytes.count, bytes[after] == UInt8(ascii: ",") else { return nil }
        return skipSpace(after + 1)
    }

    private func scalar(at index: Int) -> FilterFieldValue? {
        guard index < bytes.count, let end = valueEnd(index) else { return nil }
        let whole = UnsafeBufferPointer(rebasing: bytes[index..<end])
        switch bytes[index] {
        case Self.quote:
            let escaped = whole.contains(Self.backslash)
            return FilterFieldValue(kind: .string, bytes: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(end - 1)]), escaped: escaped)
        case UInt8(ascii: "{"), UInt8(ascii: "["): return FilterFieldValue(kind: .compound, bytes: whole)
        case UInt8(ascii: "t"): return FilterFieldValue(kind: .boolTrue, bytes: whole)
        case UInt8(ascii: "f"): return FilterFieldValue(kind: .boolFalse, bytes: whole)
        case UInt8(ascii: "n"): return FilterFieldValue(kind: .null, bytes: whole)
        default: return FilterFieldValue(kind: .number, bytes: whole)
        }
    }

    /// The index just past the value starting at `index`.
    private func valueEnd(_ index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case Self.quote:
            return stringEnd(index).map { $0.end + 1 }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var position = index
            while position < bytes.count {
                switch bytes[position] {
                case Self.quote:
                    guard let string = stringEnd(position) else { return nil }
                    position = string.end
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return position + 1 }
                default: break
                }
                position += 1
            }
            return nil
        default:
            var position = index
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || Self.isSpace(byte) { break }
                position += 1
            }
            return position > index ? position : nil
        }
    }

    /// The index of the closing quote of the string opening at `index`, and whether it holds escapes.
    private func stringEnd(_ index: Int) -> (end: Int, escaped: Bool)? {
        var position = index + 1
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote { return (position, escaped) }
            if byte == Self.backslash { escaped = true; position += 1 }
            position += 1
        }
        return nil
    }

    private func skipSpace(_ index: Int) -> Int {
        var position = index
        while position < bytes.count && Self.isSpace(bytes[position]) { position += 1 }
        return position
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// A JSON string's contents with its escapes resolved (`\n`, `\"`, `\u00e9`, surrogate pairs).
    static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        var pendingHigh: UInt32?
        while index < raw.count {
            let byte = raw[index]
            guard byte == backslash, index + 1 < raw.count else { out.append(byte); index += 1; continue }
            let code = raw[index + 1]
            index += 2
            let simple: [UInt8: UInt8] = [UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D,
                                          UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C]
            if code == UInt8(ascii: "u"), index + 4 <= raw.count,
               let unit = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[index..<(index + 4)]), as: UTF8.self), radix: 16) {
                index += 4
                var scalarValue = unit
                if (0xD800..<0xDC00).contains(unit) { pendingHigh = unit; continue }
                if (0xDC00..<0xE000).contains(unit), let high = pendingHigh {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                }
                pendingHigh = nil
                out.append(contentsOf: Array(String(Unicode.Scalar(scalarValue).map(Character.init) ?? "\u{FFFD}").utf8))
            } else {
                out.append(simple[code] ?? code)
            }
        }
        return out
    }
}
