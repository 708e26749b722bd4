/// An HTTP Range on an object (`bytes=0-99`, `bytes=100-`, `bytes=-100`).
public enum ByteRange: Sendable, Equatable {
    case fromTo(Int64, Int64)
    case from(Int64)
    case suffix(Int64)

    /// Parses a Range header; nil when it is not a single valid byte range (S3 then ignores it and returns the whole object).
    public static func parse(header: String) -> ByteRange? {
        guard header.hasPrefix("bytes=") else { return nil }
        let spec = header.dropFirst("bytes=".count)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[spec.startIndex..<dash]
        let last = spec[spec.index(after: dash)...]
        let digits = { (part: Substring) -> Int64? in
            part.allSatisfy { $0.isASCII && $0.isNumber } ? Int64(part) : nil
        }
        switch (digits(first), digits(last)) {
        case let (start?, end?) where start >= 0 && end >= start: return .fromTo(start, end)
        case let (start?, nil) where last.isEmpty && start >= 0: return .from(start)
        case let (nil, count?) where first.isEmpty && count > 0: return .suffix(count)
        default: return nil
        }
    }

    /// The bytes this range covers in an object of `size` bytes; throws InvalidRange when it covers none.
    public func resolve(size: Int64) throws -> ClosedRange<Int64> {
        switch self {
        case let .fromTo(start, end):
            guard start < size else { throw EngineError.invalidRange(size: size) }
            return start...min(end, size - 1)
        case let .from(start):
            guard start < size else { throw EngineError.invalidRange(size: size) }
            return start...(size - 1)
        case let .suffix(count):
            guard size > 0 else { throw EngineError.invalidRange(size: size) }
            return max(0, size - count)...(size - 1)
        }
    }
}
