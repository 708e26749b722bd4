import Foundation

/// Reads the files of a .zip deployment package: stored and deflated entries, checked against their CRC-32.
///
/// A minimal reader (no ZIP64, no encryption, no multi-disk archives), enough for packages made by
/// `zip`, Python's `zipfile`, the AWS toolkits and SAM. Every failure is an InvalidParameterValueException
/// that says what is wrong with the package. Sizes are bounded before anything is inflated, so a
/// package that claims more than `maxUnzippedBytes` is refused without being expanded.
enum ZipPackageReader {
    struct Failure: Error { var reason: String }

    static func files(in data: Data, maxUnzippedBytes: Int) throws -> [String: Data] {
        do {
            return try read([UInt8](data), maxUnzippedBytes: maxUnzippedBytes)
        } catch let failure as Failure {
            throw EngineError.invalidParameterValue("Could not unzip uploaded file. Please check your file, then try to upload again. (\(failure.reason))")
        }
    }

    private static func read(_ bytes: [UInt8], maxUnzippedBytes: Int) throws -> [String: Data] {
        guard let end = findEndOfCentralDirectory(bytes) else { throw Failure(reason: "this is not a .zip file: no end of central directory record") }
        let entryCount = Int(u16(bytes, end + 10))
        let directorySize = Int(u32(bytes, end + 12))
        let directoryOffset = Int(u32(bytes, end + 16))
        if entryCount == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
            throw Failure(reason: "ZIP64 archives are not supported")
        }
        guard directoryOffset + directorySize <= end else { throw Failure(reason: "the central directory lies outside the file") }
        var files: [String: Data] = [:]
        var total = 0
        var cursor = directoryOffset
        for _ in 0..<entryCount {
            guard cursor + 46 <= end, u32(bytes, cursor) == 0x0201_4B50 else { throw Failure(reason: "a central directory entry is damaged") }
            let flags = u16(bytes, cursor + 8)
            let method = u16(bytes, cursor + 10)
            let crc = u32(bytes, cursor + 16)
            let compressedSize = Int(u32(bytes, cursor + 20))
            let size = Int(u32(bytes, cursor + 24))
            let nameLength = Int(u16(bytes, cursor + 28))
            let extraLength = Int(u16(bytes, cursor + 30))
            let commentLength = Int(u16(bytes, cursor + 32))
            let externalAttributes = u32(bytes, cursor + 38)
            let localOffset = Int(u32(bytes, cursor + 42))
            guard cursor + 46 + nameLength <= end else { throw Failure(reason: "a file name runs past the central directory") }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            cursor += 46 + nameLength + extraLength + commentLength
            if name.hasSuffix("/") { continue }
            if flags & 1 != 0 { throw Failure(reason: "\(name) is encrypted") }
            if (externalAttributes >> 16) & 0o170000 == 0o120000 { throw Failure(reason: "\(name) is a symbolic link") }
            total += size
            if total > maxUnzippedBytes { throw Failure(reason: "Unzipped size must be smaller than \(maxUnzippedBytes) bytes") }
            guard localOffset + 30 <= bytes.count, u32(bytes, localOffset) == 0x0403_4B50 else {
                throw Failure(reason: "the local header of \(name) is missing")
            }
            let start = localOffset + 30 + Int(u16(bytes, localOffset + 26)) + Int(u16(bytes, localOffset + 28))
            guard start + compressedSize <= bytes.count else { throw Failure(reason: "\(name) is truncated") }
            let stored = bytes[start..<(start + compressedSize)]
            let content: [UInt8]
            switch method {
            case 0:
                content = Array(stored)
            case 8:
                var inflater = Inflater(input: Array(stored), expected: size)
                content = try inflater.run()
            default:
                throw Failure(reason: "\(name) uses compression method \(method); only stored and deflate are supported")
            }
            guard content.count == size else { throw Failure(reason: "\(name) is \(content.count) bytes, the archive says \(size)") }
            guard CRC32.checksum(content) == crc else { throw Failure(reason: "\(name) fails its CRC-32 check") }
            var path = name
            while path.hasPrefix("./") { path.removeFirst(2) }
            files[path] = Data(content)
        }
        return files
    }

    private static func findEndOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var index = bytes.count - 22
        while index >= lowest {
            if u32(bytes, index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}

/// CRC-32 (IEEE 802.3), as zip uses it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// A raw DEFLATE (RFC 1951) decoder, after zlib's `puff.c`: stored, fixed and dynamic Huffman blocks.
struct Inflater {
    typealias Failure = ZipPackageReader.Failure

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var count = [Int](repeating: 0, count: 16)
        var symbol: [Int]

        /// Builds the code from each symbol's length; fails on an over-subscribed set of lengths.
        init(lengths: ArraySlice<Int>) throws {
            symbol = [Int](repeating: 0, count: lengths.count)
            for length in lengths { count[length] += 1 }
            var left = 1
            for length in 1..<16 {
                left = left * 2 - count[length]
                if left < 0 { throw Failure(reason: "a Huffman table is over-subscribed") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + count[length] }
            for (index, length) in lengths.enumerated() where length != 0 {
                symbol[offsets[length]] = index
                offsets[length] += 1
            }
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    let input: [UInt8]
    /// The size the archive declares: output past it is refused (no zip bombs).
    let expected: Int
    var position = 0
    var bitBuffer = 0
    var bitCount = 0
    var output: [UInt8] = []

    init(input: [UInt8], expected: Int) {
        self.input = input
        self.expected = expected
        output.reserveCapacity(expected)
    }

    mutating func run() throws -> [UInt8] {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try fixed()
            case 2: try dynamic()
            default: throw Failure(reason: "a deflate block has the reserved type 3")
            }
        }
        return output
    }

    mutating func bits(_ needed: Int) throws -> Int {
        var value = bitBuffer
        while bitCount < needed {
            guard position < input.count else { throw Failure(reason: "the compressed data ends early") }
            value |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        bitBuffer = value >> needed
        bitCount -= needed
        return value & ((1 << needed) - 1)
    }

    mutating func stored() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw Failure(reason: "the compressed data ends early") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard length == ~complement & 0xFFFF else { throw Failure(reason: "a stored block's length check fails") }
        guard position + length <= input.count else { throw Failure(reason: "the compressed data ends early") }
        try emit(input[position..<(position + length)])
        position += length
    }

    mutating func emit(_ bytes: ArraySlice<UInt8>) throws {
        guard output.count + bytes.count <= expected else { throw Failure(reason: "an entry inflates past its declared size") }
        output.append(contentsOf: bytes)
    }

    mutating func decode(_ huffman: Huffman) throws -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = huffman.count[length]
            if code - count < first { return huffman.symbol[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw Failure(reason: "a Huffman code is invalid")
    }

    mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                guard output.count < expected else { throw Failure(reason: "an entry inflates past its declared size") }
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let lengthIndex = symbol - 257
                guard lengthIndex < 29 else { throw Failure(reason: "a length code is invalid") }
                let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
                let distanceIndex = try decode(distances)
                guard distanceIndex < 30 else { throw Failure(reason: "a distance code is invalid") }
                let distance = Self.distanceBase[distanceIndex] + (try bits(Self.distanceExtra[distanceIndex]))
                guard distance <= output.count else { throw Failure(reason: "a distance reaches before the start of the data") }
                guard output.count + length <= expected else { throw Failure(reason: "an entry inflates past its declared size") }
                let start = output.count - distance
                for offset in 0..<length { output.append(output[start + offset]) }
            }
        }
    }

    mutating func fixed() throws {
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        let literal = try Huffman(lengths: lengths[...])
        let distance = try Huffman(lengths: [Int](repeating: 5, count: 30)[...])
        try codes(literal, distance)
    }

    mutating func dynamic() throws {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw Failure(reason: "a dynamic block has too many codes") }
        var lengths = [Int](repeating: 0, count: 320)
        for index in 0..<codeLengthCount { lengths[Self.codeLengthOrder[index]] = try bits(3) }
        let lengthCode = try Huffman(lengths: lengths[0..<19])
        var index = 0
        while index < literalCount + distanceCount {
            var symbol = try decode(lengthCode)
            if symbol < 16 {
                lengths[index] = symbol
                index += 1
                continue
            }
            var repeated = 0
            if symbol == 16 {
                guard index > 0 else { throw Failure(reason: "a repeat has no previous length") }
                repeated = lengths[index - 1]
                symbol = 3 + (try bits(2))
            } else if symbol == 17 {
                symbol = 3 + (try bits(3))
            } else {
                symbol = 11 + (try bits(7))
            }
            guard index + symbol <= literalCount + distanceCount else { throw Failure(reason: "too many code lengths") }
            for _ in 0..<symbol {
                lengths[index] = repeated
                index += 1
            }
        }
        guard lengths[256] != 0 else { throw Failure(reason: "a block has no end-of-block code") }
        let literal = try Huffman(lengths: lengths[0..<literalCount])
        let distance = try Huffman(lengths: lengths[literalCount..<(literalCount + distanceCount)])
        try codes(literal, distance)
    }
}
